"""Writes of online payment: start a payment, take the platform's callback, reconcile daily."""

import secrets
from datetime import date, datetime, time, timedelta

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from motcua.core.audit import audit_record
from motcua.core.calendar import LOCAL_TZ
from motcua.core.errors import Conflict, DomainError, NotFound, Unavailable
from motcua.dossiers.actors import Actor
from motcua.dossiers.fees import outstanding_amount
from motcua.dossiers.guards import NOTHING_TO_PAY
from motcua.dossiers.models import Dossier, Payment, Status
from motcua.dossiers.selectors import dossier_for
from motcua.dossiers.services import dossier_record_online_payment
from motcua.integrations.connectors import ConnectorError
from motcua.integrations.connectors import payment as platform
from motcua.integrations.connectors.payment_signing import signature_valid
from motcua.payments.models import PaymentCallback, PaymentMismatch, PaymentOrder

HANDLING_ROLES = {"receiver", "specialist", "approver", "clerk"}
Verdict = PaymentCallback.Verdict


def public_url(name: str) -> str:
    """The address of our route `name` as outside systems and browsers reach it."""
    return f"{settings.MOTCUA['PUBLIC_BASE_URL'].rstrip('/')}{reverse(name)}"


def _dossier_for_payer(actor, code: str) -> Dossier:
    """The dossier if the actor is its applicant (a citizen account) or one of its officers."""
    citizen = getattr(actor, "citizen", None)
    if citizen is not None:
        dossier = Dossier.objects.filter(code=code, applicant_id_number=citizen.id_number).first()
        if dossier is None:
            raise NotFound(_("Không tìm thấy hồ sơ."))
        return dossier
    officer = Actor.of(actor)
    dossier = dossier_for(officer, code, Dossier.objects.select_related("agency", "current_agency"))
    roles = officer.roles_at(dossier.agency) | officer.roles_at(dossier.current_agency)
    if not roles & HANDLING_ROLES:
        raise NotFound(_("Không tìm thấy hồ sơ."))
    return dossier


@transaction.atomic
def _order_create(*, actor, dossier_code: str) -> PaymentOrder:
    dossier = _dossier_for_payer(actor, dossier_code)
    dossier = Dossier.objects.select_for_update().get(pk=dossier.pk)
    if dossier.status != Status.AWAITING_PAYMENT:
        raise Conflict(
            _("Hồ sơ %(status)s, không chờ thanh toán.") % {"status": Status(dossier.status).label},
            code="invalid_state",
        )
    amount = outstanding_amount(dossier)
    if amount <= 0:
        raise NOTHING_TO_PAY.error()
    # One live order per dossier: an earlier page left open is no longer offered.
    dossier.payment_orders.filter(state=PaymentOrder.State.CREATED).update(
        state=PaymentOrder.State.EXPIRED
    )
    order = PaymentOrder.objects.create(
        dossier=dossier,
        order_id=f"TT{secrets.token_hex(10).upper()}",
        amount=amount,
        created_at=timezone.now(),
        created_by=actor,
    )
    audit_record(
        actor=actor, action="payment_start", object_type="dossier", object_id=dossier.code,
        data={"order": order.order_id, "amount": amount},
    )  # fmt: skip
    return order


def payment_order_start(*, actor, dossier_code: str, return_url: str) -> PaymentOrder:
    """Create a payment order for the dossier's outstanding fees and get its payment page.

    The order is committed before the platform is asked, so a platform that is down loses
    nothing: the order stays, failed with the error, the dossier unchanged, and the caller gets
    503 to try again.
    """
    order = _order_create(actor=actor, dossier_code=dossier_code)
    try:
        page = platform.create_payment(
            order_id=order.order_id,
            amount=order.amount,
            description=f"Nộp phí, lệ phí hồ sơ {order.dossier.code}",
            return_url=return_url,
            callback_url=public_url("payment-callback"),
        )
    except ConnectorError as error:
        with transaction.atomic():
            PaymentOrder.objects.filter(pk=order.pk, state=PaymentOrder.State.CREATED).update(
                state=PaymentOrder.State.FAILED, last_error=str(error)
            )
            audit_record(actor=actor, action="payment_platform_down", object_type="payment_order",
                         object_id=order.order_id, data={"error": str(error)})  # fmt: skip
        raise Unavailable(
            _("Nền tảng thanh toán chưa trả lời, vui lòng thử lại sau."),
            code="payment_platform_down",
        ) from error
    order.transaction_id, order.payment_url = page["transaction_id"], page["payment_url"]
    order.save(update_fields=["transaction_id", "payment_url"])
    return order


def payment_start(*, actor, dossier_code: str, return_url: str) -> str:
    """Start paying a dossier's outstanding fees online; the URL to redirect the payer to."""
    return payment_order_start(
        actor=actor, dossier_code=dossier_code, return_url=return_url
    ).payment_url


def _amount(value: object) -> int | None:
    text = str(value)
    return int(text) if text.isascii() and text.isdigit() else None


def _instant(value: object) -> datetime:
    """The platform's `paid_at` (ISO 8601 with offset), else now."""
    try:
        at = datetime.fromisoformat(str(value))
    except ValueError:
        return timezone.now()
    return at if at.tzinfo else timezone.now()


