"""Daily reconciliation compares the platform's statement with our books, records every
difference once, and never changes a payment."""

from datetime import datetime

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from motcua.core.calendar import LOCAL_TZ
from motcua.core.models import AuditEvent
from motcua.dossiers.models import Payment
from motcua.dossiers.services import dossier_record_online_payment
from motcua.payments.models import PaymentMismatch, PaymentOrder
from tests.integrations.helpers import run_due_tasks
from tests.payments.helpers import decide
from tests.simulators.processes import free_port


def pay(api, receiver, dossier: dict) -> PaymentOrder:
    started = api(receiver).post(f"/api/v1/dossiers/{dossier['code']}/payments/").json()
    assert decide(started["payment_url"], "Thanh toán").status == 303
    return PaymentOrder.objects.get(order_id=started["order"])


def today() -> str:
    return timezone.localtime(timezone.now(), LOCAL_TZ).date().isoformat()


def test_each_kind_of_mismatch_is_found_once(api, receiver, awaiting, reachable, settings):
    in_order = pay(api, receiver, awaiting())
    differs = pay(api, receiver, awaiting())
    Payment.objects.filter(pk=differs.payment_id).update(amount=7000)  # our books altered
    live = settings.MOTCUA["PUBLIC_BASE_URL"]
    settings.MOTCUA = {**settings.MOTCUA, "PUBLIC_BASE_URL": f"http://127.0.0.1:{free_port()}"}
    lost = pay(api, receiver, awaiting())  # the platform took it; its callback never reached us
    settings.MOTCUA = {**settings.MOTCUA, "PUBLIC_BASE_URL": live}
    recorded = dossier_record_online_payment(  # ours only: the platform never saw it
        code=awaiting()["code"], amount=8000, reference="TTNOTONPLATFORM", receipt_number="BL-X"
    )
    now = timezone.now()
    PaymentOrder.objects.create(
        dossier=recorded, order_id="TTNOTONPLATFORM", amount=8000, state="paid", created_at=now,
        created_by=receiver, paid_at=now, receipt_number="BL-X", payment=recorded.payments.get(),
    )  # fmt: skip
    assert (in_order.state, lost.state) == ("paid", "created")

    call_command("reconcile-payments", "--date", today())

    found = {(m.kind, m.order_ref): (m.our_amount, m.platform_amount)
             for m in PaymentMismatch.objects.all()}  # fmt: skip
    assert found == {
        ("amount_differs", differs.order_id): (7000, 8000),
        ("missing_here", lost.order_id): (None, 8000),
        ("missing_there", "TTNOTONPLATFORM"): (8000, None),
    }
    assert PaymentMismatch.objects.get(kind="missing_here").transaction_id == lost.transaction_id
    lost.refresh_from_db()
    assert lost.state == "created"  # reported, not silently marked paid
    assert Payment.objects.get(pk=differs.payment_id).amount == 7000  # nor corrected

    call_command("reconcile-payments", "--date", today())
    assert PaymentMismatch.objects.count() == 3  # a second run records nothing twice


def test_a_day_without_payments_has_no_mismatch(connected, db, capsys):
    call_command("reconcile-payments", "--date", "2026-11-01")
    assert not PaymentMismatch.objects.exists()
    assert "0 chênh lệch" in capsys.readouterr().out


def test_a_platform_that_is_down_fails_the_command_or_is_retried_by_the_worker(connected, db):
    connected.stop()
    with pytest.raises(CommandError, match="bảng kê"):
        call_command("reconcile-payments", "--date", "2026-11-22")
    call_command("reconcile-payments", "--date", "2026-11-22", "--retry-later")
    queued = DBTaskResult.objects.get()
    assert queued.task_path.endswith("reconcile_payments")
    assert queued.args_kwargs["args"] == ["2026-11-22"]

    connected.start()
    assert run_due_tasks() == 1  # the worker reconciles once the platform is back
    assert AuditEvent.objects.filter(action="payments_reconcile", object_id="2026-11-22").exists()


def test_the_default_day_is_yesterday_in_vietnam(connected, db, clock, capsys):
    clock.set(datetime(2026, 11, 16, 0, 30, tzinfo=LOCAL_TZ))  # still 15 Nov in UTC
    call_command("reconcile-payments")
    assert "Đối soát ngày 15/11/2026" in capsys.readouterr().out
