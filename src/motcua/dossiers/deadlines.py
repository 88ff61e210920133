"""Timeliness classes for statistics: resolved before / on / after the due date, pending in time."""

from datetime import datetime

from django.utils import timezone

from motcua.core.calendar import LOCAL_TZ
from motcua.dossiers.models import Dossier

EARLY, ON_TIME, LATE = "early", "on_time", "late"
WITHIN, OVERDUE = "within", "overdue"
LABELS = {
    EARLY: "trước hạn",
    ON_TIME: "đúng hạn",
    LATE: "quá hạn",
    WITHIN: "trong hạn",
    OVERDUE: "quá hạn",
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
