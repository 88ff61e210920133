"""Every change of a dossier: one entry point per transition, checked, recorded and audited.

`dossier_submit` creates a dossier; `dossier_act` performs one action of `workflow.TRANSITIONS`.
Both check the actor's role in the right agency, the state and the version, write the change, a
timeline event and an audit event in one transaction.
"""

import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cache

import jsonschema
from django.db import connection, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from motcua.agencies.models import Agency
from motcua.agencies.selectors import agency_calendar
from motcua.catalog.models import Procedure
from motcua.core.audit import audit_batch, audit_record
from motcua.core.calendar import LOCAL_TZ
from motcua.core.codes import format_dossier_code
from motcua.core.errors import Conflict, Forbidden, NotFound, RuleBroken
from motcua.core.system import system_user
from motcua.dossiers import compiled
from motcua.dossiers.actors import Actor
from motcua.dossiers.clock import resume_clock, start_clock, step_due, stop_clock
from motcua.dossiers.effects import effects_batch, effects_record
from motcua.dossiers.fees import fees_choose, filed_line, outstanding_amount
from motcua.dossiers.guards import NOTHING_TO_PAY, forbidden, refusal
from motcua.dossiers.models import (
    Channel,
    DailySequence,
    Dossier,
    DossierDocument,
    DossierEvent,
    DossierFee,
    DossierResult,
    Payment,
    Status,
    dossier_search_text,
)
from motcua.dossiers.ratings import checked_rating
from motcua.dossiers.selectors import dossier_for
from motcua.dossiers.steps import process_steps, step_column
from motcua.dossiers.workflow import FINAL_STATUSES, TRANSITIONS, Clock, Transition

ID_NUMBER = re.compile(r"^(\d{12}|\d{10}(-\d{3})?)$")


def _require_submitter(actor: Actor, agency: Agency, channel: str, applicant: dict) -> None:
    """Officers receive at their desk; a citizen files online, only in their own name."""
    if actor.id_number is None:
        if "receiver" not in actor.roles_at(agency):
            raise forbidden(_("nhận hồ sơ"), agency).error()
    elif channel != Channel.ONLINE or applicant.get("id_number") != actor.id_number:
        raise Forbidden(_("Công dân chỉ nộp hồ sơ trực tuyến, đứng tên chính mình."))


@cache
def _next_number_sql() -> str:
    table = DailySequence._meta.db_table
    return (
        f"INSERT INTO {table} (agency_id, day, last) VALUES (%s, %s, 1) "  # noqa: S608
        f"ON CONFLICT (agency_id, day) DO UPDATE SET last = {table}.last + 1 RETURNING last"
    )


def _next_sequence(agency: Agency, day: date) -> int:
    """The agency's next number of the day: one statement, which creates the day's row or adds
    one to it and, outside a transaction, is committed at once (decision 0013)."""
    with connection.cursor() as cursor:
        cursor.execute(_next_number_sql(), [agency.pk, connection.ops.adapt_datefield_value(day)])
        return cursor.fetchone()[0]


def _validate_applicant(applicant: dict) -> None:
    errors = {}
    if not ID_NUMBER.match(str(applicant.get("id_number", ""))):
        errors["id_number"] = [_("Số định danh cá nhân có 12 chữ số; mã số doanh nghiệp có 10 số.")]
    if not str(applicant.get("full_name", "")).strip():
        errors["full_name"] = [_("Họ tên người nộp không được để trống.")]
    if errors:
        raise RuleBroken(
            _("Thông tin người nộp không hợp lệ."), code="invalid_applicant", fields=errors
        )


def _validate_form(schema: dict, form_data: dict) -> None:
    if not schema:
        return
    validator = jsonschema.Draft202012Validator(schema)
    errors: dict[str, list[str]] = {}
    for error in validator.iter_errors(form_data):
        key = ".".join(str(p) for p in error.absolute_path) or "form_data"
        errors.setdefault(key, []).append(error.message)
    if errors:
        raise RuleBroken(_("Tờ khai chưa đúng mẫu."), code="invalid_form", fields=errors)


