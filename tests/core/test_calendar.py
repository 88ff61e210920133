"""The working-time rule with concrete dates in Asia/Ho_Chi_Minh (DOMAIN.md "Working time").

Every expected value is worked out by hand in the comment above it. A default working day is
07:30-11:30 (4 h) and 13:30-17:00 (3.5 h): 7.5 h = 27,000 working seconds.
"""

from datetime import UTC, date, datetime, time
from decimal import Decimal

import pytest

from motcua.core.calendar import (
    LOCAL_TZ,
    CalendarRangeError,
    WorkingCalendar,
    WorkSchedule,
)
from motcua.core.errors import RuleBroken

HOUR = 3600


def at(
    year: int, month: int, day: int, hour: int = 0, minute: int = 0, second: int = 0, **kw
) -> datetime:
    """An instant in Hà Nội time."""
    return datetime(year, month, day, hour, minute, second, tzinfo=LOCAL_TZ, **kw)


@pytest.fixture
def calendar() -> WorkingCalendar:
    return WorkingCalendar()


# --- which days are working days -------------------------------------------------------------


@pytest.mark.parametrize(
    "day",
    [
        pytest.param(date(2026, 1, 1), id="tet-duong-lich-2026"),
        # Tết Bính Ngọ 2026: 29 Tết is Monday 16/2, mùng 1 Tuesday 17/2, up to mùng 4 Friday 20/2.
        *[pytest.param(date(2026, 2, d), id=f"tet-nguyen-dan-2026-02-{d}") for d in range(16, 21)],
        # Tết Đinh Mùi 2027: 29 Tết Thursday 4/2 to mùng 5 Wednesday 10/2 (6-7/2 a weekend).
        *[
            pytest.param(date(2027, 2, d), id=f"tet-nguyen-dan-2027-02-{d}")
            for d in (4, 5, 8, 9, 10)
        ],
        # Giỗ Tổ Hùng Vương (10/3 lunar): Sunday 26/4/2026, observed on Monday 27/4/2026.
        pytest.param(date(2026, 4, 27), id="gio-to-2026-observed"),
        pytest.param(date(2027, 4, 16), id="gio-to-2027"),
        pytest.param(date(2026, 4, 30), id="30-4-2026"),
        pytest.param(date(2026, 5, 1), id="1-5-2026"),
        # 1 May 2027 is a Saturday: the day off moves to Monday 3/5/2027.
        pytest.param(date(2027, 5, 3), id="1-5-2027-observed"),
        # Quốc khánh 2026: 2/9 and the extra day 1/9, plus Monday 31/8 swapped for Saturday 22/8.
        pytest.param(date(2026, 9, 1), id="quoc-khanh-2026-extra-day"),
        pytest.param(date(2026, 9, 2), id="quoc-khanh-2026"),
        pytest.param(date(2026, 8, 31), id="quoc-khanh-2026-swapped-monday"),
        pytest.param(date(2027, 9, 2), id="quoc-khanh-2027"),
        pytest.param(date(2027, 9, 3), id="quoc-khanh-2027-extra-day"),
        # Ngày Văn hóa Việt Nam, a holiday from 2026.
        pytest.param(date(2026, 11, 24), id="van-hoa-2026"),
    ],
)
def test_public_holidays_are_not_working_days(calendar, day):
    assert day.weekday() < 5, "the case must be a weekday, or it proves nothing"
    assert not calendar.is_working_day(day)
    assert calendar.periods_on(day) == []


@pytest.mark.parametrize(
    "day",
    [
        date(2026, 2, 13),  # Friday before Tết 2026
        date(2026, 2, 23),  # Monday after Tết 2026
        date(2027, 2, 3),  # Wednesday before Tết 2027
        date(2027, 2, 11),  # Thursday after Tết 2027
        date(2026, 4, 28),  # Tuesday after the observed Giỗ Tổ
        date(2026, 9, 3),  # Thursday after Quốc khánh 2026
        date(2026, 11, 16),  # an ordinary Monday
    ],
)
def test_ordinary_weekdays_around_the_holidays_work(calendar, day):
    assert calendar.is_working_day(day)
    assert calendar.periods_on(day) == [
        (at(day.year, day.month, day.day, 7, 30), at(day.year, day.month, day.day, 11, 30)),
        (at(day.year, day.month, day.day, 13, 30), at(day.year, day.month, day.day, 17)),
    ]


def test_weekends_are_off_by_default(calendar):
    assert not calendar.is_working_day(date(2026, 11, 21))  # Saturday
    assert not calendar.is_working_day(date(2026, 11, 22))  # Sunday


