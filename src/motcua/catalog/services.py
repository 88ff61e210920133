"""Writes to the catalogue: procedures with their fees and documents, and internal processes."""

from decimal import Decimal

from django.db import transaction

from motcua.agencies.models import Agency, StaffRole
from motcua.agencies.services import require_admin
from motcua.catalog.models import FeeItem, Field, Procedure, ProcessStep, RequiredDocument
from motcua.core.audit import audit_record
from motcua.core.errors import Conflict, NotFound, RuleBroken
from motcua.core.text import fold

PROCEDURE_FIELDS = {
    "name",
    "levels",
    "online_level",
    "partial_reason",
    "processing_days",
    "online_processing_days",
    "subjects",
    "steps",
    "result_type",
    "result_on_paper",
    "legal_basis",
    "publication_decision",
    "published_on",
    "effective_on",
    "national_db_published_on",
    "proactive_level",
    "supplement_clock",
    "payment_pauses_clock",
    "form_schema",
    "is_active",
}


def field_get_or_create(*, code: str, name: str = "") -> Field:
    """A field by code, created with `name` when new."""
    found, _ = Field.objects.get_or_create(code=code, defaults={"name": name or code})
    return found


def fee_line_error(condition: str, included: int) -> str | None:
    """Why a fee line's condition cannot stand (the API and the import say it), or None."""
    if condition not in FeeItem.Condition.values:
        return f"điều kiện thu «{condition}» không hợp lệ"
    if included and condition != FeeItem.Condition.PER_EXTRA_COPY:
        return "số bản đã gồm chỉ dùng cho khoản thu theo bản vượt"
    return None


@transaction.atomic
def procedure_save(
    *,
    actor,
    code: str,
    field: Field,
    fees: list[dict],
    required_documents: list[dict],
    agencies: list[Agency],
    **data,
) -> Procedure:
    """Create the procedure `code`, or replace all its fields, fees, documents and agencies."""
    require_admin(actor)
    unknown = set(data) - PROCEDURE_FIELDS
    if unknown:
        raise RuleBroken(f"Trường không hợp lệ: {', '.join(sorted(unknown))}.")
    if data.get("online_level") == Procedure.OnlineLevel.PARTIAL and not data.get("partial_reason"):
        raise RuleBroken(
            "Thủ tục trực tuyến một phần phải nêu lý do (Nghị định 224/2026).",
            fields={"partial_reason": ["bắt buộc"]},
        )
    if Decimal(str(data.get("processing_days", 0))) < 0:
        raise RuleBroken("Thời hạn giải quyết không được âm.", fields={"processing_days": ["< 0"]})
    for fee in fees:
        error = fee_line_error(fee.get("condition", "always"), fee.get("included", 0))
        if error:
            raise RuleBroken(f"Khoản «{fee['name']}»: {error}.", fields={"fees": [error]})
    # A replacement: what the caller leaves out goes back to its default, not to the old value.
    # `is_active` is not part of the API's representation: it stays as it is unless given.
    values = {
        name: Procedure._meta.get_field(name).get_default()
        for name in PROCEDURE_FIELDS - {"is_active"}
    }
    values.update(data)
    procedure, created = Procedure.objects.update_or_create(
        code=code,
        defaults={"field": field, "search_text": fold(f"{code} {data['name']}"), **values},
    )
    procedure.fees.all().delete()
    FeeItem.objects.bulk_create(
        FeeItem(procedure=procedure, order=i, **fee) for i, fee in enumerate(fees)
    )
    procedure.required_documents.all().delete()
    RequiredDocument.objects.bulk_create(
        RequiredDocument(procedure=procedure, order=i, **doc)
        for i, doc in enumerate(required_documents)
    )
    procedure.agencies.set(agencies)
    audit_record(
        actor=actor,
        action="procedure_create" if created else "procedure_update",
        object_type="procedure",
        object_id=code,
    )
    return procedure


@transaction.atomic
def procedure_create(
    *, actor, code: str, field_code: str, field_name: str = "", **data
) -> Procedure:
    """Create a new procedure (and its field when new); its code must not be in use yet."""
    require_admin(actor)
    if Procedure.objects.filter(code=code).exists():
        raise Conflict(f"Thủ tục {code} đã có trong danh mục.", code="duplicate_code")
    field = field_get_or_create(code=field_code, name=field_name)
    return procedure_save(actor=actor, code=code, field=field, **data)


@transaction.atomic
def procedure_replace(
    *, actor, code: str, field_code: str, field_name: str = "", **data
) -> Procedure:
    """Replace every field, fee, document and agency of the existing procedure `code`."""
    require_admin(actor)
    if not Procedure.objects.filter(code=code).exists():
        raise NotFound(f"Không có thủ tục {code}.")
    field = field_get_or_create(code=field_code, name=field_name)
    return procedure_save(actor=actor, code=code, field=field, **data)


@transaction.atomic
def process_set(
    *, actor, procedure: Procedure, agency: Agency, steps: list[dict]
) -> list[ProcessStep]:
    """Replace the internal process of `procedure` at `agency` by `steps` (in order)."""
    require_admin(actor, agency)
    if not procedure.agencies.filter(pk=agency.pk).exists():
        raise RuleBroken(
            f"Cơ quan {agency.code} không thực hiện thủ tục {procedure.code}.",
            code="agency_not_performing",
            fields={"agency": [agency.code]},
        )
    errors = {}
    for i, step in enumerate(steps):
        if step["role"] not in StaffRole.Role.values:
            errors[str(i)] = [f"vai trò không hợp lệ: {step['role']}"]
        if Decimal(str(step["days"])) < 0:
            errors.setdefault(str(i), []).append("thời gian không được âm")
    if errors:
        raise RuleBroken("Quy trình nội bộ không hợp lệ.", fields=errors)
    total = sum((Decimal(str(s["days"])) for s in steps), Decimal(0))
    if steps and total > procedure.processing_days:
        raise RuleBroken(
            f"Tổng thời gian các bước ({total} ngày) vượt thời hạn giải quyết "
            f"({procedure.processing_days} ngày).",
            code="process_too_long",
        )
    ProcessStep.objects.filter(procedure=procedure, agency=agency).delete()
    created = ProcessStep.objects.bulk_create(
        ProcessStep(procedure=procedure, agency=agency, order=i, **step)
        for i, step in enumerate(steps)
    )
    audit_record(
        actor=actor,
        action="process_set",
        object_type="procedure",
        object_id=procedure.code,
        data={"agency": agency.code, "steps": len(steps)},
    )
    return created
