"""The financial obligation (nghĩa vụ tài chính): the amount asked for, each payment recorded."""

from django.utils.translation import gettext as _

from motcua.core.errors import RuleBroken
from motcua.dossiers.clock import resume_clock, stop_clock
from motcua.dossiers.fees import fees_choose, outstanding_amount
from motcua.dossiers.guards import NOTHING_TO_PAY
from motcua.dossiers.models import (
    Payment,
)
from motcua.dossiers.services.recording import Outcome


def request_payment(dossier, actor, now, params, note, calendar) -> Outcome:
    """The officer's quantities of per-extra-copy and chosen lines (`fees`) are recorded, then
    the amount owed is asked for."""
    fees = fees_choose(dossier, params.get("fees") or [])
    if fees.owed <= 0:  # with the quantities chosen
        raise NOTHING_TO_PAY.error()
    if dossier.procedure.payment_pauses_clock:
        stop_clock(dossier, now)
    lines = [{"line": f.line, "quantity": f.quantity, "amount": f.amount} for f in fees.adjustable]
    return Outcome({"amount": fees.owed, "fees": lines} if lines else {"amount": fees.owed})


def record_payment(dossier, actor, now, params, note, calendar) -> Outcome:
    amount, outstanding = params.get("amount"), outstanding_amount(dossier)
    if not isinstance(amount, int) or isinstance(amount, bool) or not 0 < amount <= outstanding:
        raise RuleBroken(
            _("Số tiền phải là số nguyên đồng, từ 1 đến %(outstanding)s.")
            % {"outstanding": outstanding},
            code="invalid_amount",
            fields={"amount": [str(amount)]},
        )
    method = params.get("method") or Payment.Method.DESK
    if method not in Payment.Method.values:
        raise RuleBroken(_("Hình thức thanh toán không hợp lệ."), fields={"method": [method]})
    receipt = params.get("receipt_number") or f"BL-{dossier.code}-{dossier.payments.count() + 1}"
    Payment.objects.create(
        dossier=dossier,
        amount=amount,
        method=method,
        receipt_number=receipt,
        reference=str(params.get("reference") or ""),
        paid_at=now,
    )
    if amount < outstanding:
        return Outcome({"amount": amount, "receipt_number": receipt}, target=dossier.status)
    resume_clock(dossier, now, calendar, restart=False)
    return Outcome({"amount": amount, "receipt_number": receipt})
