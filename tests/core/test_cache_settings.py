"""The cache behind rate limits: each process's memory by default, shared on Redis when
`MOTCUA_CACHE_URL` names one (ARCHITECTURE.md). The Redis case is skipped when no Redis answers."""

import os
import subprocess
import sys

import pytest

REDIS_URL = os.environ.get("MOTCUA_TEST_REDIS_URL", "redis://127.0.0.1:6379/14")


def in_new_process(statement: str, **env: str) -> str:
    """What `statement` prints in a new process with the project's settings and `env`."""
    script = f"import django; django.setup(); from django.core.cache import caches; {statement}"
    ours = {k: v for k, v in os.environ.items() if k != "MOTCUA_CACHE_URL"}
    environment = {**ours, "DJANGO_SETTINGS_MODULE": "motcua.settings", **env}
    done = subprocess.run([sys.executable, "-c", script], env=environment, capture_output=True,
                          text=True, check=True)  # fmt: skip
    return done.stdout.strip().splitlines()[-1]


COUNT = "c = caches['default']; c.add('lookups', 0, timeout=60); print(c.incr('lookups'))"


def test_by_default_each_process_counts_alone():
    assert in_new_process("print(type(caches['default']).__name__)") == "LocMemCache"
    assert [in_new_process(COUNT), in_new_process(COUNT)] == ["1", "1"]


def test_processes_share_their_counts_on_redis():
    redis = pytest.importorskip("redis")
    client = redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1)
    try:
        client.flushdb()
    except redis.exceptions.ConnectionError:
        pytest.skip(f"Redis không trả lời ở {REDIS_URL}")
    try:
        counts = [in_new_process(COUNT, MOTCUA_CACHE_URL=REDIS_URL) for _ in range(2)]
        assert counts == ["1", "2"]
        assert client.keys("motcua:*")  # the project's own prefix beside other users of Redis
    finally:
        client.flushdb()
        client.close()