def test_saturday_morning_only_when_the_schedule_says_so():
    saturday = date(2026, 11, 21)
    desk = WorkingCalendar(WorkSchedule(saturday_morning=True))
    assert desk.is_working_day(saturday)
    assert desk.periods_on(saturday) == [(at(2026, 11, 21, 7, 30), at(2026, 11, 21, 11, 30))]
    assert not desk.is_working_day(date(2026, 11, 22))  # Sunday stays off


def test_a_saturday_holiday_is_off_even_for_a_saturday_desk():
    # 1 May 2027 is a Saturday.
    desk = WorkingCalendar(WorkSchedule(saturday_morning=True))
    assert not desk.is_working_day(date(2027, 5, 1))


def test_the_national_weekend_working_day_is_a_full_working_day(calendar):
    # The government swapped Monday 31/8/2026 (off) for Saturday 22/8/2026 (làm bù), and the
    # `holidays` data records both: the Saturday is a whole working day, not just a morning.
    assert calendar.periods_on(date(2026, 8, 22)) == [
        (at(2026, 8, 22, 7, 30), at(2026, 8, 22, 11, 30)),
        (at(2026, 8, 22, 13, 30), at(2026, 8, 22, 17)),
    ]
    # Friday 21/8 16:00 + 1 day: 1 h on Friday, 6.5 h on Saturday 22/8 (4 h + 2.5 h) → 16:00.
    assert calendar.due_at(at(2026, 8, 21, 16), 1) == at(2026, 8, 22, 16)


class TestOverrides:
    """Nghỉ bù (False, "off") and làm bù (True, "work") win over the holidays data."""

    def test_lam_bu_on_a_sunday_is_a_full_day(self):
        sunday = date(2026, 11, 22)
        cal = WorkingCalendar(overrides={sunday: True})
        assert cal.periods_on(sunday) == [
            (at(2026, 11, 22, 7, 30), at(2026, 11, 22, 11, 30)),
            (at(2026, 11, 22, 13, 30), at(2026, 11, 22, 17)),
        ]

    def test_lam_bu_on_a_saturday_is_a_full_day_even_for_a_saturday_morning_desk(self):
        saturday = date(2026, 11, 21)
        cal = WorkingCalendar(WorkSchedule(saturday_morning=True), overrides={saturday: True})
        assert len(cal.periods_on(saturday)) == 2

    def test_lam_bu_on_a_public_holiday(self):
        cal = WorkingCalendar(overrides={date(2026, 4, 27): True})
        assert cal.is_working_day(date(2026, 4, 27))

    def test_nghi_bu_on_a_weekday(self):
        cal = WorkingCalendar(overrides={date(2026, 11, 17): False})
        assert not cal.is_working_day(date(2026, 11, 17))
        # Monday 08:00 + 1 day: 7 h on Monday, Tuesday off, 0.5 h on Wednesday → 08:00.
        assert cal.due_at(at(2026, 11, 16, 8), 1) == at(2026, 11, 18, 8)

    def test_nghi_bu_on_the_national_weekend_working_day(self):
        cal = WorkingCalendar(overrides={date(2026, 8, 22): False})
        assert not cal.is_working_day(date(2026, 8, 22))

    def test_saturday_morning_desk_with_a_saturday_off(self):
        cal = WorkingCalendar(
            WorkSchedule(saturday_morning=True), overrides={date(2026, 11, 21): False}
        )
        assert not cal.is_working_day(date(2026, 11, 21))


# --- the due time -----------------------------------------------------------------------------


def test_days_are_counted_in_the_agency_day_length(calendar):
    assert calendar.days_to_seconds(1) == 27_000
    assert calendar.days_to_seconds(Decimal("0.5")) == 13_500
    assert calendar.days_to_seconds(Decimal("1.5")) == 40_500
    assert calendar.days_to_seconds(0) == 0


def test_monday_morning_plus_one_day_is_tuesday_same_time(calendar):
    # 3.5 h + 3.5 h on Monday, the last 0.5 h from Tuesday 07:30.
    assert calendar.due_at(at(2026, 11, 16, 8), 1) == at(2026, 11, 17, 8)


def test_friday_afternoon_plus_one_day_is_monday_afternoon(calendar):
    # 1 h on Friday (16:00-17:00), then 6.5 h on Monday: 4 h in the morning, 2.5 h from 13:30.
    assert calendar.due_at(at(2026, 11, 20, 16), 1) == at(2026, 11, 23, 16)


def test_friday_afternoon_on_a_saturday_morning_desk(calendar):
    desk = WorkingCalendar(WorkSchedule(saturday_morning=True))
    # 1 h on Friday, 4 h on Saturday morning, 2.5 h from Monday 07:30 → 10:00.
    assert desk.due_at(at(2026, 11, 20, 16), 1) == at(2026, 11, 23, 10)