def _judge(params: dict[str, str]) -> tuple[str, PaymentOrder | None]:
    """The verdict on a callback, applying it when it is accepted (inside the caller's lock)."""
    if not signature_valid(params, settings.MOTCUA_CONNECTORS["payment"]["secret"]):
        return Verdict.BAD_SIGNATURE, None
    order = (
        PaymentOrder.objects.select_for_update().select_related("dossier")
        .filter(order_id=params.get("order_id", "")).first()
    )  # fmt: skip
    if order is None:
        return Verdict.UNKNOWN_ORDER, None
    if _amount(params.get("amount")) != order.amount:
        return Verdict.WRONG_AMOUNT, order
    if order.state in (PaymentOrder.State.PAID, PaymentOrder.State.FAILED):
        return Verdict.DUPLICATE, order
    order.transaction_id = params.get("transaction_id") or order.transaction_id
    if params.get("status") != "paid":
        order.state = PaymentOrder.State.FAILED
        order.save(update_fields=["state", "transaction_id"])
        return Verdict.ACCEPTED, order
    order.state, order.paid_at = PaymentOrder.State.PAID, _instant(params.get("paid_at"))
    order.receipt_number = params.get("receipt_number", "")[:64]
    order.save(update_fields=["state", "transaction_id", "paid_at", "receipt_number"])
    try:
        with transaction.atomic():
            dossier_record_online_payment(
                code=order.dossier.code, amount=order.amount, reference=order.order_id,
                receipt_number=order.receipt_number,
            )  # fmt: skip
    except DomainError:
        # The platform took the money but the dossier no longer owes it (paid at the desk, or
        # withdrawn): the order keeps the payment for a person to refund; reconciliation shows it.
        return Verdict.NOT_DUE, order
    order.payment = Payment.objects.filter(dossier=order.dossier, reference=order.order_id).last()
    order.save(update_fields=["payment"])
    return Verdict.ACCEPTED, order


@transaction.atomic
def payment_callback(params: dict[str, str], remote_addr: str | None) -> PaymentCallback:
    """Take one callback of the platform: logged always, applied only when signed, known, of the
    right amount and new; a replay of an accepted callback changes nothing (duplicate)."""
    verdict, order = _judge(params)
    logged = PaymentCallback.objects.create(
        received_at=timezone.now(), remote_addr=remote_addr or None, params=params, order=order,
        verdict=verdict,
    )  # fmt: skip
    if verdict not in (Verdict.ACCEPTED, Verdict.DUPLICATE):
        audit_record(
            actor=None, action="payment_callback_refused", object_type="payment_order",
            object_id=params.get("order_id", ""),
            data={"verdict": verdict, "remote_addr": remote_addr, "callback": logged.pk},
        )  # fmt: skip
    return logged


def _local_day_range(day: date) -> tuple[datetime, datetime]:
    start = datetime.combine(day, time(0), tzinfo=LOCAL_TZ)
    return start, start + timedelta(days=1)


@transaction.atomic
def _record_mismatches(day: date, statement: list[dict]) -> list[PaymentMismatch]:
    paid_there = {t["order_id"]: t for t in statement if t.get("status") == "paid"}
    orders = PaymentOrder.objects.select_related("payment").in_bulk(
        [*paid_there], field_name="order_id"
    )
    found: list[tuple[str, str, PaymentOrder | None, dict | None]] = []
    for order_id, transaction_ in paid_there.items():
        order = orders.get(order_id)
        if order is None or order.payment is None:
            found.append((PaymentMismatch.Kind.MISSING_HERE, order_id, order, transaction_))
        elif order.payment.amount != transaction_["amount"]:
            found.append((PaymentMismatch.Kind.AMOUNT_DIFFERS, order_id, order, transaction_))
    paid_here = PaymentOrder.objects.select_related("payment").filter(
        payment__isnull=False, paid_at__range=_local_day_range(day)
    )
    for order in paid_here.exclude(order_id__in=[*paid_there]):
        found.append((PaymentMismatch.Kind.MISSING_THERE, order.order_id, order, None))
    now, recorded = timezone.now(), []
    for kind, order_id, order, transaction_ in found:
        mismatch, _created = PaymentMismatch.objects.get_or_create(
            day=day, kind=kind, order_ref=order_id,
            defaults={
                "order": order, "found_at": now,
                "transaction_id": str((transaction_ or {}).get("transaction_id", ""))[:64],
                "our_amount": order.payment.amount if order and order.payment else None,
                "platform_amount": transaction_["amount"] if transaction_ else None,
            },
        )  # fmt: skip
        recorded.append(mismatch)
    audit_record(actor=None, action="payments_reconcile", object_type="payment_statement",
                 object_id=day.isoformat(),
                 data={"paid_there": len(paid_there), "mismatches": len(recorded)})  # fmt: skip
    return recorded


def payments_reconcile(*, day: date) -> list[PaymentMismatch]:
    """Đối soát: compare the platform's statement of `day` with our orders and payments and
    record each difference (paid there not here, here not there, amount differs). Money is never
    changed here; running it again records nothing twice. Unavailable when the platform is down.
    """
    try:
        statement = platform.daily_statement(day)
    except ConnectorError as error:
        raise Unavailable(
            _("Không lấy được bảng kê của nền tảng thanh toán."), code="payment_platform_down"
        ) from error
    return _record_mismatches(day, statement)
