"""Biểu số 06/VPCP/KSTT: dossiers received, resolved and pending per field, grouped by level."""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from django.utils.translation import gettext_lazy as _

from motcua.agencies.models import Agency
from motcua.catalog.models import Field
from motcua.reports.models import COUNTER_COLUMNS
from motcua.reports.selectors import (
    LEVEL_NAMES,
    LEVEL_OF_AGENCY,
    period_sums,
    statistics_row,
    subtree_ids,
)

MEASURES = (
    "received_total", "received_online", "received_offline", "carried_over",
    "resolved_total", "resolved_early", "resolved_on_time", "resolved_late",
    "pending_total", "pending_within", "pending_overdue", "withdrawn",
)  # fmt: skip
MEASURE_LABELS = {
    "received_total": _("Tổng số"),
    "received_online": _("Trực tuyến"),
    "received_offline": _("Trực tiếp, bưu chính"),
    "carried_over": _("Kỳ trước chuyển qua"),
    "resolved_total": _("Tổng số"),
    "resolved_early": _("Trước hạn"),
    "resolved_on_time": _("Đúng hạn"),
    "resolved_late": _("Quá hạn"),
    "pending_total": _("Tổng số"),
    "pending_within": _("Trong hạn"),
    "pending_overdue": _("Quá hạn"),
    "withdrawn": _("Rút, dừng"),
}
COLUMN_GROUPS = (
    (_("Số hồ sơ tiếp nhận"), MEASURES[0:4]),
    (_("Số hồ sơ đã giải quyết"), MEASURES[4:8]),
    (_("Số hồ sơ đang giải quyết"), MEASURES[8:11]),
    (_("Số hồ sơ rút, dừng giải quyết"), MEASURES[11:]),
)


@dataclass
class Statistics:
    """The form's content: rows per (level, field), subtotals per level and the grand total."""

    agency: Agency
    first: date
    last: date
    levels: list[dict] = field(default_factory=list)
    totals: dict = field(default_factory=dict)

    def as_json(self) -> dict:
        rows = [row for level in self.levels for row in level["rows"]]
        return {
            "agency": self.agency.code,
            "agency_name": self.agency.name,
            "from": self.first.isoformat(),
            "to": self.last.isoformat(),
            "rows": rows,
            "levels": [
                {"level": lv["level"], "name": lv["name"], **lv["totals"]} for lv in self.levels
            ],
            **self.totals,
        }


def _add(total: dict, row: dict) -> None:
    for measure in MEASURES:
        total[measure] = total.get(measure, 0) + row[measure]


def tthc_statistics(agency: Agency, first: date, last: date) -> Statistics:
    """The statistics of the unit and everything under it for first..last (inclusive)."""
    before, during = period_sums(subtree_ids(agency), first, last, "agency__level", "field_id")
    empty = dict.fromkeys(COUNTER_COLUMNS, 0)
    sums: dict[tuple, list[dict]] = defaultdict(lambda: [dict(empty), dict(empty)])
    for which, rows in enumerate((before, during)):
        for row in rows:
            key = (LEVEL_OF_AGENCY[row["agency__level"]], row["field_id"])
            for column in COUNTER_COLUMNS:
                sums[key][which][column] += row[column]
    fields = Field.objects.filter(pk__in={k[1] for k in sums})
    names = {pk: (code, name) for pk, code, name in fields.values_list("pk", "code", "name")}
    stats = Statistics(agency, first, last)
    for level in LEVEL_NAMES:
        rows = []
        for (row_level, field_id), (b, d) in sums.items():
            row = statistics_row(b, d)
            if row_level == level and any(row.values()):
                code, name = names[field_id]
                rows.append({"level": level, "field": code, "field_name": name, **row})
        if rows:
            rows.sort(key=lambda r: r["field_name"])
            totals: dict = {}
            for row in rows:
                _add(totals, row)
            stats.levels.append({"level": level, "name": LEVEL_NAMES[level], "rows": rows,
                                 "totals": totals})  # fmt: skip
    for level in stats.levels:
        _add(stats.totals, level["totals"])
    if not stats.totals:
        stats.totals = dict.fromkeys(MEASURES, 0)
    return stats
