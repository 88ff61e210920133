"""A payment platform that is down, broken or slow gives 503 and loses nothing."""

import pytest

from motcua.core.models import AuditEvent
from motcua.payments.models import PaymentOrder


def start(client, dossier: dict):
    return client.post(f"/api/v1/dossiers/{dossier['code']}/payments/")


@pytest.mark.parametrize("fault", ["down", "error", "garbage", "slow"])
def test_starting_a_payment_while_the_platform_fails_is_a_503_and_kept(
    api, receiver, awaiting, connected, fault
):
    dossier = awaiting()
    if fault == "down":
        connected.stop()
    else:
        connected.faults(fault, delay=3)  # slow: past the 2 s timeout

    response = start(api(receiver), dossier)

    assert response.status_code == 503, response.content
    assert response.json()["code"] == "payment_platform_down"
    assert "thử lại sau" in response.json()["detail"]
    failed = PaymentOrder.objects.get()
    assert (failed.state, failed.amount, failed.created_by) == ("failed", 8000, receiver)
    assert failed.last_error
    assert AuditEvent.objects.filter(
        action="payment_platform_down", object_id=failed.order_id
    ).exists()
    after = api(receiver).get(f"/api/v1/dossiers/{dossier['code']}/").json()
    assert (after["status"], after["version"]) == ("awaiting_payment", dossier["version"])

    if fault == "down":
        connected.start()
    else:
        connected.faults("normal")
    again = start(api(receiver), dossier)
    assert again.status_code == 201, again.content
    assert PaymentOrder.objects.filter(state="failed").get() == failed  # the record stays
