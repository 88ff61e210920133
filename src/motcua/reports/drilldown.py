"""The dossiers behind a report number: each measure as a filter on the dossier facts."""

from collections.abc import Callable
from datetime import date

from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from motcua.agencies.models import Agency
from motcua.core.errors import NotFound
from motcua.reports.facts import WITHDRAWN
from motcua.reports.models import DossierFact
from motcua.reports.selectors import LEVEL_OF_AGENCY, subtree_ids

RESULTS = ("early", "on_time", "late")
PAGE_SIZE = 50


def _received(a: date, b: date) -> Q:
    return Q(received_day__gte=a, received_day__lte=b)


def _closed(a: date, b: date, *outcomes: str) -> Q:
    return Q(closed_day__gte=a, closed_day__lte=b, outcome__in=outcomes)


def _pending(a: date, b: date) -> Q:
    return Q(received_day__lte=b) & (Q(closed_day__isnull=True) | Q(closed_day__gt=b))


def _overdue(a: date, b: date) -> Q:
    return _pending(a, b) & Q(overdue_day__lte=b)


def _within(a: date, b: date) -> Q:
    return _pending(a, b) & ~Q(overdue_day__lte=b)


def _carried(a: date, b: date) -> Q:
    return Q(received_day__lt=a) & (Q(closed_day__isnull=True) | Q(closed_day__gte=a))


MEASURES: dict[str, Callable[[date, date], Q]] = {
    "received_total": lambda a, b: _carried(a, b) | _received(a, b),
    "received": _received,
    "received_online": lambda a, b: _received(a, b) & Q(online=True),
    "received_offline": lambda a, b: _received(a, b) & Q(online=False),
    "carried_over": _carried,
    "resolved_total": lambda a, b: _closed(a, b, *RESULTS),
    "resolved_early": lambda a, b: _closed(a, b, "early"),
    "resolved_on_time": lambda a, b: _closed(a, b, "on_time"),
    "resolved_late": lambda a, b: _closed(a, b, "late"),
    "withdrawn": lambda a, b: _closed(a, b, WITHDRAWN),
    "pending_total": _pending,
    "pending_within": _within,
    "pending_overdue": _overdue,
    "processed": lambda a, b: _closed(a, b, *RESULTS) | _pending(a, b),
    "timely": lambda a, b: _closed(a, b, "early", "on_time") | _within(a, b),
    "fee_bearing": lambda a, b: _received(a, b) & Q(fee_bearing=True),
    "paid_online": lambda a, b: _received(a, b) & Q(paid_online__gt=0),
    "paper_result": lambda a, b: _closed(a, b, *RESULTS) & Q(paper_result=True),
    "electronic_result": lambda a, b: _closed(a, b, *RESULTS) & Q(electronic_result=True),
    "digitised": lambda a, b: _received(a, b) & Q(digitised=True),
    "reused": lambda a, b: _received(a, b) & Q(reused=True),
    "dissatisfied": lambda a, b: _closed(a, b, *RESULTS) & Q(dissatisfied=True),
}
# (numerator, denominator) measures of the indicators counted from dossiers
INDICATOR_MEASURES = {
    "on_time": ("timely", "processed"),
    "average_time": (None, "resolved_total"),
    "online_share": ("received_online", "received"),
    "payment_share": ("paid_online", "fee_bearing"),
    "electronic_result": ("electronic_result", "paper_result"),
    "digitised": ("digitised", "received"),
    "reuse": ("reused", "received"),
    "dossier_satisfaction": (None, "resolved_total"),
}
MEASURE_LABELS = {
    "received": _("Hồ sơ tiếp nhận trong kỳ"),
    "processed": _("Hồ sơ đã và đang giải quyết"),
    "timely": _("Hồ sơ giải quyết trước hạn, đúng hạn hoặc đang trong hạn"),
    "fee_bearing": _("Hồ sơ có phí, lệ phí"),
    "paid_online": _("Hồ sơ thanh toán trực tuyến"),
    "paper_result": _("Hồ sơ của thủ tục trả kết quả bản giấy"),
    "electronic_result": _("Hồ sơ có kết quả điện tử"),
    "digitised": _("Hồ sơ được số hóa"),
    "reused": _("Hồ sơ sử dụng lại dữ liệu số hóa"),
    "dissatisfied": _("Hồ sơ bị đánh giá không hài lòng"),
}


def drilldown(
    agency: Agency,
    first: date,
    last: date,
    measure: str,
    *,
    field: str | None = None,
    level: str | None = None,
    after: int | None = None,
) -> QuerySet[DossierFact]:
    """One page (keyset on the dossier id, newest first) of the dossiers behind a number."""
    condition = MEASURES.get(measure)
    if condition is None:
        raise NotFound(
            _("Không có chỉ tiêu '%(measure)s'.") % {"measure": measure}, code="unknown_measure"
        )
    facts = DossierFact.objects.filter(condition(first, last), agency_id__in=subtree_ids(agency))
    if field:
        facts = facts.filter(field__code=field)
    if level:
        levels = [lv for lv, name in LEVEL_OF_AGENCY.items() if name == level]
        facts = facts.filter(agency__level__in=levels)
    if after:
        facts = facts.filter(dossier_id__lt=after)
    related = facts.select_related("dossier", "dossier__procedure", "agency")
    return related.order_by("-dossier_id")[:PAGE_SIZE]


def overdue_now(agency: Agency, day: date, limit: int) -> QuerySet[DossierFact]:
    """Dossiers pending past their due date at the end of `day`, the longest overdue first."""
    facts = DossierFact.objects.filter(_overdue(day, day), agency_id__in=subtree_ids(agency))
    related = facts.select_related("dossier", "dossier__procedure", "agency")
    return related.order_by("overdue_day", "dossier_id")[:limit]
