"""Reads of the report aggregates, scoped to the units the viewer may see."""

from datetime import date

from django.db.models import Q, QuerySet, Sum
from django.utils.translation import gettext_lazy as _

from motcua.agencies.models import Agency
from motcua.agencies.selectors import agencies_visible_to
from motcua.core.errors import Forbidden, NotFound
from motcua.dossiers.models import PendingEffects
from motcua.reports.models import COUNTER_COLUMNS, ReportCounter
from motcua.reports.periods import EPOCH, ONE_DAY, covering_buckets, parse_period, today

LEVEL_OF_AGENCY = {
    Agency.Level.PROVINCE: "province",
    Agency.Level.DEPARTMENT: "province",
    Agency.Level.DISTRICT: "district",
    Agency.Level.COMMUNE: "commune",
}
LEVEL_NAMES = {"province": _("Cấp tỉnh"), "district": _("Cấp huyện"), "commune": _("Cấp xã")}


def changes_not_counted(agency: Agency) -> int:
    """Committed changes of the dossiers filed with `agency` or a unit below it whose report
    facts the worker has not brought in step yet (decision 0015): the report pages say that
    their figures are being updated."""
    return PendingEffects.objects.filter(dossier__agency_id__in=subtree_ids(agency)).count()


def report_agency(user, code: str | None) -> Agency:
    """The unit a report is about: `code` if the viewer may see it, else their top unit."""
    visible = agencies_visible_to(user)
    if not code:
        roots = _roots(visible)
        if not roots:
            raise Forbidden(_("Bạn không thuộc cơ quan nào để xem báo cáo."))
        return visible.get(path=roots[0])
    agency = Agency.objects.filter(code=code).first()
    if agency is None:
        raise NotFound(_("Không có cơ quan %(code)s.") % {"code": code}, fields={"agency": [code]})
    if not visible.filter(pk=agency.pk).exists():
        raise Forbidden(_("Bạn không được xem báo cáo của %(agency)s.") % {"agency": agency.name})
    return agency


def report_subject(user, params) -> tuple[Agency, date, date]:
    """(unit, first day, last day) asked for by `agency`, `from`, `to`; checked against scope."""
    first, last = parse_period(params.get("from"), params.get("to"))
    return report_agency(user, params.get("agency")), first, last


def _roots(visible: QuerySet[Agency]) -> list[str]:
    """Paths of the visible units with no visible unit above them, shortest first."""
    paths = sorted(visible.values_list("path", flat=True), key=len)
    return [p for i, p in enumerate(paths) if not any(p.startswith(q) for q in paths[:i])]


def subtree_ids(agency: Agency) -> list[int]:
    """The unit and every unit under it."""
    return list(Agency.objects.filter(path__startswith=agency.path).values_list("id", flat=True))


def _bucket_filter(first: date, last: date) -> Q:
    condition = Q(pk__in=[])
    for grain, start, end in covering_buckets(first, last):
        condition |= Q(grain=grain, bucket__gte=start, bucket__lte=end)
    return condition


def counter_rows(agency_ids: list[int], first: date, last: date) -> QuerySet[ReportCounter]:
    """The counter rows whose buckets exactly cover first..last for these units."""
    return ReportCounter.objects.filter(_bucket_filter(first, last), agency_id__in=agency_ids)


def counter_sums(rows: QuerySet[ReportCounter], *group_by: str, **extra) -> list[dict]:
    """Each column summed, per `group_by` value (one dict when not grouped), with the `extra`
    aggregates over the same rows."""
    # `extra` first: its filters name columns, which the sums then shadow with their aliases.
    sums = extra | {column: Sum(column, default=0) for column in COUNTER_COLUMNS}
    if group_by:
        return list(rows.values(*group_by).annotate(**sums).order_by())
    return [rows.aggregate(**sums)]


def _pending(before: dict) -> int:
    received = before["received_online"] + before["received_offline"]
    resolved = before["resolved_early"] + before["resolved_on_time"] + before["resolved_late"]
    return received - resolved - before["withdrawn"]


def statistics_row(before: dict, during: dict) -> dict:
    """One row of Biểu số 06 from the sums before the period and during it."""
    carried = _pending(before)
    pending = carried + _pending(during)
    overdue = sum(d["overdue_start"] - d["overdue_end"] for d in (before, during))
    row = {
        "carried_over": carried,
        "received_online": during["received_online"],
        "received_offline": during["received_offline"],
        "resolved_early": during["resolved_early"],
        "resolved_on_time": during["resolved_on_time"],
        "resolved_late": during["resolved_late"],
        "withdrawn": during["withdrawn"],
        "pending_within": pending - overdue,
        "pending_overdue": overdue,
    }
    row["received_total"] = carried + during["received_online"] + during["received_offline"]
    row["resolved_total"] = row["resolved_early"] + row["resolved_on_time"] + row["resolved_late"]
    row["pending_total"] = pending
    return row


def period_sums(agency_ids: list[int], first: date, last: date, *group_by: str, **extra):
    """(sums before `first`, sums from `first` to `last`), per group_by value; the `extra`
    aggregates are computed over the rows of the period and may only count columns of days up
    to today (receipts, results, payments)."""
    before = counter_sums(counter_rows(agency_ids, EPOCH, first - ONE_DAY), *group_by)
    return before, _sums_to(agency_ids, first, last, group_by, extra)


def _sums_to(agency_ids: list[int], first: date, last: date, group_by, extra) -> list[dict]:
    """Sums from `first` to `last`. A period that ends today is read to the end of its year, less
    what lies after today: only the due dates of pending dossiers (`overdue_start`) do, so this
    reads a year bucket and a few rows instead of every month and day of the year so far."""
    end = date(last.year, 12, 31)
    if last != today() or last == end:
        return counter_sums(counter_rows(agency_ids, first, last), *group_by, **extra)
    whole = counter_sums(counter_rows(agency_ids, first, end), *group_by, **extra)
    after = {
        tuple(row[g] for g in group_by): row
        for row in counter_sums(counter_rows(agency_ids, last + ONE_DAY, end), *group_by)
    }
    for row in whole:
        later = after.get(tuple(row[g] for g in group_by), {})
        for column in COUNTER_COLUMNS:
            row[column] -= later.get(column, 0)
    # A group seen only after today (a due date) has nothing in the period.
    return [row for row in whole if not group_by or any(row[c] for c in COUNTER_COLUMNS)]


def monthly_sums(agency_ids: list[int], first_month: date, last_month: date) -> dict[date, dict]:
    """Month bucket → column sums, for the months first_month..last_month."""
    rows = ReportCounter.objects.filter(
        grain="m", bucket__gte=first_month, bucket__lte=last_month, agency_id__in=agency_ids
    )
    return {row.pop("bucket"): row for row in counter_sums(rows, "bucket")}