def test_receipt_after_hours_starts_at_the_next_working_period(calendar):
    # Monday 18:00 → clock starts Tuesday 07:30; a whole day ends at Tuesday 17:00 exactly.
    assert calendar.next_working_instant(at(2026, 11, 16, 18)) == at(2026, 11, 17, 7, 30)
    assert calendar.due_at(at(2026, 11, 16, 18), 1) == at(2026, 11, 17, 17)


def test_receipt_before_opening_starts_at_opening(calendar):
    assert calendar.next_working_instant(at(2026, 11, 16, 6)) == at(2026, 11, 16, 7, 30)
    assert calendar.due_at(at(2026, 11, 16, 6), 1) == at(2026, 11, 16, 17)


def test_receipt_on_sunday_starts_monday_morning(calendar):
    assert calendar.next_working_instant(at(2026, 11, 22, 10)) == at(2026, 11, 23, 7, 30)
    assert calendar.due_at(at(2026, 11, 22, 10), 1) == at(2026, 11, 23, 17)


def test_half_a_day(calendar):
    # 3 h 45 min: 3.5 h until 11:30, the last 15 min after lunch.
    assert calendar.due_at(at(2026, 11, 16, 8), Decimal("0.5")) == at(2026, 11, 16, 13, 45)


def test_receipt_at_lunch_starts_at_1330(calendar):
    assert calendar.next_working_instant(at(2026, 11, 16, 11, 45)) == at(2026, 11, 16, 13, 30)
    # 0.5 day = 3 h 45 min: 3.5 h until 17:00, 15 min on Tuesday.
    assert calendar.due_at(at(2026, 11, 16, 11, 45), Decimal("0.5")) == at(2026, 11, 17, 7, 45)
    # 1 day: 3.5 h on Monday afternoon, 4 h on Tuesday morning → ends at 11:30 exactly.
    assert calendar.due_at(at(2026, 11, 16, 11, 45), 1) == at(2026, 11, 17, 11, 30)


def test_a_due_time_on_a_period_end_stays_there(calendar):
    # 3.5 h from 08:00 is 11:30: the due time is the end of the morning, not 13:30.
    assert calendar.add_working_time(at(2026, 11, 16, 8), int(3.5 * HOUR)) == at(
        2026, 11, 16, 11, 30
    )


def test_zero_days_is_the_next_working_instant(calendar):
    assert calendar.due_at(at(2026, 11, 16, 9), 0) == at(2026, 11, 16, 9)
    assert calendar.due_at(at(2026, 11, 20, 17), 0) == at(2026, 11, 23, 7, 30)


def test_a_due_time_crossing_tet_2026(calendar):
    # Friday 13/2/2026 10:00 + 2 days (15 h): 1.5 h + 3.5 h on Friday; 14/2-22/2 off (weekend,
    # Tết 16/2-20/2, weekend); Monday 23/2 7.5 h; the last 2.5 h on Tuesday 24/2 → 10:00.
    assert calendar.due_at(at(2026, 2, 13, 10), 2) == at(2026, 2, 24, 10)


def test_a_due_time_crossing_tet_2027(calendar):
    # Wednesday 3/2/2027 14:00 + 1 day: 3 h on Wednesday; 4/2-10/2 off; Thursday 11/2: 4 h in
    # the morning and 0.5 h from 13:30 → 14:00.
    assert calendar.due_at(at(2027, 2, 3, 14), 1) == at(2027, 2, 11, 14)


def test_a_due_time_crossing_30_4_and_1_5(calendar):
    # Wednesday 29/4/2026 08:00 + 1 day: 7 h on Wednesday; Thursday 30/4, Friday 1/5 and the
    # weekend off; the last 0.5 h on Monday 4/5 → 08:00.
    assert calendar.due_at(at(2026, 4, 29, 8), 1) == at(2026, 5, 4, 8)


def test_a_due_time_crossing_quoc_khanh(calendar):
    # Friday 28/8/2026 16:00 + 1 day: 1 h on Friday; 29/8-2/9 off (weekend, swapped Monday,
    # 1/9, 2/9); 6.5 h on Thursday 3/9 → 16:00.
    assert calendar.due_at(at(2026, 8, 28, 16), 1) == at(2026, 9, 3, 16)


def test_start_in_another_time_zone_is_read_in_local_time(calendar):
    # 01:00 UTC is 08:00 in Hà Nội.
    due = calendar.due_at(datetime(2026, 11, 16, 1, 0, tzinfo=UTC), 1)
    assert due == at(2026, 11, 17, 8)
    # 10:00 UTC on Monday is 17:00 local: after hours, so the clock starts on Tuesday.
    assert calendar.next_working_instant(datetime(2026, 11, 16, 10, tzinfo=UTC)) == at(
        2026, 11, 17, 7, 30
    )


