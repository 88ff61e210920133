"""The processing clock of a dossier and the one rule of "overdue" (quá hạn).

The clock starts at receipt (`start_clock`), stops while the dossier waits for the applicant or a
legal pause (`stop_clock`) and resumes or restarts (`resume_clock`), moving the due date by the
working time it was stopped: the law counts no time while the clock is stopped.

The rule, read by the dossier resource, the API list filter, the worklist and its tiles and the
report facts alike (docs/glossary.md, "Quá hạn"):
- a pending dossier whose clock runs is overdue once now is past its due date;
- a pending dossier whose clock is stopped is judged at the instant it stopped: overdue iff it
  stopped after its due date (it stays so until it resumes; a resumed one has a new due date);
- a resolved dossier is early / on time / late by its result against the reference due date
  (an apology's new date still counts as late, and so does a second supplement request);
- a withdrawn or refused dossier is neither.
`timeliness` and `urgency` judge one dossier, `overdue_q` selects the overdue ones in SQL, and
`overdue_from` gives the report facts the instant a dossier counts as overdue from.
"""

from datetime import datetime
from decimal import Decimal

from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from motcua.catalog.models import ProcessStep
from motcua.core.calendar import LOCAL_TZ, WorkingCalendar
from motcua.dossiers.models import Channel, Dossier, Status
from motcua.dossiers.workflow import FINAL_STATUSES

EARLY, ON_TIME, LATE = "early", "on_time", "late"
WITHIN, OVERDUE = "within", "overdue"
DUE_SOON = "due_soon"
LABELS = {
    EARLY: _("trước hạn"),
    ON_TIME: _("đúng hạn"),
    LATE: _("quá hạn"),
    WITHIN: _("trong hạn"),
    OVERDUE: _("quá hạn"),
    DUE_SOON: _("đến hạn trong một ngày làm việc"),
}
UNRESOLVED = FINAL_STATUSES | {Status.RESULT_READY}
PENDING = ~Q(status__in=UNRESOLVED)  # with a due date: received, no result yet, not withdrawn


def processing_days(dossier: Dossier) -> Decimal:
    """The procedure's processing time for the dossier's channel, in working days."""
    procedure = dossier.procedure
    if dossier.channel == Channel.ONLINE and procedure.online_processing_days is not None:
        return procedure.online_processing_days
    return procedure.processing_days


def start_clock(dossier: Dossier, now: datetime, calendar: WorkingCalendar) -> None:
    """Receipt: the clock starts at the next working instant and the due date is set."""
    dossier.clock_started_at = calendar.next_working_instant(now)
    dossier.due_at = dossier.original_due_at = calendar.due_at(now, processing_days(dossier))


def stop_clock(dossier: Dossier, now: datetime) -> None:
    """Stop a received dossier's clock (no-op before receipt or when already stopped)."""
    if dossier.received_at and dossier.clock_stopped_at is None:
        dossier.clock_stopped_at = now


def _shift(calendar: WorkingCalendar, due: datetime, stopped: datetime, now: datetime) -> datetime:
    """`due` moved by the working time between `stopped` and `now`; a due date already passed
    when the clock stopped stays where it was."""
    remaining = calendar.working_seconds_between(stopped, due)
    return calendar.add_working_time(now, remaining) if remaining > 0 else due


def resume_clock(dossier: Dossier, now: datetime, calendar: WorkingCalendar, restart: bool) -> None:
    """Run a stopped clock again: the waiting time is added up and the due dates move by it, or
    (`restart`) the full processing time counts again from now."""
    stopped = dossier.clock_stopped_at
    if stopped is None:
        return
    dossier.waiting_seconds += max(0, calendar.working_seconds_between(stopped, now))
    if restart:
        dossier.due_at = calendar.due_at(now, processing_days(dossier))
    else:
        dossier.due_at = _shift(calendar, dossier.due_at, stopped, now)
    if dossier.extended:
        dossier.original_due_at = _shift(calendar, dossier.original_due_at, stopped, now)
    else:
        dossier.original_due_at = dossier.due_at
    dossier.clock_stopped_at = None


def step_due(
    dossier: Dossier, steps: list[ProcessStep], calendar: WorkingCalendar
) -> datetime | None:
    """When the dossier's current step of the internal process is due: the receipt plus the
    working days of the steps up to and including it (None outside a process)."""
    if dossier.current_step is None or not steps or dossier.received_at is None:
        return None
    days = sum((s.days for s in steps[: dossier.current_step + 1]), Decimal(0))
    return calendar.due_at(dossier.received_at, days)


def reference_due(dossier: Dossier) -> datetime | None:
    """The due date that judges a result: an apology's new date still counts as late."""
    return dossier.original_due_at or dossier.due_at


def overdue_from(dossier: Dossier) -> datetime | None:
    """The instant after which the dossier counts as overdue while it stays pending, as it
    stands now: its due date, or None while its clock is stopped at or before the due date
    (no time runs until it resumes, which sets a new due date)."""
    due, stopped = dossier.due_at, dossier.clock_stopped_at
    if due is None or (stopped is not None and stopped <= due):
        return None
    return due


def is_pending(dossier: Dossier) -> bool:
    """Received and neither resolved nor withdrawn (the rows `PENDING` selects)."""
    return dossier.due_at is not None and dossier.status not in UNRESOLVED


def timeliness(dossier: Dossier, now: datetime | None = None) -> str | None:
    """early / on_time / late once resolved; within / overdue while pending; None otherwise."""
    due = reference_due(dossier)
    if due is None:
        return None
    if dossier.completed_at is not None:
        if dossier.completed_at > due or dossier.extended or dossier.supplement_count > 1:
            return LATE
        same_day = (
            dossier.completed_at.astimezone(LOCAL_TZ).date() == due.astimezone(LOCAL_TZ).date()
        )
        return ON_TIME if same_day else EARLY
    if not is_pending(dossier):
        return None
    since = overdue_from(dossier)
    return OVERDUE if since is not None and (now or timezone.now()) > since else WITHIN


def overdue_q(now: datetime) -> Q:
    """The pending dossiers overdue at `now`, as one SQL condition (`timeliness` == OVERDUE)."""
    judged = Q(clock_stopped_at__isnull=True) | Q(clock_stopped_at__gt=F("due_at"))
    return PENDING & Q(due_at__lt=now) & judged


def urgency(dossier: Dossier, calendar: WorkingCalendar, now: datetime | None = None) -> str | None:
    """For a pending dossier: within, due_soon (at most one working day left) or overdue.

    None before receipt and once resolved. `calendar` is the receiving agency's working calendar.
    """
    judged = timeliness(dossier, now)
    if judged != WITHIN or dossier.clock_stopped_at is not None:
        return judged if judged in (WITHIN, OVERDUE) else None
    left = calendar.working_seconds_between(now or timezone.now(), dossier.due_at)
    return DUE_SOON if left <= calendar.days_to_seconds(1) else WITHIN
