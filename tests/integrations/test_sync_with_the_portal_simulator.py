"""Syncs reach the national portal's simulator over HTTP, and survive it being down or broken."""

import pytest

from motcua.integrations.models import Exchange
from motcua.integrations.tasks import deliver_exchange
from tests.dossiers.helpers import act, submit
from tests.integrations.helpers import held_by_portal, run_due_tasks, run_effects


def test_every_status_change_is_acknowledged_by_the_portal(
    api, procedure, commune, receiver, connected
):
    desk = api(receiver)
    dossier = act(desk, submit(desk, procedure, commune, channel="online"), "receive")
    assert run_due_tasks() == 4  # each change's effects, then its sync
    states = [
        x["state"] for x in desk.get(f"/api/v1/dossiers/{dossier['code']}/").json()["exchanges"]
    ]
    assert states == ["acknowledged", "acknowledged"]
    assert held_by_portal(connected, dossier["code"]) == {
        "code": dossier["code"], "status": "received", "events": 2,
    }  # fmt: skip


def test_a_portal_that_is_down_then_back_gets_the_message_once(
    api, procedure, commune, receiver, connected
):
    connected.stop()
    dossier = submit(api(receiver), procedure, commune, channel="online")
    assert dossier["status"] == "submitted"  # filing succeeded while the portal was down
    run_effects()
    deliver_exchange.call(Exchange.objects.get().pk)
    exchange = Exchange.objects.get()
    assert (exchange.state, exchange.attempts) == ("pending", 1)
    assert "Không kết nối được" in exchange.last_error

    connected.start()  # same port, empty memory: as after a restart
    run_due_tasks()
    deliver_exchange.call(exchange.pk)  # a duplicate task after delivery changes nothing
    exchange.refresh_from_db()
    assert (exchange.state, exchange.attempts) == ("acknowledged", 2)
    assert held_by_portal(connected, dossier["code"])["events"] == 1


@pytest.mark.parametrize("mode", ["error", "garbage", "slow"])
def test_broken_answers_are_retried_until_the_portal_recovers(
    api, procedure, commune, receiver, connected, mode
):
    connected.faults(mode, delay=2)  # slow: past the 1 s timeout
    dossier = submit(api(receiver), procedure, commune, channel="online")
    run_effects()
    exchange = Exchange.objects.get()
    deliver_exchange.call(exchange.pk)
    exchange.refresh_from_db()
    assert exchange.state == "pending" and exchange.attempts == 1 and exchange.last_error
    connected.faults("normal")
    run_due_tasks()
    exchange.refresh_from_db()
    assert exchange.state == "acknowledged"
    assert held_by_portal(connected, dossier["code"])["status"] == "submitted"


def test_an_older_sync_due_after_a_newer_one_was_acknowledged_is_not_sent(
    api, procedure, commune, receiver, connected
):
    desk = api(receiver)
    dossier = act(desk, submit(desk, procedure, commune, channel="online"), "receive")
    run_effects()
    filed, received = Exchange.objects.order_by("pk")
    deliver_exchange.call(received.pk)  # the newer one's task happens to run first
    deliver_exchange.call(filed.pk)
    filed.refresh_from_db()
    assert (filed.state, filed.attempts) == ("acknowledged", 0)
    assert filed.response == {"superseded_by": str(received.idempotency_key)}
    assert held_by_portal(connected, dossier["code"]) == {
        "code": dossier["code"], "status": "received", "events": 1,
    }  # fmt: skip
