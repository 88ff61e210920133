"""The result page shows what our books say; the browser's parameters only pick the order."""

from urllib.parse import urlencode

from django.test import Client

from motcua.payments.models import PaymentOrder
from tests.payments.helpers import platform_signed
from tests.simulators.processes import KEYS


def open_result(params: dict):
    return Client().get(f"/thanh-toan/ket-qua/?{urlencode(params)}")


def test_a_signed_paid_return_before_the_callback_says_it_is_being_recorded(
    api, receiver, awaiting, connected
):
    dossier = awaiting()
    started = api(receiver).post(f"/api/v1/dossiers/{dossier['code']}/payments/").json()
    params = platform_signed(order_id=started["order"], amount=8000, status="paid")

    page = open_result(params)

    assert page.status_code == 200
    text = page.content.decode()
    assert "Đang ghi nhận thanh toán" in text and "Đã thanh toán" not in text
    assert PaymentOrder.objects.get().state == "created"  # the browser changed nothing


def test_an_unsigned_or_unknown_return_is_not_confirmed(db, settings):
    payment = {**settings.MOTCUA_CONNECTORS["payment"], "secret": KEYS["payment"]}
    settings.MOTCUA_CONNECTORS = {**settings.MOTCUA_CONNECTORS, "payment": payment}
    forged = open_result({"order_id": "TT01", "status": "paid", "signature": "0" * 64})
    assert forged.status_code == 400
    assert "Không xác nhận được kết quả thanh toán" in forged.content.decode()
    unknown = open_result(platform_signed(order_id="TT01", status="paid"))
    assert unknown.status_code == 404
