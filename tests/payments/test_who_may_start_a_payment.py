"""Only the dossier's officers start a payment, and only while it waits for an amount owed."""

from motcua.payments.models import PaymentOrder
from tests.dossiers.helpers import submit
from tests.factories import make_staff


def start(client, code: str):
    return client.post(f"/api/v1/dossiers/{code}/payments/")


def test_officers_of_other_agencies_and_auditors_do_not_find_the_dossier(
    api, awaiting, other_receiver, commune, connected
):
    dossier = awaiting()
    auditor = make_staff("thanhtra", commune, "auditor")
    assert start(api(other_receiver), dossier["code"]).status_code == 404
    assert start(api(auditor), dossier["code"]).status_code == 404
    assert start(api(), dossier["code"]).status_code == 401
    assert start(api(other_receiver), "H44.189-261123-9999").status_code == 404
    assert not PaymentOrder.objects.exists()


def test_a_dossier_that_does_not_wait_for_payment_cannot_be_paid(
    api, receiver, procedure, commune, connected
):
    dossier = submit(api(receiver), procedure, commune, channel="desk")
    response = start(api(receiver), dossier["code"])
    assert response.status_code == 409
    assert response.json()["code"] == "invalid_state"
    assert "không chờ thanh toán" in response.json()["detail"]
    assert not PaymentOrder.objects.exists()


def test_the_specialist_handling_the_dossier_may_start_it(api, specialist, awaiting, connected):
    response = start(api(specialist), awaiting()["code"])
    assert response.status_code == 201, response.content
    assert set(response.json()) == {"order", "amount", "payment_url"}
