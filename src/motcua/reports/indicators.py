"""The 766 index: each indicator's numerator and denominator (code, keyed by the indicator key)
scored by its definition (data: maximum, rule, threshold, what an empty denominator earns, what
the system lacks to measure it).

An indicator is *measured* or *not* (INDEX-766.md, "Measured or not"). It is not measured when
`MEASURES` has no measure for it (the system does not hold its data: petitions, the personal
data store, certified copies), when its measure finds none of its data held (returns None: no
procedure of the unit has its publication decision recorded), or when it does not apply to the
unit (scope P, asked for a district or a commune). A not-measured indicator has `measured:
false`, `points: null` and the `missing` text; it adds nothing to `total` nor to `measured_max`.
The "when empty" rule (full marks where there is nothing to judge) applies only to a measured
indicator whose denominator is empty.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from functools import cached_property

from django.db.models import Count, Exists, OuterRef, Q
from django.utils.translation import gettext as _

from motcua.agencies.models import Agency
from motcua.catalog.models import FeeItem, Procedure, RequiredDocument
from motcua.catalog.selectors import procedures_of
from motcua.reports.models import Indicator, IndicatorGroup
from motcua.reports.publication import Publication, publication_counts
from motcua.reports.selectors import period_sums, statistics_row, subtree_ids

CENT = Decimal("0.01")
Measured = tuple | None  # (numerator, denominator), or None when the data is not held
PROVINCE_LEVELS = {Agency.Level.PROVINCE, Agency.Level.DEPARTMENT}


def score(indicator: Indicator, numerator, denominator) -> Decimal:
    """Points of a measured indicator for numerator/denominator by its rule (linear, cap@T,
    info); an empty denominator earns what its `when_empty` says."""
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
    """What the measures read: the unit's sums for the period and its catalogue (counted in one
    query, once per report)."""

    agency_ids: list[int]
    first: date
    last: date
    sums: dict
    stats: dict

    @cached_property
    def catalogue(self) -> dict[str, int]:
        """Counts of the active procedures the unit's agencies perform (all, online, with fees,
        with complete content)."""
        online = ~Q(online_level=Procedure.OnlineLevel.INFO)
        complete = Q(has_documents=True, processing_days__gt=0) & ~(Q(steps="") | Q(subjects=[]))
        return procedures_of(self.agency_ids).filter(is_active=True).annotate(
            has_fee=Exists(FeeItem.objects.filter(procedure=OuterRef("pk"), amount__gt=0)),
            has_documents=Exists(RequiredDocument.objects.filter(procedure=OuterRef("pk"))),
        ).aggregate(
            total=Count("pk"),
            online=Count("pk", filter=online),
            fee=Count("pk", filter=Q(has_fee=True)),
            fee_online=Count("pk", filter=Q(has_fee=True) & online),
            complete=Count("pk", filter=complete),
        )  # fmt: skip

    @cached_property
    def publication(self) -> Publication | None:
        """The unit's procedures published and updated on time (None: no decision recorded)."""
        return publication_counts(self.agency_ids, self.first, self.last)


# How many procedures had dossiers received online, and paid online, in the period: counted in
# the same pass over the counter rows as the period's sums.
PROCEDURES_USED = {
    "procedures_online": Count("procedure", distinct=True, filter=Q(received_online__gt=0)),
    "procedures_paid_online": Count("procedure", distinct=True, filter=Q(paid_online_count__gt=0)),
}


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


def _publish_on_time(ctx: Context):
    return ctx.publication and ctx.publication.on_time


def _update_on_time(ctx: Context):
    return ctx.publication and ctx.publication.updated


def _content_complete(ctx: Context):
    return ctx.catalogue["complete"], ctx.catalogue["total"]


def _online_offered(ctx: Context):
    return ctx.catalogue["online"], ctx.catalogue["total"]


def _online_used(ctx: Context):
    return ctx.sums["procedures_online"], ctx.catalogue["online"]


def _payment_integrated(ctx: Context):
    return ctx.catalogue["fee_online"], ctx.catalogue["fee"]


def _payment_used(ctx: Context):
    return ctx.sums["procedures_paid_online"], ctx.catalogue["fee"]


def _satisfaction(ctx: Context):
    resolved = ctx.stats["resolved_total"]
    unhappy = ctx.sums["resolved_late"] + ctx.sums["rated_dissatisfied"]
    return max(0, resolved - unhappy), resolved


MEASURES: dict[str, Callable[[Context], Measured]] = {
    "publish_on_time": _publish_on_time,
    "update_on_time": _update_on_time,
    "content_complete": _content_complete,
    "dossier_sync": lambda ctx: (ctx.sums["synced"], _received(ctx)),
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


def _row(indicator: Indicator, measured: Measured, missing: str) -> dict:
    numerator, denominator = measured or (None, None)
    return {
        "key": indicator.key,
        "name": indicator.name,
        "measured": measured is not None,
        "numerator": _number(numerator),
        "denominator": denominator,
        "points": None if measured is None else float(score(indicator, *measured)),
        "max_points": float(indicator.max_points),
        "rule": indicator.rule,
        "threshold": _number(indicator.threshold),
        "missing": "" if measured is not None else missing,
    }


def _summed(rows: list[dict], key: str) -> Decimal:
    """The sum of `key` over the measured rows, exactly (the rows hold floats)."""
    return sum((Decimal(str(r[key])) for r in rows if r["measured"]), Decimal(0))


def index_766(agency: Agency, first: date, last: date) -> dict:
    """The index of the unit and everything under it for first..last, in API.md's shape."""
    ids = subtree_ids(agency)
    (before,), (during,) = period_sums(ids, first, last, **PROCEDURES_USED)
    ctx = Context(ids, first, last, during, statistics_row(before, during))
    valid = Q(valid_from__lte=last) & (Q(valid_to__isnull=True) | Q(valid_to__gte=first))
    indicators = Indicator.objects.filter(valid).order_by("order")
    province_level = agency.level in PROVINCE_LEVELS
    groups = []
    for group in IndicatorGroup.objects.filter(indicators__in=indicators).distinct():
        rows = []
        for indicator in (i for i in indicators if i.group_id == group.pk):
            measure = MEASURES.get(indicator.key)
            if indicator.scope == Indicator.Scope.PROVINCE and not province_level:
                rows.append(_row(indicator, None, _("Chỉ số chỉ tính cho cấp tỉnh.")))
            else:
                rows.append(_row(indicator, measure(ctx) if measure else None, indicator.missing))
        groups.append({
            "key": group.key, "name": group.name,
            "points": float(_summed(rows, "points")),
            "max_points": float(group.max_points),
            "measured_max": float(_summed(rows, "max_points")),
            "indicators": rows,
        })  # fmt: skip
    return {
        "agency": agency.code,
        "agency_name": agency.name,
        "from": first.isoformat(),
        "to": last.isoformat(),
        "total": float(sum(Decimal(str(g["points"])) for g in groups)),
        "measured_max": float(sum(Decimal(str(g["measured_max"])) for g in groups)),
        "groups": groups,
    }
