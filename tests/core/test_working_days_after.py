"""`WorkingCalendar.working_days_after`: whole working days counted from a day, holidays and
the administrator's moves skipped (the 766 index's publication limits read it)."""

from datetime import date

import pytest

from motcua.core.calendar import WorkingCalendar


@pytest.mark.parametrize(
    ("day", "days", "expected"),
    [
        (date(2026, 11, 2), 5, date(2026, 11, 9)),  # Monday + 5: next Monday
        (date(2026, 11, 6), 1, date(2026, 11, 9)),  # Friday + 1: Monday
        (date(2026, 11, 7), 1, date(2026, 11, 9)),  # from a Saturday
        (date(2026, 8, 28), 5, date(2026, 9, 9)),  # 31 Aug-2 Sep: National Day
        (date(2026, 11, 2), 0, date(2026, 11, 2)),
    ],
)
def test_whole_working_days_after_a_day(day, days, expected):
    assert WorkingCalendar().working_days_after(day, days) == expected


def test_a_day_off_moved_by_the_administrator_is_skipped():
    calendar = WorkingCalendar(overrides={date(2026, 11, 3): False, date(2026, 11, 7): True})

    assert calendar.working_days_after(date(2026, 11, 2), 5) == date(2026, 11, 9)
    assert calendar.working_days_after(date(2026, 11, 2), 4) == date(2026, 11, 7)
