"""Working time as a number line, for generating millions of dossiers quickly.

`WorkingCalendar` walks the days one by one (tens of microseconds per due date); the generator
needs millions of them. `WorkingLine` asks the same calendar once per day for its periods and
turns instants into "working seconds since the first day" and back, so a due date is one
binary search. The periods, holidays and overrides are the calendar's own (a test checks that
both give the same instants).
"""

import bisect
from datetime import date, datetime, timedelta
from decimal import Decimal

from motcua.core.calendar import WorkingCalendar


class WorkingLine:
    """The working periods of `calendar` from `first` to `last` laid end to end."""

    def __init__(self, calendar: WorkingCalendar, first: date, last: date):
        self.calendar = calendar
        self.starts: list[datetime] = []  # start of each period
        self.ends: list[datetime] = []
        self.before: list[int] = []  # working seconds before each period
        total, day = 0, first
        while day <= last:
            for start, end in calendar.periods_on(day):
                self.starts.append(start)
                self.ends.append(end)
                self.before.append(total)
                total += int((end - start).total_seconds())
            day += timedelta(days=1)
        self.total = total

    def offset(self, instant: datetime) -> int:
        """Working seconds from the first period to `instant` (clipped into working time)."""
        i = bisect.bisect_right(self.starts, instant) - 1
        if i < 0:
            return 0
        inside = min(instant, self.ends[i]) - self.starts[i]
        return self.before[i] + int(inside.total_seconds())

    def instant(self, offset: int) -> datetime:
        """The instant `offset` working seconds after the first period (a period's end stays)."""
        if offset > self.total:
            raise ValueError("Ngoài khoảng thời gian đã lập bảng.")
        i = max(0, bisect.bisect_left(self.before, offset) - 1)
        return self.starts[i] + timedelta(seconds=offset - self.before[i])

    def seconds(self, working_days: Decimal | float) -> int:
        return self.calendar.days_to_seconds(working_days)

    def due_at(self, start: datetime, working_days: Decimal | float) -> datetime:
        """As `WorkingCalendar.due_at`."""
        return self.instant(self.offset(start) + self.seconds(working_days))
