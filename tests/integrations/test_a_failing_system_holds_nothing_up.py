"""Issue 14 item 9: a national portal that hangs holds up nothing else. With the portal frozen
(SIGSTOP), a dossier filed at the desk gets its exchanges listed, its report fact counted and its
SMS delivered while the portal's first sync is still hanging; once the portal wakes (SIGCONT)
each sync is delivered once."""

import signal
from uuid import UUID

import pytest
from django_tasks_db.models import DBTaskResult

from motcua.integrations.breaker import OPEN, breaker_state
from motcua.integrations.models import CircuitBreaker, Exchange
from tests.dossiers.helpers import submit
from tests.integrations.helpers import run_due_tasks, run_effects
from tests.integrations.world import installed, wait_until
from tests.simulators.processes import call

PHONE = "84912345678"


@pytest.fixture
def frozen_portal_world(tmp_path, portal, start_simulator):
    messaging = start_simulator("messaging")
    env = {
        "MOTCUA_MESSAGING_URL": messaging.url,
        "MOTCUA_MESSAGING_KEY": messaging.key,
        "MOTCUA_CONNECTOR_TIMEOUT": "30",  # the portal's first sync hangs through the test
    }
    with installed(tmp_path / "world", portal, **env) as world:
        yield world, messaging


def exchanges(world, code: str) -> list[tuple]:
    return world.query(
        "SELECT x.system, x.event, x.state, x.attempts, x.idempotency_key"
        " FROM integrations_exchange x JOIN dossiers_dossier d ON d.id = x.dossier_id"
        " WHERE d.code = ? ORDER BY x.id",
        code,
    )


def test_the_sms_and_the_report_go_on_while_the_portal_hangs(frozen_portal_world, portal):
    world, messaging = frozen_portal_world
    portal.process.send_signal(signal.SIGSTOP)
    try:
        code = world.file_dossier(sms=True)
        world.start("worker", "--interval", "0.1", log="worker.log")
        sms = ("notifications", "receive", "acknowledged", 1)
        wait_until(lambda: sms in [row[:4] for row in exchanges(world, code)], "the SMS")
        inbox = f"{messaging.url}/messages?phone={PHONE}"
        assert len(call("GET", inbox, key=messaging.key).json()["messages"]) == 1
        counted = "SELECT count(*) FROM reports_dossierfact f JOIN dossiers_dossier d"
        assert world.query(f"{counted} ON d.id = f.dossier_id WHERE d.code = ?", code) == [(1,)]
        # Listed, and the portal's first sync still hanging: nothing waited behind it.
        assert [row[:4] for row in exchanges(world, code)] == [
            ("national_portal", "submit", "pending", 0),
            ("national_portal", "receive", "pending", 0),
            ("notifications", "receive", "acknowledged", 1),
        ]
    finally:
        portal.process.send_signal(signal.SIGCONT)
    wait_until(lambda: {row[2] for row in exchanges(world, code)} == {"acknowledged"}, "the syncs")

    held = call("GET", f"{portal.url}/api/v1/dossiers/{code}", key=portal.key).json()
    assert held["status"] == "received"
    assert held["events"] <= 2  # no sync applied twice (the filing's is ignored if it came last)
    calls = world.query("SELECT idempotency_key, status FROM integrations_connectorcall")
    for *_, key in exchanges(world, code)[:2]:
        assert [status for sent, status in calls if sent == str(UUID(key))] == [200]


def test_an_open_breaker_leaves_the_delivery_pending_and_unspent(
    api, procedure, commune, receiver, connected, settings
):
    settings.MOTCUA_BREAKER = {"failures": 1, "base_seconds": 60, "max_seconds": 60}
    connected.stop()
    submit(api(receiver), procedure, commune, channel="online")
    run_effects()
    assert run_due_tasks() == 2  # fails, the breaker opens; its retry (due at once) held back
    exchange = Exchange.objects.get()
    assert (exchange.state, exchange.attempts) == ("pending", 1)  # the hold is no attempt
    breaker = CircuitBreaker.objects.get(system="national_portal")
    assert breaker_state(breaker, breaker.updated_at) == OPEN
    retries = DBTaskResult.objects.filter(status="READY", queue_name="national_portal")
    assert [row.run_after for row in retries] == [breaker.retry_at]  # queued for the probe
    connected.start()
    assert run_due_tasks() == 0
