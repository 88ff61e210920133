"""Report periods: parsing `from`/`to`, and the day, month and year buckets that cover a range."""

from datetime import date, datetime, timedelta

from django.utils import timezone
from django.utils.translation import gettext as _

from motcua.core.calendar import LOCAL_TZ
from motcua.core.errors import DomainError

EPOCH = date(2000, 1, 1)  # before any dossier: prefix sums start here
ONE_DAY = timedelta(days=1)


class BadPeriod(DomainError):
    """A report period that cannot be read (400, not a broken rule)."""

    status = 400
    code = "invalid_period"


def local_day(instant: datetime | None) -> date | None:
    """The calendar day of an instant in Vietnam time."""
    return timezone.localtime(instant, LOCAL_TZ).date() if instant else None


def today() -> date:
    return local_day(timezone.now())


def parse_period(start: str | None, end: str | None) -> tuple[date, date]:
    """`from`/`to` as inclusive dates (YYYY-MM-DD); by default the current month to date.

    The end is cut at today, so "pending overdue at the end" means overdue now for a current
    period."""
    fields: dict[str, list[str]] = {}
    parsed = []
    for name, value in (("from", start), ("to", end)):
        try:
            parsed.append(date.fromisoformat(value) if value else None)
        except ValueError:
            fields[name] = [_("'%(value)s' không phải ngày dạng YYYY-MM-DD.") % {"value": value}]
            parsed.append(None)
    if fields:
        raise BadPeriod(_("Ngày của kỳ báo cáo không hợp lệ."), fields=fields)
    first, last = parsed
    last = last or today()
    first = first or last.replace(day=1)
    if first > last:
        raise BadPeriod(
            _("Ngày bắt đầu kỳ báo cáo phải trước hoặc bằng ngày kết thúc."),
            fields={"from": ["sau ngày kết thúc"]},
        )
    if first < EPOCH:
        raise BadPeriod(
            _("Kỳ báo cáo bắt đầu từ %(date)s.") % {"date": f"{EPOCH:%d/%m/%Y}"},
            fields={"from": ["quá sớm"]},
        )
    # Nothing happens after today: a period running into the future is judged as of today.
    return first, min(last, max(first, today()))


def month_start(day: date) -> date:
    return day.replace(day=1)


def month_end(day: date) -> date:
    return (day.replace(day=28) + timedelta(days=4)).replace(day=1) - ONE_DAY


def buckets_of(day: date) -> list[tuple[str, date]]:
    """The day, month and year buckets a day adds to."""
    return [("d", day), ("m", month_start(day)), ("y", day.replace(month=1, day=1))]


def covering_buckets(first: date, last: date) -> list[tuple[str, date, date]]:
    """(grain, first bucket, last bucket) ranges whose buckets exactly cover first..last.

    Partial months at the ends are read by day, partial years by month, the rest by year: a year
    costs one bucket per key, an arbitrary range at most ~60 day and ~22 month buckets more.
    """
    ranges: list[tuple[str, date, date]] = []
    if first > last:
        return ranges
    if first != month_start(first):
        end = min(last, month_end(first))
        ranges.append(("d", first, end))
        first = end + ONE_DAY
    if first <= last and last != month_end(last):
        start = max(first, month_start(last))
        ranges.append(("d", start, last))
        last = start - ONE_DAY
    if first > last:
        return ranges
    if first.month != 1:
        end = min(last, date(first.year, 12, 31))
        ranges.append(("m", first, month_start(end)))
        first = end + ONE_DAY
    if first <= last and (last.month, last.day) != (12, 31):
        start = max(first, date(last.year, 1, 1))
        ranges.append(("m", start, month_start(last)))
        last = start - ONE_DAY
    if first <= last:
        ranges.append(("y", first, date(last.year, 1, 1)))
    return ranges
