"""Only a signed callback of the right amount for a known order is applied, once; every callback
is logged with its verdict and the refused ones are audited, the dossier left unchanged."""

from urllib.parse import urlencode

import pytest
from django.test import Client

from motcua.core.audit import audit_verify
from motcua.core.models import AuditEvent
from motcua.dossiers.models import Dossier, Payment
from motcua.integrations.connectors.payment_signing import signed
from motcua.payments.models import PaymentCallback, PaymentOrder
from tests.payments.helpers import platform_signed

CALLBACK = "/api/v1/payments/callback/"
FORM = "application/x-www-form-urlencoded"  # what the platform sends


@pytest.fixture
def order(api, receiver, awaiting, connected) -> PaymentOrder:
    dossier = awaiting()
    response = api(receiver).post(f"/api/v1/dossiers/{dossier['code']}/payments/")
    assert response.status_code == 201, response.content
    return PaymentOrder.objects.get(order_id=response.json()["order"])


def paid(order: PaymentOrder, **changes) -> dict:
    return {"merchant": "MOTCUA-H44", "order_id": order.order_id, "transaction_id":
            order.transaction_id, "amount": order.amount, "status": "paid",
            "paid_at": "2026-11-23T10:00:00+07:00", "receipt_number": "BL20261123000001",
            **changes}  # fmt: skip


def post(params: dict, *, json: bool = False):
    client = Client(REMOTE_ADDR="203.0.113.9")
    if json:
        return client.post(CALLBACK, params, content_type="application/json")
    return client.post(CALLBACK, urlencode(params), content_type=FORM)


def dossier_state(order: PaymentOrder) -> tuple:
    dossier = Dossier.objects.get(pk=order.dossier_id)
    return dossier.status, dossier.version, Payment.objects.filter(dossier=dossier).count()


@pytest.mark.parametrize(
    ("params", "status", "verdict"),
    [
        (lambda o: signed(paid(o), "not-the-shared-secret"), 403, "bad_signature"),
        (lambda o: {**platform_signed(**paid(o)), "amount": "1"}, 403, "bad_signature"),
        (
            lambda o: {k: v for k, v in platform_signed(**paid(o)).items() if k != "signature"},
            403,
            "bad_signature",
        ),
        (lambda o: platform_signed(**paid(o, amount=o.amount + 1000)), 422, "wrong_amount"),
        (lambda o: platform_signed(**paid(o, order_id="TT0000000000")), 404, "unknown_order"),
    ],
    ids=["forged", "tampered-after-signing", "unsigned", "wrong-amount", "unknown-order"],
)
def test_a_refused_callback_is_logged_and_audited_and_changes_nothing(
    order, params, status, verdict
):
    before = dossier_state(order)

    response = post(params(order))

    assert response.status_code == status, response.content
    assert response.json()["code"] == verdict
    assert dossier_state(order) == before
    order.refresh_from_db()
    assert (order.state, order.receipt_number) == ("created", "")
    logged = PaymentCallback.objects.get()
    assert (logged.verdict, logged.remote_addr) == (verdict, "203.0.113.9")
    assert logged.params["order_id"] == params(order)["order_id"]
    refused = AuditEvent.objects.get(action="payment_callback_refused")
    assert refused.data["verdict"] == verdict
    assert audit_verify()[1] is None


def test_a_replayed_callback_is_a_duplicate_and_changes_nothing(order):
    params = platform_signed(**paid(order))
    assert post(params).json() == {"result": "accepted"}
    after_first = dossier_state(order)
    assert after_first[0] == "received" and after_first[2] == 1

    replay = post(params)

    assert replay.status_code == 200 and replay.json() == {"result": "duplicate"}
    assert dossier_state(order) == after_first
    assert list(PaymentCallback.objects.order_by("id").values_list("verdict", flat=True)) == [
        "accepted", "duplicate",
    ]  # fmt: skip
    assert not AuditEvent.objects.filter(action="payment_callback_refused").exists()


def test_a_json_callback_is_accepted_too(order):
    params = platform_signed(**paid(order))
    assert post(params, json=True).json() == {"result": "accepted"}
    order.refresh_from_db()
    assert order.payment.receipt_number == "BL20261123000001"


def test_money_taken_for_a_dossier_no_longer_waiting_is_kept_for_a_person(order, api, receiver):
    dossier = api(receiver).get(f"/api/v1/dossiers/{order.dossier.code}/").json()
    act_url = f"/api/v1/dossiers/{dossier['code']}/actions/record_payment/"
    desk = api(receiver).post(
        act_url, {"version": dossier["version"], "amount": 8000}, format="json"
    )
    assert desk.status_code == 200  # paid at the desk meanwhile
    before = dossier_state(order)

    response = post(platform_signed(**paid(order)))

    assert response.status_code == 409 and response.json()["code"] == "not_due"
    assert dossier_state(order) == before
    order.refresh_from_db()
    assert (order.state, order.payment) == ("paid", None)  # taken there, not recorded here


def test_a_callback_that_is_not_an_object_is_refused_not_a_crash(db):
    response = Client().post(CALLBACK, "[1, 2]", content_type="application/json")
    assert response.status_code == 403
    assert PaymentCallback.objects.get().verdict == "bad_signature"
