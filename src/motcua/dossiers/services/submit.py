"""`dossier_submit`: a new dossier, checked, numbered by its agency's day and, at the desk or by
post, received at once.
"""

import re
from datetime import date
from functools import cache

import jsonschema
from django.db import connection
from django.utils import timezone
from django.utils.translation import gettext as _

from motcua.agencies.models import Agency
from motcua.catalog.models import Procedure
from motcua.core.calendar import LOCAL_TZ
from motcua.core.codes import format_dossier_code
from motcua.core.errors import Forbidden, RuleBroken
from motcua.dossiers import compiled
from motcua.dossiers.actors import Actor
from motcua.dossiers.fees import filed_line
from motcua.dossiers.guards import forbidden
from motcua.dossiers.models import (
    Channel,
    DailySequence,
    Dossier,
    DossierDocument,
    DossierFee,
    Status,
    dossier_search_text,
)
from motcua.dossiers.services.act import apply_transition
from motcua.dossiers.services.recording import add_documents, changing, record, valid_documents
from motcua.dossiers.workflow import TRANSITIONS

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
    documents = valid_documents(documents or [])
    now = timezone.now()
    day = timezone.localtime(now, LOCAL_TZ).date()
    # The agency's number of the day is taken in a short transaction of its own, once the filing
    # has passed every check: filings at one desk no longer wait for each other's whole
    # transaction. A failure after this leaves that number unused (decision 0013).
    number = _next_sequence(agency, day)
    code, name = format_dossier_code(agency.code, day, number), applicant["full_name"].strip()
    with changing():
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
        add_documents(dossier, documents, now, source=DossierDocument.Source.APPLICANT)
        record(dossier, actor.user, now, "submit", "", Status.SUBMITTED, {"channel": channel})
        if channel != Channel.ONLINE:  # filed at the desk or by post: received at once
            apply_transition(dossier, TRANSITIONS["receive"], actor.user, now, {})
        return dossier
