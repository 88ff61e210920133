"""Receipt and the supplement asked and given (tiếp nhận, yêu cầu bổ sung, nộp bổ sung)."""

from django.utils.translation import gettext as _

from motcua.core.errors import RuleBroken
from motcua.dossiers.clock import resume_clock, start_clock, stop_clock
from motcua.dossiers.models import (
    DossierDocument,
    Status,
)
from motcua.dossiers.services.recording import Outcome, add_documents, valid_documents
from motcua.dossiers.steps import step_column


def receive(dossier, actor, now, params, note, calendar) -> Outcome:
    dossier.received_at = now
    start_clock(dossier, now, calendar)
    # Only the first step's unit is needed here: its key, not the step and its agency built.
    first_unit = next(iter(step_column(dossier, "unit_id")), None)
    dossier.current_step = None if first_unit is None else 0
    dossier.current_agency_id = dossier.agency_id if first_unit is None else first_unit
    return Outcome({"due_at": dossier.due_at.isoformat()})


def request_supplement(dossier, actor, now, params, note, calendar) -> Outcome:
    items = [str(i).strip() for i in params.get("items") or [] if str(i).strip()]
    if not items:
        raise RuleBroken(
            _("Liệt kê đầy đủ các giấy tờ, nội dung cần bổ sung (một lần)."),
            code="items_required",
            fields={"items": ["bắt buộc"]},
        )
    stage = "receipt" if dossier.status == Status.SUBMITTED else "processing"
    if stage == "processing":  # within the limit (`guards`)
        dossier.supplement_count += 1
        stop_clock(dossier, now)
    return Outcome({"items": items, "stage": stage})


def submit_supplement(dossier, actor, now, params, note, calendar) -> Outcome:
    documents = valid_documents(params.get("documents") or [])
    add_documents(dossier, documents, now, DossierDocument.Source.APPLICANT)
    restart = dossier.procedure.supplement_clock == "restart"
    resume_clock(dossier, now, calendar, restart=restart)
    return Outcome({"clock": "restart" if restart else "resume"})
