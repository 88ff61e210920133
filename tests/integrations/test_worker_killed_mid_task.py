"""A worker killed (SIGKILL) in the middle of a delivery: another worker runs the task again, and
the national portal applies the message once (it honours the idempotency key)."""

import json
import signal
from datetime import timedelta
from uuid import UUID

from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from motcua.integrations.models import WorkerHeartbeat
from motcua.integrations.tasks import deliver_exchange
from motcua.integrations.workers import tasks_reclaim_abandoned
from tests.integrations.world import wait_until
from tests.simulators.processes import call

TASKS = "django_tasks_database_dbtaskresult"
# The delivery's task (the filing's effects, which queued it, ran before it).
DELIVERY = (
    f"SELECT status, worker_ids FROM {TASKS} WHERE task_path = '{deliver_exchange.module_path}'"
)


def portal_holds(portal, code: str) -> dict | None:
    reply = call("GET", f"{portal.url}/api/v1/dossiers/{code}", key=portal.key)
    return reply.json() if reply.status == 200 else None


def exchange(world) -> tuple:
    [row] = world.query("SELECT state, attempts, idempotency_key FROM integrations_exchange")
    return row


def test_the_task_of_a_killed_worker_runs_again_and_the_portal_applies_it_once(world, portal):
    code = world.file_dossier()
    portal.faults("slow", delay=3)  # the portal holds the request: the worker is mid-task
    first = world.start("worker", "--interval", "0.1", log="worker-1.log")
    wait_until(lambda: call("GET", f"{portal.url}/_faults").json()["waiting"], "the sync request")
    first.send_signal(signal.SIGKILL)
    first.wait(timeout=10)

    # The portal applied the message although its caller died; we never heard back.
    assert wait_until(lambda: portal_holds(portal, code), "the portal")["events"] == 1
    assert exchange(world)[:2] == ("pending", 0)
    [(status, worker_ids)] = world.query(DELIVERY)
    assert status == "RUNNING"  # stuck: nobody would run it again without the lease

    portal.faults("normal")
    second = world.start("worker", "--interval", "0.1", log="worker-2.log")
    wait_until(lambda: exchange(world)[0] == "acknowledged", "the second worker's delivery")
    assert portal_holds(portal, code)["events"] == 1  # the replay was not applied again
    assert exchange(world)[1] == 1
    [(status, worker_ids)] = world.query(DELIVERY)
    assert status == "SUCCESSFUL"
    assert len(set(json.loads(worker_ids))) == 2  # claimed by the dead worker, then the new one
    calls = world.query("SELECT status, idempotency_key FROM integrations_connectorcall")
    key = UUID(exchange(world)[2])  # the dead worker's call left no record, the replay's did
    assert [(status, UUID(sent)) for status, sent in calls] == [(200, key)]

    second.send_signal(signal.SIGTERM)  # a graceful stop takes the worker off the heartbeat table
    assert second.wait(timeout=20) == 0
    assert world.query("SELECT worker_id FROM integrations_workerheartbeat") == []


def running_task(worker_id: str, started_seconds_ago: float) -> DBTaskResult:
    result = deliver_exchange.enqueue(1)
    row = DBTaskResult.objects.get(id=result.id)
    row.claim(worker_id)
    DBTaskResult.objects.filter(id=row.id).update(
        started_at=timezone.now() - timedelta(seconds=started_seconds_ago)
    )
    return row


def test_only_tasks_of_silent_workers_past_the_lease_are_reclaimed(db, settings):
    settings.MOTCUA_WORKER_LEASE_SECONDS = 60
    now = timezone.now()
    WorkerHeartbeat.objects.create(worker_id="alive", seen_at=now - timedelta(seconds=5))
    WorkerHeartbeat.objects.create(worker_id="dead", seen_at=now - timedelta(seconds=300))
    long_but_alive = running_task("alive", 600)
    abandoned = running_task("dead", 600)
    just_claimed = running_task("unknown", 1)  # its worker may not have beaten yet

    assert tasks_reclaim_abandoned() == [str(abandoned.id)]
    states = {r.id: r.status for r in DBTaskResult.objects.all()}
    assert states == {
        long_but_alive.id: TaskResultStatus.RUNNING,
        abandoned.id: TaskResultStatus.READY,
        just_claimed.id: TaskResultStatus.RUNNING,
    }
    assert list(WorkerHeartbeat.objects.values_list("worker_id", flat=True)) == ["alive"]
    assert tasks_reclaim_abandoned() == []  # once ready, it is a worker's again
