"""Properties of the working-time rule for random instants, schedules, overrides and durations.

The exact statements that hold (a = add_working_time, w = working_seconds_between,
n = next_working_instant):
- a(t, s) lies in working time, or exactly on the end of a period (a due time of 11:30 stays
  11:30; it is not moved to 13:30);
- w(t, a(t, s)) == s: counting back the working time gives what was added;
- a(a(t, x), y) == a(t, x + y) when y > 0; when y == 0 the left side is n(a(t, x)), which
  differs from a(t, x) exactly when a(t, x) is a period end;
- a is monotonic in s and in t, a(t, s) >= t + s seconds of wall-clock time, and a(t, 0) == n(t);
- n is idempotent and lands in working time proper (never on a period end);
- w is additive: w(t1, t3) == w(t1, t2) + w(t2, t3) for t1 <= t2 <= t3 (whole-second instants,
  since w counts whole seconds).
"Working time" is decided by a reference written from DOMAIN.md, not by the calendar itself.
"""

import itertools
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache

import holidays
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from motcua.core.calendar import LOCAL_TZ, WorkingCalendar, WorkSchedule

CALENDAR_SETTINGS = settings(max_examples=200, deadline=None)

FIRST_DAY, LAST_DAY = date(2024, 1, 1), date(2028, 12, 31)


@lru_cache(maxsize=16)
def _national(year: int):
    return holidays.country_holidays("VN", years=year)


def reference_periods(cal: WorkingCalendar, day: date) -> list[tuple[datetime, datetime]]:
    """The working periods of `day` by DOMAIN.md: overrides win, then holidays, then the week."""
    periods = cal.schedule.periods
    if day in cal.overrides:
        hours = periods if cal.overrides[day] else ()
    elif day in _national(day.year):
        hours = ()
    elif day in _national(day.year).weekend_workdays or day.weekday() < 5:
        hours = periods
    elif day.weekday() == 5 and cal.schedule.saturday_morning:
        hours = periods[:1]
    else:
        hours = ()
    return [
        (datetime.combine(day, a, LOCAL_TZ), datetime.combine(day, b, LOCAL_TZ)) for a, b in hours
    ]


def in_working_time(cal: WorkingCalendar, instant: datetime, *, allow_end: bool) -> bool:
    local = instant.astimezone(LOCAL_TZ)
    return any(
        start <= local < end or (allow_end and local == end)
        for start, end in reference_periods(cal, local.date())
    )