def dossier_submit(
    *,
    actor,
    procedure: Procedure,
    agency: Agency,
    channel: str,
    applicant: dict,
    form_data: dict | None = None,
    documents: list[dict] | None = None,
) -> Dossier:
    """Nộp hồ sơ: create a dossier; a desk or postal one is received at once (code and due date).

    `actor` is a user or their `Actor` already built."""
    actor = Actor.of(actor)
    _require_submitter(actor, agency, channel, applicant)
    if agency.merged_into_id:
        raise RuleBroken(
            _("%(agency)s đã sáp nhập vào %(successor)s: nộp hồ sơ tại cơ quan mới.")
            % {"agency": agency.name, "successor": agency.merged_into.name},
            code="agency_merged",
        )
    if channel not in Channel.values:
        raise RuleBroken(_("Kênh nộp không hợp lệ."), fields={"channel": [channel]})
    if not procedure.is_active or not compiled.is_offered(procedure.pk, agency.pk):
        raise RuleBroken(
            _("%(agency)s không thực hiện thủ tục %(procedure)s.")
            % {"agency": agency.name, "procedure": procedure.code},
            code="procedure_not_offered",
        )
    if channel == Channel.ONLINE and procedure.online_level == Procedure.OnlineLevel.INFO:
        raise RuleBroken(_("Thủ tục này chưa cung cấp dịch vụ công trực tuyến."), code="not_online")
    _validate_applicant(applicant)
    _validate_form(procedure.form_schema, form_data or {})
    documents = _valid_documents(documents or [])
    now = timezone.now()
    day = timezone.localtime(now, LOCAL_TZ).date()
    # The agency's number of the day is taken in a short transaction of its own, once the filing
    # has passed every check: filings at one desk no longer wait for each other's whole
    # transaction. A failure after this leaves that number unused (decision 0013).
    number = _next_sequence(agency, day)
    code, name = format_dossier_code(agency.code, day, number), applicant["full_name"].strip()
    with _changing():
        dossier = Dossier.objects.create(
            code=code,
            procedure=procedure,
            agency=agency,
            current_agency=agency,
            channel=channel,
            status=Status.SUBMITTED,
            applicant_id_number=applicant["id_number"],
            applicant_name=name,
            search_text=dossier_search_text(code, name),
            applicant_phone=applicant.get("phone") or "",
            applicant_email=applicant.get("email") or "",
            applicant_address=applicant.get("address") or "",
            form_data=form_data or {},
            submitted_at=now,
            created_by=actor.user,
        )
        DossierFee.objects.bulk_create(
            filed_line(dossier, *line) for line in compiled.fee_lines(procedure.pk)
        )
        _add_documents(dossier, documents, now, source=DossierDocument.Source.APPLICANT)
        _record(dossier, actor.user, now, "submit", "", Status.SUBMITTED, {"channel": channel})
        if channel != Channel.ONLINE:  # filed at the desk or by post: received at once
            _apply(dossier, TRANSITIONS["receive"], actor.user, now, {})
        return dossier


def _valid_documents(documents: list[dict]) -> list[dict]:
    """The documents as given, each with a name (RuleBroken otherwise)."""
    for doc in documents:
        if not str(doc.get("name", "")).strip():
            raise RuleBroken(_("Mỗi giấy tờ phải có tên."), fields={"documents": ["name"]})
    return documents


def _add_documents(dossier: Dossier, documents: list[dict], now: datetime, source: str) -> None:
    """Store `documents`, which `_valid_documents` has passed."""
    for doc in documents:
        DossierDocument.objects.create(
            dossier=dossier,
            name=str(doc["name"]).strip(),
            kind=doc.get("kind") or "original",
            count=int(doc.get("count") or 1),
            source=doc.get("source") or source,
            file=doc.get("file") or "",  # a Django File: a scan digitised at the desk
            added_at=now,
        )


def _record(
    dossier: Dossier,
    actor,
    now: datetime,
    action: str,
    from_status: str,
    to_status: str,
    data: dict,
    *,
    note: str = "",
    from_agency: Agency | None = None,
    step_due_at: datetime | None = None,
) -> None:
    DossierEvent.objects.create(
        dossier=dossier,
        action=action,
        actor=actor,
        actor_label=actor.get_full_name() or actor.get_username(),
        at=now,
        from_status=from_status,
        to_status=to_status,
        from_agency=from_agency,
        to_agency_id=dossier.current_agency_id,
        step=dossier.current_step,
        step_due_at=step_due_at,
        note=note,
        data=data,
    )
    audit_record(
        actor=actor,
        action=f"dossier_{action}",
        object_type="dossier",
        object_id=dossier.code,
        data={"from": from_status, "to": to_status, "version": dossier.version, **data},
    )
    effects_record(dossier, action, now, note, data)  # with the report facts (decision 0015)


@contextmanager
def _changing() -> Iterator[None]:
    """The transaction of a dossier change: its audit events and its effects (report facts,
    messages, syncs) are written together at its end."""
    with transaction.atomic(), audit_batch(), effects_batch():
        yield


