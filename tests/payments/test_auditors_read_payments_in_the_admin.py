"""Orders, callbacks and mismatches are read-only in the admin, for administrators and auditors
of the dossier's agencies."""

import pytest
from django.test import Client
from django.utils import timezone

from motcua.dossiers.models import Dossier
from motcua.payments.models import PaymentCallback, PaymentMismatch, PaymentOrder
from tests.dossiers.helpers import act, submit
from tests.factories import make_staff

PAGES = ["paymentorder", "paymentcallback", "paymentmismatch"]


@pytest.fixture
def books(api, procedure, commune, receiver):
    desk = api(receiver)
    dossier = act(desk, submit(desk, procedure, commune, channel="desk"), "request_payment")
    now = timezone.now()
    order = PaymentOrder.objects.create(
        dossier=Dossier.objects.get(code=dossier["code"]),
        order_id="TTADMIN01", amount=8000, created_at=now, created_by=receiver,
    )  # fmt: skip
    PaymentCallback.objects.create(received_at=now, params={"order_id": "TTADMIN01"},
                                   order=order, verdict="wrong_amount")  # fmt: skip
    PaymentMismatch.objects.create(day=now.date(), kind="missing_there", order_ref="TTADMIN01",
                                   order=order, our_amount=8000, found_at=now)  # fmt: skip
    return order


def browser(user) -> Client:
    user.is_staff = True
    user.save(update_fields=["is_staff"])
    client = Client()
    client.force_login(user)
    return client


@pytest.mark.parametrize("page", PAGES)
def test_an_auditor_reads_but_cannot_change(books, commune, page):
    auditor = browser(make_staff("thanhtra", commune, "auditor"))
    listing = auditor.get(f"/admin/payments/{page}/")
    assert listing.status_code == 200
    assert "TTADMIN01" in listing.content.decode()
    assert auditor.get(f"/admin/payments/{page}/add/").status_code == 403
    if page == "paymentorder":
        change = auditor.post(f"/admin/payments/{page}/{books.pk}/change/", {"amount": 1})
        assert change.status_code == 403
        books.refresh_from_db()
        assert books.amount == 8000


def test_auditors_of_another_agency_and_officers_do_not_see_them(books, other_commune, receiver):
    elsewhere = browser(make_staff("thanhtra2", other_commune, "auditor"))
    assert "TTADMIN01" not in elsewhere.get("/admin/payments/paymentorder/").content.decode()
    assert browser(receiver).get("/admin/payments/paymentorder/").status_code == 403
