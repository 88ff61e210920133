"""Report periods: dates read, defaults, and the buckets that cover any range exactly once."""

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from motcua.reports.periods import BadPeriod, covering_buckets, month_end, parse_period


def _days(ranges) -> list[date]:
    days = []
    for grain, first, last in ranges:
        bucket = first
        while bucket <= last:
            end = {"d": bucket, "m": month_end(bucket), "y": date(bucket.year, 12, 31)}[grain]
            days += [bucket + timedelta(n) for n in range((end - bucket).days + 1)]
            bucket = end + timedelta(1)
    return days


@given(st.dates(date(2000, 1, 1), date(2030, 12, 31)), st.integers(0, 2000))
def test_buckets_cover_each_day_of_the_range_once(first, length):
    last = first + timedelta(length)

    days = sorted(_days(covering_buckets(first, last)))

    assert days == [first + timedelta(n) for n in range(length + 1)]


def test_a_year_is_one_bucket_and_a_month_too():
    assert covering_buckets(date(2026, 1, 1), date(2026, 12, 31)) == [
        ("y", date(2026, 1, 1), date(2026, 1, 1))
    ]
    assert covering_buckets(date(2026, 11, 1), date(2026, 11, 30)) == [
        ("m", date(2026, 11, 1), date(2026, 11, 1))
    ]


def test_default_period_is_the_current_month_to_date(clock):
    assert parse_period(None, None) == (date(2026, 11, 1), date(2026, 11, 16))
    assert parse_period("2026-10-01", "2026-12-31") == (date(2026, 10, 1), date(2026, 11, 16))


@pytest.mark.parametrize(
    ("start", "end"), [("2026-02-30", None), ("x", None), ("2026-11-02", "2026-11-01")]
)
def test_bad_periods_are_refused(start, end, clock):
    with pytest.raises(BadPeriod) as refused:
        parse_period(start, end)

    assert refused.value.status == 400