def dossiers_move_to_successor(*, actor, source: Agency) -> int:
    """Move the open dossiers of a merged agency to the agency it merged into; returns how many.

    Codes and history stay; each dossier gets a `transfer` line in its timeline. A dossier that
    was inside the old agency's internal process restarts at the successor without a step.
    """
    target = source.merged_into
    if target is None:
        raise RuleBroken(
            _("%(agency)s chưa được sáp nhập.") % {"agency": source.name}, code="not_merged"
        )
    open_dossiers = (
        Dossier.objects.select_for_update()
        .filter(Q(agency=source) | Q(current_agency=source))
        .exclude(status__in=FINAL_STATUSES)
    )
    now, moved = timezone.now(), 0
    with _changing():
        for dossier in open_dossiers:
            from_agency = dossier.current_agency
            if dossier.agency_id == source.pk:
                dossier.agency = target
            if dossier.current_agency_id == source.pk:
                dossier.current_agency, dossier.current_step = target, None
            dossier.version += 1
            dossier.save()
            note = f"Sắp xếp đơn vị hành chính: {source.name} sáp nhập vào {target.name}"
            moves = {"from": source.code, "to": target.code}
            _record(dossier, actor, now, "transfer", dossier.status, dossier.status, moves,
                    note=note, from_agency=from_agency)  # fmt: skip
            moved += 1
    return moved


def dossier_act(*, actor, code: str, action: str, version, note: str = "", **params) -> Dossier:
    """Perform `action` on the dossier `code` unless `guards.refusal` refuses it (the actor's
    role, the state, the version, the action's own rules).

    `actor` is a user or their `Actor` already built."""
    transition = TRANSITIONS.get(action)
    if transition is None:
        raise NotFound(
            _("Không có thao tác '%(action)s'.") % {"action": action}, code="unknown_action"
        )
    actor = Actor.of(actor)  # for seeing the dossier, for acting
    with _changing():
        dossier = dossier_for(actor, code, Dossier.objects.select_for_update())
        refused = refusal(actor, dossier, action, {**params, "version": version, "note": note})
        if refused is not None:
            raise refused.error()
        _apply(dossier, transition, actor.user, timezone.now(), {**params, "note": note})
    return dossier


@dataclass
class Outcome:
    """What an action handler decided beyond the transition table."""

    data: dict = field(default_factory=dict)
    target: str | None = None
    step_due_at: datetime | None = None


def _apply(dossier: Dossier, transition: Transition, actor, now: datetime, params: dict) -> None:
    from_status, from_agency = dossier.status, dossier.current_agency
    note = str(params.get("note") or "").strip()
    calendar = agency_calendar(dossier.agency)
    outcome = ACTION_HANDLERS.get(transition.action, _no_extra)(
        dossier, actor, now, params, note, calendar
    )
    target = outcome.target or transition.target or dossier.status
    if transition.clock == Clock.STOP:
        dossier.status_before_hold = dossier.status
    elif transition.clock == Clock.RESUME and not outcome.target:
        target, dossier.status_before_hold = dossier.status_before_hold, ""
    dossier.status = target
    dossier.version += 1
    dossier.save()
    _record(
        dossier,
        actor,
        now,
        transition.action,
        from_status,
        target,
        outcome.data,
        note=note,
        from_agency=from_agency,
        step_due_at=outcome.step_due_at,
    )


def _no_extra(dossier, actor, now, params, note, calendar) -> Outcome:
    return Outcome()


def _receive(dossier, actor, now, params, note, calendar) -> Outcome:
    dossier.received_at = now
    start_clock(dossier, now, calendar)
    # Only the first step's unit is needed here: its key, not the step and its agency built.
    first_unit = next(iter(step_column(dossier, "unit_id")), None)
    dossier.current_step = None if first_unit is None else 0
    dossier.current_agency_id = dossier.agency_id if first_unit is None else first_unit
    return Outcome({"due_at": dossier.due_at.isoformat()})


def _request_supplement(dossier, actor, now, params, note, calendar) -> Outcome:
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


def _submit_supplement(dossier, actor, now, params, note, calendar) -> Outcome:
    documents = _valid_documents(params.get("documents") or [])
    _add_documents(dossier, documents, now, DossierDocument.Source.APPLICANT)
    restart = dossier.procedure.supplement_clock == "restart"
    resume_clock(dossier, now, calendar, restart=restart)
    return Outcome({"clock": "restart" if restart else "resume"})


def _forward(dossier, actor, now, params, note, calendar) -> Outcome:
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


def _approve(dossier, actor, now, params, note, calendar) -> Outcome:
    _result(dossier, actor, now, params, note, DossierResult.Kind.APPROVAL)
    return Outcome()


