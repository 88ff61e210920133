"""The 766 index: each indicator's numerator and denominator (code, keyed by the indicator key)
scored by its definition (data: maximum, rule, threshold, what an empty denominator earns).

Indicators missing from `MEASURES` are those whose data the system does not hold (petitions,
the personal data store, certified copies, publication dates...): they follow their "no data"
rule and are flagged `no_data`.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Exists, OuterRef, Q, QuerySet

from motcua.agencies.models import Agency
from motcua.catalog.models import FeeItem, Procedure, RequiredDocument
from motcua.reports.models import Indicator, IndicatorGroup
from motcua.reports.selectors import counter_rows, period_sums, statistics_row, subtree_ids

CENT = Decimal("0.01")
PROVINCE_LEVELS = {Agency.Level.PROVINCE, Agency.Level.DEPARTMENT}


def score(indicator: Indicator, numerator, denominator) -> Decimal:
    """Points for numerator/denominator by the indicator's rule (linear, cap@T, info)."""
    top = indicator.max_points
    if indicator.rule == Indicator.Rule.INFO:
        return Decimal(0)
    if not denominator:
        return top if indicator.when_empty == Indicator.WhenEmpty.FULL else Decimal(0)
    ratio = min(Decimal(1), max(Decimal(0), Decimal(numerator) / Decimal(denominator)))
    if indicator.rule == Indicator.Rule.CAP:
        points = min(top, top * ratio / indicator.threshold)
    else:
        points = top * ratio
    return points.quantize(CENT, ROUND_HALF_UP)


@dataclass
class Context:
    """What the measures read: the unit's sums for the period and its catalogue."""

    agency_ids: list[int]
    first: date
    last: date
    sums: dict
    stats: dict

    def procedures(self) -> QuerySet[Procedure]:
        return Procedure.objects.filter(is_active=True, agencies__in=self.agency_ids).distinct()

    def fee_procedures(self) -> QuerySet[Procedure]:
        paid = FeeItem.objects.filter(procedure=OuterRef("pk"), amount__gt=0)
        return self.procedures().filter(Exists(paid))

    def procedures_with(self, column: str) -> int:
        rows = counter_rows(self.agency_ids, self.first, self.last)
        return rows.filter(**{f"{column}__gt": 0}).values("procedure").distinct().count()


def _received(ctx: Context) -> int:
    return ctx.sums["received_online"] + ctx.sums["received_offline"]


def _on_time(ctx: Context):
    s = ctx.stats
    timely = s["resolved_early"] + s["resolved_on_time"] + s["pending_within"]
    return timely, s["resolved_total"] + s["pending_total"]


def _average_time(ctx: Context):
    resolved = ctx.stats["resolved_total"]
    days = Decimal(ctx.sums["processing_seconds"]) / 86400
    return days.quantize(CENT, ROUND_HALF_UP), resolved


def _content_complete(ctx: Context):
    procedures = ctx.procedures()
    documents = RequiredDocument.objects.filter(procedure=OuterRef("pk"))
    complete = procedures.filter(Exists(documents), processing_days__gt=0).exclude(
        Q(steps="") | Q(subjects=[])
    )
    return complete.count(), procedures.count()


def _online_offered(ctx: Context):
    procedures = ctx.procedures()
    return procedures.exclude(online_level=Procedure.OnlineLevel.INFO).count(), procedures.count()


def _online_used(ctx: Context):
    offered = ctx.procedures().exclude(online_level=Procedure.OnlineLevel.INFO).count()
    return ctx.procedures_with("received_online"), offered


def _payment_integrated(ctx: Context):
    fee_procedures = ctx.fee_procedures()
    online = fee_procedures.exclude(online_level=Procedure.OnlineLevel.INFO)
    return online.count(), fee_procedures.count()


def _payment_used(ctx: Context):
    return ctx.procedures_with("paid_online_count"), ctx.fee_procedures().count()


def _satisfaction(ctx: Context):
    resolved = ctx.stats["resolved_total"]
    unhappy = ctx.sums["resolved_late"] + ctx.sums["rated_dissatisfied"]
    return max(0, resolved - unhappy), resolved


MEASURES: dict[str, Callable[[Context], tuple]] = {
    "content_complete": _content_complete,
    "on_time": _on_time,
    "average_time": _average_time,
    "online_offered": _online_offered,
    "online_used": _online_used,
    "online_share": lambda ctx: (ctx.sums["received_online"], _received(ctx)),
    "payment_integrated": _payment_integrated,
    "payment_used": _payment_used,
    "payment_share": lambda ctx: (ctx.sums["paid_online_count"], ctx.sums["fee_bearing"]),
    "electronic_result": lambda ctx: (ctx.sums["electronic_result"], ctx.sums["paper_result"]),
    "digitised": lambda ctx: (ctx.sums["digitised"], _received(ctx)),
    "reuse": lambda ctx: (ctx.sums["reused"], _received(ctx)),
    "dossier_satisfaction": _satisfaction,
}


def _number(value):
    return float(value) if isinstance(value, Decimal) else value


def index_766(agency: Agency, first: date, last: date) -> dict:
    """The index of the unit and everything under it for first..last, in API.md's shape."""
    ids = subtree_ids(agency)
    (before,), (during,) = period_sums(ids, first, last)
    ctx = Context(ids, first, last, during, statistics_row(before, during))
    valid = Q(valid_from__lte=last) & (Q(valid_to__isnull=True) | Q(valid_to__gte=first))
    indicators = Indicator.objects.filter(valid).order_by("order")
    groups = []
    for group in IndicatorGroup.objects.filter(indicators__in=indicators).distinct():
        rows = []
        for indicator in (i for i in indicators if i.group_id == group.pk):
            applicable = indicator.scope != Indicator.Scope.PROVINCE or (
                agency.level in PROVINCE_LEVELS
            )
            measure = MEASURES.get(indicator.key) if applicable else None
            numerator, denominator = measure(ctx) if measure else (None, None)
            rows.append({
                "key": indicator.key,
                "name": indicator.name,
                "numerator": _number(numerator),
                "denominator": denominator,
                "points": float(score(indicator, numerator, denominator)),
                "max_points": float(indicator.max_points),
                "rule": indicator.rule,
                "threshold": _number(indicator.threshold),
                "no_data": measure is None,
                "applicable": applicable,
            })  # fmt: skip
        points = sum(Decimal(str(r["points"])) for r in rows)
        groups.append({"key": group.key, "name": group.name, "points": float(points),
                       "max_points": float(group.max_points), "indicators": rows})  # fmt: skip
    return {
        "agency": agency.code,
        "agency_name": agency.name,
        "from": first.isoformat(),
        "to": last.isoformat(),
        "total": float(sum(Decimal(str(g["points"])) for g in groups)),
        "groups": groups,
    }
