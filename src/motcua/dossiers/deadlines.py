"""Timeliness classes for statistics: resolved before / on / after the due date, pending in time."""

from datetime import datetime

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from motcua.core.calendar import LOCAL_TZ, WorkingCalendar
from motcua.dossiers.models import Dossier

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


def reference_due(dossier: Dossier) -> datetime | None:
    """The due date that judges timeliness: an apology's new date still counts as late."""
    return dossier.original_due_at or dossier.due_at


def timeliness(dossier: Dossier, now: datetime | None = None) -> str | None:
    """early / on_time / late once resolved; within / overdue while pending; None before receipt."""
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
    if dossier.clock_stopped_at is not None:
        return WITHIN if dossier.clock_stopped_at <= dossier.due_at else OVERDUE
    return OVERDUE if (now or timezone.now()) > dossier.due_at else WITHIN


def urgency(dossier: Dossier, calendar: WorkingCalendar, now: datetime | None = None) -> str | None:
    """For a pending dossier: within, due_soon (at most one working day left) or overdue.

    None before receipt and once resolved. `calendar` is the receiving agency's working calendar.
    """
    judged = timeliness(dossier, now)
    if judged != WITHIN or dossier.clock_stopped_at is not None:
        return judged if judged in (WITHIN, OVERDUE) else None
    left = calendar.working_seconds_between(now or timezone.now(), dossier.due_at)
    return DUE_SOON if left <= calendar.days_to_seconds(1) else WITHIN