def _reject(dossier, actor, now, params, note, calendar) -> Outcome:
    _result(dossier, actor, now, params, note, DossierResult.Kind.REFUSAL)
    return Outcome()


def _request_payment(dossier, actor, now, params, note, calendar) -> Outcome:
    """The officer's quantities of per-extra-copy and chosen lines (`fees`) are recorded, then
    the amount owed is asked for."""
    fees = fees_choose(dossier, params.get("fees") or [])
    if fees.owed <= 0:  # with the quantities chosen
        raise NOTHING_TO_PAY.error()
    if dossier.procedure.payment_pauses_clock:
        stop_clock(dossier, now)
    lines = [{"line": f.line, "quantity": f.quantity, "amount": f.amount} for f in fees.adjustable]
    return Outcome({"amount": fees.owed, "fees": lines} if lines else {"amount": fees.owed})


def _record_payment(dossier, actor, now, params, note, calendar) -> Outcome:
    amount, outstanding = params.get("amount"), outstanding_amount(dossier)
    if not isinstance(amount, int) or isinstance(amount, bool) or not 0 < amount <= outstanding:
        raise RuleBroken(
            _("Số tiền phải là số nguyên đồng, từ 1 đến %(outstanding)s.")
            % {"outstanding": outstanding},
            code="invalid_amount",
            fields={"amount": [str(amount)]},
        )
    method = params.get("method") or Payment.Method.DESK
    if method not in Payment.Method.values:
        raise RuleBroken(_("Hình thức thanh toán không hợp lệ."), fields={"method": [method]})
    receipt = params.get("receipt_number") or f"BL-{dossier.code}-{dossier.payments.count() + 1}"
    Payment.objects.create(
        dossier=dossier,
        amount=amount,
        method=method,
        receipt_number=receipt,
        reference=str(params.get("reference") or ""),
        paid_at=now,
    )
    if amount < outstanding:
        return Outcome({"amount": amount, "receipt_number": receipt}, target=dossier.status)
    resume_clock(dossier, now, calendar, restart=False)
    return Outcome({"amount": amount, "receipt_number": receipt})


def _return_result(dossier, actor, now, params, note, calendar) -> Outcome:
    method = params.get("method") or "desk"
    if method not in {"desk", "post", "online"}:
        raise RuleBroken(_("Hình thức trả kết quả không hợp lệ."), fields={"method": [method]})
    dossier.returned_at = now
    dossier.current_agency = dossier.agency
    return Outcome({"method": method})


def _apologise(dossier, actor, now, params, note, calendar) -> Outcome:
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


def _pause(dossier, actor, now, params, note, calendar) -> Outcome:
    stop_clock(dossier, now)
    return Outcome()


def _resume(dossier, actor, now, params, note, calendar) -> Outcome:
    resume_clock(dossier, now, calendar, restart=False)
    return Outcome()


def _rate(dossier, actor, now, params, note, calendar) -> Outcome:
    rating = checked_rating(params.get("rating"))
    dossier.rating = rating
    return Outcome({"rating": rating})


ACTION_HANDLERS: dict[str, Callable[..., Outcome]] = {
    "receive": _receive,
    "request_supplement": _request_supplement,
    "submit_supplement": _submit_supplement,
    "forward": _forward,
    "approve": _approve,
    "reject": _reject,
    "request_payment": _request_payment,
    "record_payment": _record_payment,
    "return_result": _return_result,
    "apologise": _apologise,
    "pause": _pause,
    "resume": _resume,
    "rate": _rate,
}


PAYMENT_PLATFORM = ("payment-platform", "Nền tảng thanh toán quốc gia")


@transaction.atomic
def dossier_record_online_payment(
    *, code: str, amount: int, reference: str, receipt_number: str
) -> Dossier:
    """Ghi nhận thanh toán trực tuyến: the payment platform confirmed a payment for the dossier.

    The `record_payment` transition with the platform as the actor (a system account), so the
    clock, the timeline, the audit and the national-portal sync are those of a desk payment.
    """
    dossier = Dossier.objects.select_for_update().filter(code=code).first()
    if dossier is None:
        raise NotFound(_("Không tìm thấy hồ sơ."))
    transition = TRANSITIONS["record_payment"]
    if dossier.status not in transition.sources:
        raise Conflict(
            _("Hồ sơ %(status)s, không chờ thanh toán.") % {"status": Status(dossier.status).label},
            code="invalid_state",
        )
    params = {"amount": amount, "method": Payment.Method.ONLINE, "reference": reference,
              "receipt_number": receipt_number}  # fmt: skip
    _apply(dossier, transition, system_user(*PAYMENT_PLATFORM), timezone.now(), params)
    return dossier
