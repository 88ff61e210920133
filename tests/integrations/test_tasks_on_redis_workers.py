"""With `MOTCUA_TASK_BACKEND=rq` a dossier's sync is queued on Redis (127.0.0.1:6379) once the
filing commits, and a real RQ worker (`motcua worker --batch`) delivers it to the portal.
Skipped when the `redis` extra is not installed or no Redis answers."""

import os

import pytest

from tests.integrations.world import World, installed
from tests.simulators.processes import call

redis = pytest.importorskip("redis")
pytest.importorskip("django_tasks_rq")
REDIS_URL = os.environ.get("MOTCUA_TEST_REDIS_URL", "redis://127.0.0.1:6379/14")


@pytest.fixture
def redis_db():
    """The Redis database kept for this test, emptied."""
    client = redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1)
    try:
        client.ping()
    except redis.exceptions.ConnectionError:
        pytest.skip(f"Redis không trả lời ở {REDIS_URL}")
    client.flushdb()
    yield client
    client.flushdb()
    client.close()


@pytest.fixture
def rq_world(tmp_path, portal, redis_db) -> World:
    rq = {"MOTCUA_TASK_BACKEND": "rq", "MOTCUA_REDIS_URL": REDIS_URL}
    with installed(tmp_path / "world", portal, **rq) as installation:
        yield installation


def test_a_sync_queued_on_redis_is_delivered_by_an_rq_worker(rq_world, redis_db, portal):
    code = rq_world.file_dossier()
    assert redis_db.llen("rq:queue:default") == 1  # its effects, queued on Redis after the commit
    assert rq_world.query("SELECT count(*) FROM django_tasks_database_dbtaskresult") == [(0,)]
    assert rq_world.query("SELECT count(*) FROM dossiers_pendingeffects") == [(1,)]
    assert rq_world.query("SELECT count(*) FROM integrations_exchange") == [(0,)]

    # An RQ worker in burst mode runs what is queued, including what that queues, then stops:
    # the effects queue the sync, which it delivers.
    rq_world.run("worker", "--batch")

    assert rq_world.query("SELECT state, attempts FROM integrations_exchange") == [
        ("acknowledged", 1)
    ]
    held = call("GET", f"{portal.url}/api/v1/dossiers/{code}", key=portal.key).json()
    assert (held["status"], held["events"]) == ("submitted", 1)
    assert rq_world.query("SELECT count(*) FROM dossiers_pendingeffects") == [(0,)]
    assert redis_db.llen("rq:queue:default") == 0
