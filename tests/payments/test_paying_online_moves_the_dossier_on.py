"""Start → the platform's page → signed callback → the dossier leaves awaiting_payment."""

import urllib.parse

from django.test import Client

from motcua.core.audit import audit_verify
from motcua.core.models import AuditEvent
from motcua.payments.models import PaymentCallback, PaymentOrder
from tests.payments.helpers import decide


def start(client, dossier: dict) -> dict:
    response = client.post(f"/api/v1/dossiers/{dossier['code']}/payments/")
    assert response.status_code == 201, response.content
    return response.json()


def result_page(location: str):
    """The payer's browser lands on our result page (served here in-process)."""
    parts = urllib.parse.urlsplit(location)
    assert parts.path == "/thanh-toan/ket-qua/"
    return Client().get(f"{parts.path}?{parts.query}")


def test_paying_on_the_platform_records_the_payment_with_its_receipt(
    api, receiver, awaiting, reachable
):
    dossier = awaiting()
    started = start(api(receiver), dossier)
    assert started["amount"] == 8000
    assert started["payment_url"].startswith(f"{reachable.url}/pay/")

    page = decide(started["payment_url"], "Thanh toán")

    assert page.status == 303
    order = PaymentOrder.objects.get(order_id=started["order"])
    assert order.state == "paid" and order.receipt_number.startswith("BL")
    after = api(receiver).get(f"/api/v1/dossiers/{dossier['code']}/").json()
    assert after["status"] == "received"  # back to where it was before the fee was asked
    assert after["payments"] == [
        {"amount": 8000, "method": "online", "receipt_number": order.receipt_number,
         "paid_at": after["payments"][0]["paid_at"]},
    ]  # fmt: skip
    assert after["timeline"][-1]["action"] == "record_payment"
    assert after["timeline"][-1]["actor"] == "Nền tảng thanh toán quốc gia"
    callback = PaymentCallback.objects.get()
    assert (callback.verdict, callback.order, callback.remote_addr) == (
        "accepted",
        order,
        "127.0.0.1",
    )
    assert AuditEvent.objects.filter(
        action="dossier_record_payment", actor_label="system.payment-platform"
    ).exists()
    assert audit_verify()[1] is None

    shown = result_page(page.location)
    assert shown.status_code == 200
    text = shown.content.decode()
    assert "Đã thanh toán" in text and order.receipt_number in text
    assert f'href="/tra-cuu/?ma={dossier["code"]}"' in text


def test_a_cancelled_payment_leaves_the_dossier_waiting(api, receiver, awaiting, reachable):
    dossier = awaiting()
    started = start(api(receiver), dossier)

    page = decide(started["payment_url"], "Hủy giao dịch")

    assert page.status == 303
    assert PaymentOrder.objects.get().state == "failed"
    after = api(receiver).get(f"/api/v1/dossiers/{dossier['code']}/").json()
    assert (after["status"], after["payments"], after["version"]) == (
        "awaiting_payment", [], dossier["version"],
    )  # fmt: skip
    assert "Chưa thanh toán" in result_page(page.location).content.decode()
    start(api(receiver), dossier)  # the payer may try again


def test_a_new_attempt_replaces_the_page_left_open(api, receiver, awaiting, connected):
    dossier = awaiting()
    first = start(api(receiver), dossier)
    second = start(api(receiver), dossier)
    states = dict(PaymentOrder.objects.values_list("order_id", "state"))
    assert states == {first["order"]: "expired", second["order"]: "created"}
