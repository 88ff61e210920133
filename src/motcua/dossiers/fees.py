"""Phí, lệ phí of a dossier: which lines apply, what each charges, the total, paid and owed.

The one home of the amount owed (issue 14). A fee line carries a condition (`FeeItem.Condition`):
*always* charged once; *per extra copy*, charged for each copy asked beyond the `included` ones
("Phí cấp từ Phiếu thứ 3 trở đi": included 2); *chosen*, charged only when the officer chooses it
(a service, an optional line). `line_amount` is the rule; `procedure_fees` and `dossier_fees`
read the lines with it; the payment request (`fees_choose`), the payment order, the forms, the
reports (`total_in_sql`), the portal and the API all take their figures from here.
"""

from dataclasses import dataclass, replace

from django.db.models import OuterRef, Subquery, Sum, Value
from django.db.models.functions import Coalesce
from django.utils.translation import gettext as _

from motcua.catalog.models import FeeItem, Procedure
from motcua.core.errors import RuleBroken
from motcua.dossiers.models import Dossier, DossierFee

Condition = FeeItem.Condition
MAX_COPIES = 1000


def line_amount(condition: str, unit_amount: int, included: int, quantity: int) -> int:
    """What one line charges, in đồng: `unit_amount` once (always), for each of the `quantity`
    copies asked beyond the `included` ones (per extra copy), or `quantity` times (chosen: 0 when
    not chosen). Never negative."""
    if condition == Condition.PER_EXTRA_COPY:
        return unit_amount * max(0, quantity - included)
    if condition == Condition.CHOSEN:
        return unit_amount * max(0, quantity)
    return unit_amount


def default_quantity(condition: str) -> int:
    """The quantity of a line at filing: one copy asked, a chosen line not chosen."""
    return 0 if condition == Condition.CHOSEN else 1


@dataclass(frozen=True)
class FeeLine:
    """One fee line with its quantity; `line` is its number in the dossier (from 1)."""

    line: int
    name: str
    unit_amount: int
    condition: str = Condition.ALWAYS
    included: int = 0
    quantity: int = 1
    note: str = ""

    @property
    def amount(self) -> int:
        return line_amount(self.condition, self.unit_amount, self.included, self.quantity)

    @property
    def adjustable(self) -> bool:
        """The officer sets its quantity when asking for payment."""
        return self.condition != Condition.ALWAYS

    @property
    def applies(self) -> bool:
        """It is part of the bill: always, or asked for (copies beyond the included, chosen)."""
        return not self.adjustable or self.amount > 0

    @property
    def condition_text(self) -> str:
        """When it is charged, in words ("" for a line always charged)."""
        if self.condition == Condition.PER_EXTRA_COPY:
            if self.included:
                return _("mỗi bản, từ bản thứ %(n)s") % {"n": self.included + 1}
            return _("mỗi bản")
        if self.condition == Condition.CHOSEN:
            return _("khi được chọn")
        return ""


@dataclass(frozen=True)
class Fees:
    """The fee lines of a dossier (or of a procedure, before filing) and what is paid."""

    lines: tuple[FeeLine, ...]
    paid: int = 0

    @property
    def total(self) -> int:
        return sum(line.amount for line in self.lines)

    @property
    def owed(self) -> int:
        return self.total - self.paid

    @property
    def applying(self) -> list[FeeLine]:
        return [line for line in self.lines if line.applies]

    @property
    def adjustable(self) -> list[FeeLine]:
        return [line for line in self.lines if line.adjustable]

    @property
    def may_request_payment(self) -> bool:
        """Something is owed, or (nothing paid yet) a line the officer sets may charge."""
        return self.owed > 0 or (
            self.paid == 0 and any(line.unit_amount for line in self.adjustable)
        )


def procedure_fees(procedure: Procedure) -> Fees:
    """The procedure's lines as a dossier starts with them (one copy, nothing chosen)."""
    lines = (
        FeeLine(i, item.name, item.amount, item.condition, item.included,
                default_quantity(item.condition), item.note)
        for i, item in enumerate(procedure.fees.all(), start=1)
    )  # fmt: skip
    return Fees(tuple(lines))


