"""The catalogue's publication as the 766 index measures it (publish_on_time, update_on_time).

Each procedure keeps its publication decision (`publication_decision`, dated `published_on`),
the day its legal basis takes effect (`effective_on`) and the day it appeared on the national
procedure database (`national_db_published_on`). Only what is held is counted: a procedure
without a decision date is left out of both indicators, one without an effective day out of
publish_on_time. The indicators are not measured only when no procedure of the unit has a
decision date at all; with decisions held but none in the period there is nothing to judge.
A procedure abolished since counts in the period of its decision.
Working days are those of the project's calendar (national holidays, the administrator's
moves), the limits settings (`PUBLICATION_LEAD_DAYS`, `NATIONAL_DB_DAYS`).
"""

from dataclasses import dataclass
from datetime import date, timedelta

from django.conf import settings
from django.db.models import Q

from motcua.agencies.selectors import agency_calendar
from motcua.catalog.selectors import procedures_of


@dataclass(frozen=True)
class Publication:
    """(numerator, denominator) of the two indicators."""

    on_time: tuple[int, int]
    updated: tuple[int, int]


def publication_counts(agency_ids: list[int], first: date, last: date) -> Publication | None:
    """The procedures of these units published on time and updated on time in first..last, or
    None when none of them has its publication decision recorded."""
    held = procedures_of(agency_ids).filter(published_on__isnull=False)
    lead, update = settings.MOTCUA["PUBLICATION_LEAD_DAYS"], settings.MOTCUA["NATIONAL_DB_DAYS"]
    # A decision due on the national database in the period is at most `update` weeks older,
    # two more for the longest holiday (Tết).
    recent = Q(published_on__range=(first - timedelta(weeks=update + 2), last))
    rows = list(
        held.filter(recent | Q(national_db_published_on__range=(first, last))).values_list(
            "published_on", "effective_on", "national_db_published_on"
        )
    )
    if not rows and not held.exists():
        return None
    calendar = agency_calendar(None)
    after: dict[tuple[date, int], date] = {}

    def later(day: date, days: int) -> date:
        if (day, days) not in after:
            after[(day, days)] = calendar.working_days_after(day, days)
        return after[(day, days)]

    decided = [(d, e) for d, e, _ in rows if first <= d <= last and e is not None]
    on_time = sum(later(d, lead) <= e for d, e in decided)
    judged = [
        (on_db, later(d, update))
        for d, _, on_db in rows
        if (on_db and first <= on_db <= last) or first <= later(d, update) <= last
    ]
    updated = sum(on_db is not None and on_db <= due for on_db, due in judged)
    return Publication((on_time, len(decided)), (updated, len(judged)))