def test_negative_working_time_is_refused(calendar):
    with pytest.raises(ValueError):
        calendar.add_working_time(at(2026, 11, 16, 8), -1)


def test_beyond_the_calendar_horizon_is_a_domain_error_not_a_crash(calendar):
    with pytest.raises(CalendarRangeError) as caught:
        calendar.due_at(at(2026, 11, 16, 8), 9999)
    assert isinstance(caught.value, RuleBroken)
    with pytest.raises(CalendarRangeError):
        calendar.due_at(datetime(9999, 12, 31, 8, tzinfo=LOCAL_TZ), 1)


# --- working seconds between two instants -----------------------------------------------------


def test_working_seconds_between_is_the_inverse_of_adding(calendar):
    start, due = at(2026, 11, 20, 16), at(2026, 11, 23, 16)
    assert calendar.working_seconds_between(start, due) == 27_000
    assert calendar.working_seconds_between(due, start) == -27_000
    assert calendar.working_seconds_between(start, start) == 0
    tet_start = at(2026, 2, 13, 10)
    assert calendar.working_seconds_between(tet_start, at(2026, 2, 24, 10)) == 15 * HOUR


def test_working_seconds_between_skips_lunch_and_nights(calendar):
    assert calendar.working_seconds_between(at(2026, 11, 16, 11, 45), at(2026, 11, 16, 13, 30)) == 0
    # 30 min before lunch + 30 min after.
    assert calendar.working_seconds_between(at(2026, 11, 16, 11), at(2026, 11, 16, 14)) == HOUR
    # Monday 16:30 to Tuesday 08:00: 30 min + 30 min.
    assert calendar.working_seconds_between(at(2026, 11, 16, 16, 30), at(2026, 11, 17, 8)) == HOUR


def test_fractions_of_a_second_are_kept_across_a_break(calendar):
    # 0.3 s before the end of the morning, then 0.7 s after lunch.
    start = at(2026, 11, 16, 11, 29, 59, microsecond=700_000)
    due = calendar.add_working_time(start, 1)
    assert due == at(2026, 11, 16, 13, 30, 0, microsecond=700_000)
    assert calendar.working_seconds_between(start, due) == 1


# --- per-agency working hours -----------------------------------------------------------------


def test_custom_periods_change_the_day_length_and_the_due_time():
    # 08:00-12:00 and 13:00-17:00: an 8 h day.
    cal = WorkingCalendar(
        WorkSchedule.from_strings([["08:00", "12:00"], ["13:00", "17:00"]], False)
    )
    assert cal.schedule.day_seconds == 8 * HOUR
    # 0.5 day = 4 h from 08:00 ends at noon (the default hours give 13:45).
    assert cal.due_at(at(2026, 11, 16, 8), Decimal("0.5")) == at(2026, 11, 16, 12)
    # A receipt at 07:45 waits for 08:00, and lunch is 12:00-13:00.
    assert cal.next_working_instant(at(2026, 11, 16, 7, 45)) == at(2026, 11, 16, 8)
    assert cal.next_working_instant(at(2026, 11, 16, 12, 30)) == at(2026, 11, 16, 13)


def test_a_single_continuous_period():
    cal = WorkingCalendar(WorkSchedule.from_strings([["07:00", "15:00"]], True))
    # Monday 14:00 + 1 day (8 h): 1 h on Monday, 7 h on Tuesday from 07:00 → 14:00.
    assert cal.due_at(at(2026, 11, 16, 14), 1) == at(2026, 11, 17, 14)
    # Saturday morning is the first (here the only) period.
    assert cal.periods_on(date(2026, 11, 21)) == [(at(2026, 11, 21, 7), at(2026, 11, 21, 15))]


def test_periods_with_seconds():
    cal = WorkingCalendar(WorkSchedule.from_strings([["08:00:30", "08:01:00"]], False))
    assert cal.schedule.day_seconds == 30
    assert cal.due_at(at(2026, 11, 16, 9), 1) == at(2026, 11, 17, 8, 1)


@pytest.mark.parametrize(
    "periods",
    [
        [],
        [["11:30", "07:30"]],
        [["07:30", "07:30"]],
        [["07:30", "12:00"], ["11:00", "17:00"]],
        [["13:30", "17:00"], ["07:30", "11:30"]],
    ],
)
def test_invalid_working_hours_are_refused(periods):
    with pytest.raises(ValueError):
        WorkSchedule.from_strings(periods, False)


def test_touching_periods_are_allowed():
    schedule = WorkSchedule.from_strings([["07:30", "11:30"], ["11:30", "16:00"]], False)
    assert schedule.periods == ((time(7, 30), time(11, 30)), (time(11, 30), time(16)))
    assert schedule.day_seconds == int(8.5 * HOUR)
