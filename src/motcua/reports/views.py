"""Report pages: the dashboard, the statistics form, and the dossiers behind every number."""

from datetime import date
from urllib.parse import urlencode

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from motcua.agencies.models import Agency
from motcua.agencies.selectors import agencies_visible_to
from motcua.core.errors import DomainError
from motcua.reports import charts
from motcua.reports.api import EXPORTS, attachment
from motcua.reports.drilldown import (
    INDICATOR_MEASURES,
    MEASURE_LABELS,
    PAGE_SIZE,
    drilldown,
    overdue_now,
)
from motcua.reports.indicators import index_766
from motcua.reports.periods import ONE_DAY, month_start, today
from motcua.reports.register import FORMATS, MAX_DAYS, received_in, register_file
from motcua.reports.selectors import (
    changes_not_counted,
    monthly_sums,
    period_sums,
    report_subject,
    subtree_ids,
)
from motcua.reports.statistics import COLUMN_GROUPS, MEASURES, tthc_statistics
from motcua.reports.statistics import MEASURE_LABELS as COLUMN_LABELS

TREND_MONTHS = 12
OVERDUE_LIST = 10


def _page(request: HttpRequest, template: str, build) -> HttpResponse:
    """Render `template` with the context `build(agency, first, last)` adds, or the refusal."""
    base = {"agencies": agencies_visible_to(request.user).order_by("path"), "params": request.GET}
    try:
        agency, first, last = report_subject(request.user, request.GET)
        query = urlencode({"agency": agency.code, "from": f"{first}", "to": f"{last}"})
        built = build(agency, first, last)
    except DomainError as error:
        return render(request, template, {**base, "error": error.detail}, status=error.status)
    if isinstance(built, HttpResponse):
        return built
    context = {**base, "agency": agency, "first": first, "last": last, "query": query,
               "not_counted": changes_not_counted(agency)}  # fmt: skip
    return render(request, template, {**context, **built})


def _share(part: int, whole: int) -> float | None:
    return round(100 * part / whole, 1) if whole else None


def _trend(agency: Agency, last: date) -> dict:
    months = [month_start(last)]
    while len(months) < TREND_MONTHS:
        months.insert(0, month_start(months[0] - ONE_DAY))
    sums = monthly_sums(subtree_ids(agency), months[0], months[-1])
    on_time, online = [], []
    for month in months:
        s = sums.get(month)
        if s is None:
            on_time.append(None)
            online.append(None)
            continue
        resolved = s["resolved_early"] + s["resolved_on_time"] + s["resolved_late"]
        on_time.append(_share(s["resolved_early"] + s["resolved_on_time"], resolved))
        online.append(_share(s["received_online"], s["received_online"] + s["received_offline"]))
    labels = [f"{m:%m/%Y}" for m in months]
    chart = charts.line_chart(
        _("Tỷ lệ giải quyết đúng hạn và tỷ lệ nộp trực tuyến theo tháng"),
        labels,
        {_("Đúng hạn (%)"): on_time, _("Trực tuyến (%)"): online},
    )
    return {"trend_chart": chart, "trend_rows": list(zip(labels, on_time, online, strict=True))}


def _dashboard(agency: Agency, first: date, last: date) -> dict:
    index = index_766(agency, first, last)
    for group in index["groups"]:
        for indicator in group["indicators"]:
            indicator["links"] = INDICATOR_MEASURES.get(indicator["key"], (None, None))
    totals = tthc_statistics(agency, first, last).totals
    (_before, ), (during, ) = period_sums(subtree_ids(agency), first, last)  # fmt: skip
    received = totals["received_online"] + totals["received_offline"]
    return {
        "index": index,
        "groups_chart": charts.bar_chart(
            _("Điểm Bộ chỉ số 766 theo nhóm"),
            [(g["name"], g["points"], g["max_points"]) for g in index["groups"]],
        ),
        "totals": totals,
        "online_share": _share(totals["received_online"], received),
        "on_time_share": _share(
            totals["resolved_early"] + totals["resolved_on_time"], totals["resolved_total"]
        ),
        "payments": during,
        "overdue": overdue_now(agency, today(), OVERDUE_LIST),
        **_trend(agency, last),
    }


@login_required
def dashboard(request: HttpRequest) -> HttpResponse:
    """Bảng điều khiển: the 766 index, shares, trend, overdue dossiers, payments, satisfaction."""
    return _page(request, "reports/dashboard.html", _dashboard)


def _statistics_lines(stats) -> list[dict]:
    """The table's lines: each level's subtotal then its fields, and the total; each cell with
    the filter of its drill-down."""

    def line(css: str, name: str, values: dict, **filters: str) -> dict:
        cells = [(values[m], urlencode({"measure": m, **filters})) for m in MEASURES]
        return {"css": css, "name": name, "cells": cells}

    lines = []
    for level in stats.levels:
        lines.append(line("level", level["name"], level["totals"], level=level["level"]))
        lines += [line("", row["field_name"], row, level=level["level"], field=row["field"])
                  for row in level["rows"]]  # fmt: skip
    lines.append(line("total", _("Tổng cộng"), stats.totals))
    return lines


@login_required
def statistics_page(request: HttpRequest) -> HttpResponse:
    """Biểu số 06 as a page, with its .xlsx and PDF (`?format=`)."""

    def build(agency: Agency, first: date, last: date):
        stats = tthc_statistics(agency, first, last)
        export = EXPORTS.get(request.GET.get("format", ""))
        if export is not None:
            content, content_type = export[0](stats), export[1]
            response = HttpResponse(content, content_type=content_type)
            name = f"bieu-06-{agency.code}-{first:%Y%m%d}-{last:%Y%m%d}.{request.GET['format']}"
            response["Content-Disposition"] = f'attachment; filename="{name}"'
            return response
        columns = [(name, [COLUMN_LABELS[m] for m in ms]) for name, ms in COLUMN_GROUPS]
        return {"stats": stats, "columns": columns, "lines": _statistics_lines(stats)}

    return _page(request, "reports/statistics.html", build)


@login_required
def dossiers_page(request: HttpRequest) -> HttpResponse:
    """The dossiers behind one number of a report (`?measure=`, optionally `field`, `level`)."""
    measure = request.GET.get("measure", "")

    def build(agency: Agency, first: date, last: date) -> dict:
        after = request.GET.get("after", "")
        facts = list(
            drilldown(agency, first, last, measure, field=request.GET.get("field"),
                      level=request.GET.get("level"), after=int(after) if after.isdigit() else None)
        )  # fmt: skip
        label = MEASURE_LABELS.get(measure) or COLUMN_LABELS.get(measure, measure)
        more = request.GET.copy()
        more["after"] = facts[-1].dossier_id if facts else ""
        full = len(facts) == PAGE_SIZE
        return {"facts": facts, "label": label, "next_query": more.urlencode() if full else ""}

    return _page(request, "reports/dossiers.html", build)


@login_required
def register_page(request: HttpRequest) -> HttpResponse:
    """Mẫu 07, the desk's tracking register for a period: how many lines, and the file
    (`?format=pdf|xlsx`)."""

    def build(agency: Agency, first: date, last: date):
        if request.GET.get("format") in FORMATS:
            return attachment(*register_file(agency, first, last, request.GET["format"]))
        return {"count": received_in(agency, first, last).count(), "max_days": MAX_DAYS}

    return _page(request, "reports/register.html", build)