@st.composite
def schedules(draw) -> WorkSchedule:
    """1 to 3 increasing periods at whole minutes (some touching), and the Saturday flag."""
    marks = sorted(draw(st.sets(st.integers(0, 24 * 60 - 1), min_size=2, max_size=6)))
    if len(marks) % 2:
        marks = marks[:-1]
    pairs = [[marks[i], marks[i + 1]] for i in range(0, len(marks), 2)]
    for left, right in itertools.pairwise(pairs):
        if draw(st.booleans()) and draw(st.booleans()):  # sometimes glue two periods together
            left[1] = right[0]
    periods = tuple((time(a // 60, a % 60), time(b // 60, b % 60)) for a, b in pairs)
    texts = [[a.isoformat(), b.isoformat()] for a, b in periods]
    return WorkSchedule.from_strings(texts, draw(st.booleans()))


@st.composite
def instants(draw, schedule: WorkSchedule | None = None) -> datetime:
    """An aware instant in 2024-2028: anywhere, or on/near a period boundary, in +07 or UTC."""
    day = draw(st.dates(FIRST_DAY, LAST_DAY))
    boundaries = [t for period in (schedule.periods if schedule else ()) for t in period]
    if boundaries and draw(st.booleans()):
        local = datetime.combine(day, draw(st.sampled_from(boundaries)), LOCAL_TZ)
        local += timedelta(seconds=draw(st.sampled_from([-1, 0, 0, 0, 1])))
    else:
        moment = draw(st.times())
        local = datetime.combine(day, moment, LOCAL_TZ)
    return local.astimezone(draw(st.sampled_from([LOCAL_TZ, UTC])))


@st.composite
def scenarios(draw):
    """A calendar with overrides near the start instant, and that start instant."""
    schedule = draw(schedules())
    start = draw(instants(schedule))
    first = start.astimezone(LOCAL_TZ).date()
    overrides = draw(
        st.dictionaries(
            st.integers(-2, 40).map(lambda offset: first + timedelta(days=offset)),
            st.booleans(),
            max_size=8,
        )
    )
    return WorkingCalendar(schedule, overrides), start


def durations(cal: WorkingCalendar):
    """Working seconds up to about 25 working days of this schedule."""
    return st.integers(0, 25 * cal.schedule.day_seconds)


@CALENDAR_SETTINGS
@given(st.data())
def test_the_due_time_is_in_working_time_or_on_a_period_end(data):
    cal, start = data.draw(scenarios())
    due = cal.add_working_time(start, data.draw(durations(cal)))
    assert in_working_time(cal, due, allow_end=True)


@CALENDAR_SETTINGS
@given(st.data())
def test_counting_back_gives_the_working_time_added(data):
    cal, start = data.draw(scenarios())
    seconds = data.draw(durations(cal))
    assert cal.working_seconds_between(start, cal.add_working_time(start, seconds)) == seconds


@CALENDAR_SETTINGS
@given(st.data())
def test_adding_in_two_steps_equals_adding_once(data):
    cal, start = data.draw(scenarios())
    first = data.draw(durations(cal))
    second = data.draw(durations(cal))
    middle = cal.add_working_time(start, first)
    if second > 0:
        assert cal.add_working_time(middle, second) == cal.add_working_time(start, first + second)
    else:
        assert cal.add_working_time(middle, 0) == cal.next_working_instant(middle)


@CALENDAR_SETTINGS
@given(st.data())
def test_more_working_time_never_gives_an_earlier_due_time(data):
    cal, start = data.draw(scenarios())
    shorter, longer = sorted([data.draw(durations(cal)), data.draw(durations(cal))])
    assert cal.add_working_time(start, shorter) <= cal.add_working_time(start, longer)


@CALENDAR_SETTINGS
@given(st.data())
def test_a_later_start_never_gives_an_earlier_due_time(data):
    cal, start = data.draw(scenarios())
    later = start + timedelta(seconds=data.draw(st.integers(0, 5 * 24 * 3600)))
    seconds = data.draw(durations(cal))
    assert cal.add_working_time(start, seconds) <= cal.add_working_time(later, seconds)


@CALENDAR_SETTINGS
@given(st.data())
def test_the_due_time_is_after_the_start_by_at_least_the_working_time(data):
    cal, start = data.draw(scenarios())
    seconds = data.draw(durations(cal))
    due = cal.add_working_time(start, seconds)
    assert due >= start
    assert due - start >= timedelta(seconds=seconds)
    assert cal.add_working_time(start, 0) == cal.next_working_instant(start)


@CALENDAR_SETTINGS
@given(st.data())
def test_next_working_instant_is_idempotent_and_in_working_time(data):
    cal, instant = data.draw(scenarios())
    nxt = cal.next_working_instant(instant)
    assert nxt >= instant
    assert in_working_time(cal, nxt, allow_end=False)
    assert cal.next_working_instant(nxt) == nxt
    if in_working_time(cal, instant, allow_end=False):
        assert nxt == instant
    else:  # nothing of working time was skipped on the way
        assert cal.working_seconds_between(instant, nxt) == 0


@CALENDAR_SETTINGS
@given(st.data())
def test_working_seconds_are_additive_and_antisymmetric(data):
    cal, start = data.draw(scenarios())
    t1 = start.replace(microsecond=0)
    t2 = t1 + timedelta(seconds=data.draw(st.integers(0, 10 * 24 * 3600)))
    t3 = t2 + timedelta(seconds=data.draw(st.integers(0, 10 * 24 * 3600)))
    between = cal.working_seconds_between
    assert between(t1, t3) == between(t1, t2) + between(t2, t3)
    assert between(t3, t1) == -between(t1, t3)
    assert 0 <= between(t1, t2) <= (t2 - t1).total_seconds()


@CALENDAR_SETTINGS
@given(st.data())
def test_adding_the_working_time_between_never_passes_the_end(data):
    cal, start = data.draw(scenarios())
    end = start + timedelta(seconds=data.draw(st.integers(0, 10 * 24 * 3600)))
    seconds = cal.working_seconds_between(start, end)
    assume(seconds > 0)
    reached = cal.add_working_time(start, seconds)
    assert reached <= end
    assert cal.working_seconds_between(reached, end) == 0  # only a fraction of a second is left