def dossier_fees(dossier: Dossier) -> Fees:
    """The dossier's lines and payments (rows already read by `dossier_with_records` or a
    prefetch are used as they are)."""
    records = getattr(dossier, "records", None)
    rows = records["fees"] if records else dossier.fees.all()
    payments = records["payments"] if records else dossier.payments.all()
    return Fees(_lines(rows), paid=sum(payment.amount for payment in payments))


def _lines(rows) -> tuple[FeeLine, ...]:
    return tuple(
        FeeLine(i, row.name, row.unit_amount, row.condition, row.included, row.quantity)
        for i, row in enumerate(rows, start=1)
    )


def outstanding_amount(dossier: Dossier) -> int:
    """Fees owed less payments made, in đồng."""
    return dossier_fees(dossier).owed


def filed_line(dossier: Dossier, name: str, unit_amount: int, condition: str, included: int):
    """The dossier's copy of a procedure line at filing, with its default quantity."""
    quantity = default_quantity(condition)
    return DossierFee(
        dossier=dossier, name=name, unit_amount=unit_amount, condition=condition,
        included=included, quantity=quantity,
        amount=line_amount(condition, unit_amount, included, quantity),
    )  # fmt: skip


def _refused(message: str, code: str) -> RuleBroken:
    return RuleBroken(message, code=code, fields={"fees": [message]})


def fees_with(fees: Fees, choices: list[dict]) -> Fees:
    """The fees after the officer's `choices` (`[{"line", "quantity"}]`): copies asked for a
    per-extra-copy line, 1 or 0 for a chosen line. RuleBroken (422) names what is wrong."""
    by_line = {line.line: line for line in fees.lines}
    chosen: dict[int, int] = {}
    for choice in choices:
        number = choice.get("line") if isinstance(choice, dict) else None
        quantity = choice.get("quantity") if isinstance(choice, dict) else None
        line = by_line.get(number) if type(number) is int else None
        if line is None:
            raise _refused(
                _("Hồ sơ không có khoản phí, lệ phí số %(line)s.") % {"line": number},
                "unknown_fee_line",
            )
        if number in chosen:
            raise _refused(
                _("Khoản «%(name)s» được ghi hai lần.") % {"name": line.name}, "duplicate_fee_line"
            )
        if not line.adjustable:
            raise _refused(
                _("Khoản «%(name)s» luôn thu, không chọn số lượng.") % {"name": line.name},
                "fee_line_fixed",
            )
        top = 1 if line.condition == Condition.CHOSEN else MAX_COPIES
        if type(quantity) is not int or not 0 <= quantity <= top:
            raise _refused(
                _("Số lượng của khoản «%(name)s» phải là số nguyên từ 0 đến %(top)s.")
                % {"name": line.name, "top": top},
                "invalid_fee_quantity",
            )
        chosen[number] = quantity
    if fees.paid and any(chosen[n] != by_line[n].quantity for n in chosen):
        raise _refused(
            _("Hồ sơ đã có khoản nộp: không thay đổi được các khoản phí, lệ phí."), "fees_paid"
        )
    lines = (replace(line, quantity=chosen.get(line.line, line.quantity)) for line in fees.lines)
    return replace(fees, lines=tuple(lines))


def fees_choose(dossier: Dossier, choices: list[dict]) -> Fees:
    """Record the officer's `choices` on the dossier's lines (within the caller's transaction,
    the dossier locked): quantities and what each line now charges."""
    rows = list(dossier.fees.order_by("id"))
    paid = dossier.payments.aggregate(total=Sum("amount"))["total"] or 0
    after = fees_with(Fees(_lines(rows), paid), choices)
    changed = []
    for row, line in zip(rows, after.lines, strict=True):
        if (row.quantity, row.amount) != (line.quantity, line.amount):
            row.quantity, row.amount = line.quantity, line.amount
            changed.append(row)
    DossierFee.objects.bulk_update(changed, ["quantity", "amount"])
    return after


def total_in_sql() -> Coalesce:
    """`Fees.total` of the dossier of the outer query (`OuterRef("pk")`), for set-based reads:
    the sum of what its lines charge, as `line_amount` wrote it on each."""
    total = (
        DossierFee.objects.filter(dossier=OuterRef("pk"))
        .values("dossier")
        .annotate(total=Sum("amount"))
        .values("total")
    )
    return Coalesce(Subquery(total), Value(0))
