"""Issue 14 item 5: the portal stopped, the worker killed and restarted; the retry of the filing's
sync came due after the receipt's had been acknowledged and put the portal back to `submitted`.
Each sync carries the dossier's whole state and version: once a newer one is acknowledged, an
older one is not sent any more (and the portal, like a real receiver, ignores a stale version)."""

import json
import signal
from uuid import UUID

from motcua.integrations.tasks import deliver_exchange
from tests.integrations.world import wait_until
from tests.simulators.processes import call

TASKS = "django_tasks_database_dbtaskresult"
PENDING_DELIVERY = (
    f"UPDATE {TASKS} SET run_after = ? WHERE status = 'READY' AND task_path = ?"
    " AND json_extract(args_kwargs, '$.args[0]') = ?"
)
LATER, NOW = "2999-01-01 00:00:00", "2000-01-01 00:00:00"


def exchanges(world) -> list[tuple]:
    return world.query(
        "SELECT id, event, state, attempts, idempotency_key, response FROM integrations_exchange"
        " WHERE system = 'national_portal' ORDER BY id"
    )


def steer(world, exchange_id: int, run_after: str) -> None:
    """When the pending retry of one delivery comes due."""
    world.query(PENDING_DELIVERY, run_after, deliver_exchange.module_path, exchange_id)


def test_the_retry_of_an_older_sync_is_not_sent_after_a_newer_one_was_acknowledged(world, portal):
    portal.stop()
    code = world.file_dossier()
    world.act(code, "receive")
    first = world.start("worker", "--interval", "0.1", log="worker-1.log")
    wait_until(lambda: [x[3] for x in exchanges(world)] == [1, 1], "both syncs to fail once")
    first.send_signal(signal.SIGKILL)
    first.wait(timeout=10)
    (filed, *_), (received, *_) = exchanges(world)

    # After the restart the receipt's retry comes due first, the filing's only once it is through.
    steer(world, filed, LATER)
    steer(world, received, NOW)
    portal.start()  # same port, empty memory
    world.start("worker", "--interval", "0.1", log="worker-2.log")
    wait_until(lambda: exchanges(world)[1][2] == "acknowledged", "the receipt's sync")
    steer(world, filed, NOW)
    wait_until(lambda: exchanges(world)[0][2] == "acknowledged", "the filing's retry")

    held = call("GET", f"{portal.url}/api/v1/dossiers/{code}", key=portal.key).json()
    assert held == {"code": code, "status": "received", "events": 1}
    [(_, _, _, attempts, key, response), newer] = exchanges(world)
    assert json.loads(response) == {"superseded_by": str(UUID(newer[4]))}
    assert attempts == 1  # the failed try while the portal was down; the retry sent nothing
    calls = "SELECT status FROM integrations_connectorcall WHERE idempotency_key = ?"
    sent = world.query(calls, str(UUID(key)))
    assert sent == [(None,)]  # only the call that found the portal stopped
