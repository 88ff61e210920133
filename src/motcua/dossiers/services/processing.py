"""Processing: hand-over along the internal process, the decision, an apology, a legal pause."""

from datetime import datetime

from django.utils.translation import gettext as _

from motcua.agencies.models import Agency
from motcua.core.errors import RuleBroken
from motcua.dossiers.clock import resume_clock, step_due, stop_clock
from motcua.dossiers.models import (
    DossierResult,
)
from motcua.dossiers.services.recording import Outcome
from motcua.dossiers.steps import process_steps


def forward(dossier, actor, now, params, note, calendar) -> Outcome:
    steps = process_steps(dossier)
    step_due_at = step_due(dossier, steps, calendar)
    to_code = params.get("to_agency")
    if to_code:
        target = Agency.objects.filter(code=to_code).first()
        if target is None:
            raise RuleBroken(
                _("Không có cơ quan %(code)s.") % {"code": to_code},
                fields={"to_agency": [to_code]},
            )
        dossier.current_agency, dossier.current_step = target, None
    elif dossier.current_step is not None and dossier.current_step + 1 < len(steps):
        dossier.current_step += 1
        dossier.current_agency = steps[dossier.current_step].unit
    else:
        raise RuleBroken(
            _("Hồ sơ đã ở bước cuối của quy trình: phê duyệt, hoặc chuyển cho cơ quan khác."),
            code="last_step",
        )
    handover = None
    if step_due_at:
        handover = "early" if now < step_due_at else "late" if now > step_due_at else "on_time"
    return Outcome({"handover": handover}, step_due_at=step_due_at)


def _result(dossier, actor, now, params, note, kind: str) -> None:
    DossierResult.objects.create(
        dossier=dossier,
        kind=kind,
        number=str(params.get("number") or ""),
        note=note,
        electronic=bool(params.get("electronic")),
        file=params.get("file") or "",
        signed_by=actor,
        at=now,
    )
    dossier.completed_at = now


def approve(dossier, actor, now, params, note, calendar) -> Outcome:
    _result(dossier, actor, now, params, note, DossierResult.Kind.APPROVAL)
    return Outcome()


def reject(dossier, actor, now, params, note, calendar) -> Outcome:
    _result(dossier, actor, now, params, note, DossierResult.Kind.REFUSAL)
    return Outcome()


def apologise(dossier, actor, now, params, note, calendar) -> Outcome:
    new_due = params.get("new_due_at")
    if not isinstance(new_due, datetime) or dossier.due_at is None or new_due <= dossier.due_at:
        raise RuleBroken(
            _("Ngày hẹn mới phải sau ngày hẹn hiện tại."),
            code="invalid_new_due",
            fields={"new_due_at": ["phải sau hạn hiện tại"]},
        )
    timely = calendar.working_seconds_between(now, dossier.due_at) >= calendar.days_to_seconds(1)
    old_due = dossier.due_at
    dossier.extended, dossier.due_at = True, new_due
    return Outcome({"old_due_at": old_due.isoformat(), "new_due_at": new_due.isoformat(),
                    "timely": timely})  # fmt: skip


def pause(dossier, actor, now, params, note, calendar) -> Outcome:
    stop_clock(dossier, now)
    return Outcome()


def resume(dossier, actor, now, params, note, calendar) -> Outcome:
    resume_clock(dossier, now, calendar, restart=False)
    return Outcome()
