"""A gateway that is down or broken never blocks or undoes the dossier change: the message waits in
the outbox and is delivered once the gateway is back, or given up after the last attempt."""

import pytest

from motcua.integrations.services import exchange_retry
from motcua.integrations.tasks import deliver_exchange
from motcua.notifications.models import Notification
from tests.dossiers.helpers import submit
from tests.integrations.helpers import run_due_tasks, run_effects
from tests.notifications.helpers import phone_inbox


def message(channel: str) -> Notification:
    return Notification.objects.select_related("exchange").get(channel=channel)


@pytest.mark.parametrize("fault", ["down", "error"])
def test_sms_and_zalo_wait_for_the_gateway_and_are_sent_once_it_is_back(
    api, procedure, commune, receiver, connected, fault
):
    if fault == "down":
        connected.stop()
    else:
        connected.faults("error")  # 500 to the 1st, 3rd … request: each message fails once
    dossier = submit(api(receiver), procedure, commune, channel="desk")
    assert dossier["status"] == "received"  # the change is committed whatever the gateway does
    run_effects()
    deliver_exchange.call(message("sms").exchange_id)
    sms = message("sms")
    assert (sms.state, sms.exchange.state, sms.exchange.attempts) == ("pending", "pending", 1)
    assert sms.exchange.last_error

    if fault == "down":
        connected.start()  # same port, as after a restart
    else:
        connected.faults("normal")
    run_due_tasks()
    assert (message("sms").state, message("zns").state) == ("delivered", "delivered")
    assert [m["channel"] for m in phone_inbox(connected)] == ["sms", "zns"]  # each sent once


def test_an_smtp_server_that_is_down_gets_the_email_when_it_is_back(
    api, procedure, commune, receiver, connected, smtp
):
    smtp.stop()
    submit(api(receiver), procedure, commune, channel="desk")
    run_effects()
    deliver_exchange.call(message("email").exchange_id)
    email = message("email")
    assert (email.state, email.exchange.attempts) == ("pending", 1)
    assert "Máy chủ thư không nhận thư" in email.exchange.last_error
    smtp.start()
    run_due_tasks()
    assert message("email").state == "sent"
    assert len(smtp.messages) == 1


def test_a_message_given_up_after_the_last_attempt_is_failed_until_retried(
    api, procedure, commune, receiver, admin_user, connected, settings
):
    # Past five failures in a row the gateway's breaker would hold the messages back unspent
    # (test_circuit_breaker.py): kept closed here, where the last attempt is the point.
    settings.MOTCUA_BREAKER = {**settings.MOTCUA_BREAKER, "failures": 10}
    connected.stop()
    submit(api(receiver), procedure, commune, channel="desk")
    run_due_tasks()  # three attempts each, then dead
    sms = message("sms")
    assert (sms.state, sms.exchange.state) == ("failed", "dead")
    assert sms.delivery_status.startswith("Không gửi được sau 3 lần")

    connected.start()
    exchange_retry(actor=admin_user, exchange=sms.exchange)  # the admin's "retry" action
    run_due_tasks()
    assert message("sms").state == "delivered"
    assert [m["channel"] for m in phone_inbox(connected)] == ["sms"]
