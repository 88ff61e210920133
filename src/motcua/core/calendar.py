"""Working time (thời gian làm việc): holidays, overrides, working hours and the due-time rule.

Public holidays come from the `holidays` package (Vietnam, with the lunar ones, the observed days
and the weekend days the government turned into working days); the administrator's yearly moves
(nghỉ bù / làm bù) are CalendarDay rows that win over it. Processing time is counted in working
time only: N working days are N times the length of a normal working day, added period by period,
so a receipt outside working hours starts at the next working period.

All instants are timezone-aware; days and hours are read in Asia/Ho_Chi_Minh.
"""

import itertools
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from functools import lru_cache
from zoneinfo import ZoneInfo

import holidays

from motcua.core.errors import RuleBroken

LOCAL_TZ = ZoneInfo("Asia/Ho_Chi_Minh")
SATURDAY = 5
MAX_SEARCH_DAYS = 3660


@lru_cache(maxsize=64)
def _public_holidays(year: int) -> frozenset[date]:
    """Days off of `year` by the Labour Code, observed days and nghỉ bù included."""
    return frozenset(holidays.country_holidays("VN", years=year))


@lru_cache(maxsize=64)
def _weekend_workdays(year: int) -> frozenset[date]:
    """Saturdays and Sundays of `year` that the government made full working days (làm bù).

    The `holidays` data records the day off (e.g. Monday 31/8/2026) together with the Saturday
    worked in exchange (22/8/2026); a swap may cross the new year, so the next year is read too.
    """
    data = holidays.country_holidays("VN", years=(year, year + 1))
    return frozenset(day for day in data.weekend_workdays if day.year == year)


class CalendarRangeError(RuleBroken, ValueError):
    """No working time within the calendar's horizon: too many days, or a date out of range."""

    code = "calendar_out_of_range"


@dataclass(frozen=True)
class WorkSchedule:
    """An agency's working hours: periods of a weekday, and whether Saturday morning works.

    `periods` are increasing, non-overlapping (start, end) local times; Saturday morning is the
    first period of the day.
    """

    periods: tuple[tuple[time, time], ...] = ((time(7, 30), time(11, 30)), (time(13, 30), time(17)))
    saturday_morning: bool = False

    @classmethod
    def from_strings(
        cls, periods: Iterable[Iterable[str]], saturday_morning: bool
    ) -> "WorkSchedule":
        """Build from `[["07:30", "11:30"], ...]` as stored on the agency."""
        parsed = tuple((time.fromisoformat(a), time.fromisoformat(b)) for a, b in periods)
        if (
            not parsed
            or any(a >= b for a, b in parsed)
            or any(prev[1] > nxt[0] for prev, nxt in itertools.pairwise(parsed))
        ):
            raise ValueError("Giờ làm việc phải là các khoảng tăng dần, không chồng lên nhau.")
        return cls(parsed, saturday_morning)

    @property
    def day_seconds(self) -> int:
        """Length of a normal working day in seconds (7.5 hours by default)."""
        return sum(_seconds(a, b) for a, b in self.periods)


def _seconds(start: time, end: time) -> int:
    return (
        (end.hour - start.hour) * 3600
        + (end.minute - start.minute) * 60
        + end.second
        - start.second
    )


class WorkingCalendar:
    """Working days and hours of one agency; all instants are timezone-aware."""

    def __init__(
        self, schedule: WorkSchedule | None = None, overrides: dict[date, bool] | None = None
    ):
        self.schedule = schedule or WorkSchedule()
        self.overrides = overrides or {}  # date -> True (làm bù) / False (nghỉ bù)

    def _hours_on(self, day: date) -> tuple[tuple[time, time], ...]:
        """The periods the agency works on `day`: all of them, the morning only, or none.

        Order of precedence: the database overrides, then the national holidays, then the
        national weekend working days, then the week (Monday-Friday, Saturday morning if set).
        """
        if day in self.overrides:
            return self.schedule.periods if self.overrides[day] else ()
        if day in _public_holidays(day.year):
            return ()
        if day in _weekend_workdays(day.year) or day.weekday() < SATURDAY:
            return self.schedule.periods
        if day.weekday() == SATURDAY and self.schedule.saturday_morning:
            return self.schedule.periods[:1]
        return ()

    def is_working_day(self, day: date) -> bool:
        """True when the agency works on `day` at all (weekday, or Saturday morning, or làm bù)."""
        return bool(self._hours_on(day))

    def working_days_after(self, day: date, days: int) -> date:
        """The day on which `days` whole working days have passed since `day` (which is not
        counted): Friday + 1 is the next Monday, `day` itself for 0."""
        for _ in range(MAX_SEARCH_DAYS):
            if days <= 0:
                return day
            day += timedelta(days=1)
            days -= self.is_working_day(day)
        raise CalendarRangeError(
            "Không tìm thấy đủ ngày làm việc trong 10 năm: kiểm tra lịch hoặc số ngày."
        )

    def periods_on(self, day: date) -> list[tuple[datetime, datetime]]:
        """The working periods of `day` as aware local datetimes (empty on a day off)."""
        return [
            (datetime.combine(day, a, LOCAL_TZ), datetime.combine(day, b, LOCAL_TZ))
            for a, b in self._hours_on(day)
        ]

    def _periods_from(self, instant: datetime) -> Iterator[tuple[datetime, datetime]]:
        """Working periods, clipped to start no earlier than `instant`, in order."""
        instant = instant.astimezone(LOCAL_TZ)
        day = instant.date()
        for _ in range(MAX_SEARCH_DAYS):
            for start, end in self.periods_on(day):
                if end > instant:
                    yield max(start, instant), end
            if day == date.max:
                break
            day += timedelta(days=1)
        raise CalendarRangeError(
            "Không tìm thấy đủ thời gian làm việc trong 10 năm: kiểm tra lịch hoặc số ngày."
        )

    def next_working_instant(self, instant: datetime) -> datetime:
        """`instant` itself in working time, else the start of the next working period."""
        return next(self._periods_from(instant))[0]

    def add_working_time(self, start: datetime, seconds: int) -> datetime:
        """The instant when `seconds` (>= 0) of working time have passed since `start`.

        With 0 seconds this is `next_working_instant(start)`. A result that falls exactly on the
        end of a period stays there (11:30, not 13:30), so it is never in non-working time
        except at a period's end. The arithmetic is exact to the microsecond, which makes
        `working_seconds_between(start, add_working_time(start, s)) == s`.
        """
        if seconds < 0:
            raise ValueError("Thời gian làm việc cộng thêm không được âm.")
        remaining = timedelta(seconds=seconds)
        for period_start, period_end in self._periods_from(start):
            if remaining <= period_end - period_start:
                return period_start + remaining
            remaining -= period_end - period_start
        raise AssertionError("unreachable")

    def working_seconds_between(self, start: datetime, end: datetime) -> int:
        """Whole working seconds from `start` to `end`; negative when `end` is before `start`."""
        if end < start:
            return -self.working_seconds_between(end, start)
        total = timedelta()
        for period_start, period_end in self._periods_from(start):
            if period_start >= end:
                break
            total += min(period_end, end) - period_start
        return total // timedelta(seconds=1)

    def days_to_seconds(self, working_days: Decimal | int | float) -> int:
        """Working days as working seconds (a day is the agency's normal day length)."""
        return int(Decimal(str(working_days)) * self.schedule.day_seconds)

    def due_at(self, start: datetime, working_days: Decimal | int | float) -> datetime:
        """Hạn trả: `start` plus `working_days` of working time, skipping non-working time."""
        return self.add_working_time(start, self.days_to_seconds(working_days))
