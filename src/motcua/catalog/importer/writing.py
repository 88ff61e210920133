"""Writing what was read, all or nothing, through the catalogue's own services."""

from dataclasses import dataclass
from pathlib import Path
from typing import IO

from django.contrib.auth import get_user_model
from django.db import transaction

from motcua.agencies.models import Agency, StaffRole
from motcua.agencies.services import require_admin
from motcua.catalog.importer.columns import PROCEDURES, PROCESSES
from motcua.catalog.importer.reading import (
    _DOCUMENT_FIELDS,
    _FEE_FIELDS,
    CatalogueImportError,
    _Parsed,
    catalogue_read,
)
from motcua.catalog.models import Procedure
from motcua.catalog.services import (
    field_get_or_create,
    procedure_save,
    process_set,
)
from motcua.core.errors import DomainError

SYSTEM_USERNAME = "he-thong"


KEPT_FIELDS = ("steps", "proactive_level", "form_schema")


@dataclass
class ImportSummary:
    """What an import wrote (or, in a dry run, would write)."""

    created: int = 0
    updated: int = 0
    fees: int = 0
    documents: int = 0
    processes: int = 0
    steps: int = 0

    def __str__(self) -> str:
        return (
            f"{self.created + self.updated} thủ tục ({self.created} mới, {self.updated} cập "
            f"nhật), {self.fees} khoản phí, lệ phí, {self.documents} thành phần hồ sơ, "
            f"{self.processes} quy trình nội bộ ({self.steps} bước)"
        )


def _write(actor, parsed: _Parsed, summary: ImportSummary) -> None:
    agencies = {a.code: a for a in Agency.objects.all()}
    existing = {p.code: p for p in Procedure.objects.filter(code__in=parsed.procedures)}
    for row in parsed.procedures.values():
        where = f"{PROCEDURES.name} dòng {row.line}"
        current = existing.get(row.code)
        data = dict(row.data)
        if current is not None:
            data.update({name: getattr(current, name) for name in KEPT_FIELDS})
        fees = row.fees
        if fees is None:  # no PhiLePhi sheet: keep what the catalogue has
            fees = list(current.fees.values(*_FEE_FIELDS)) if current else []
        documents = row.documents
        if documents is None:
            documents = (
                list(current.required_documents.values(*_DOCUMENT_FIELDS)) if current else []
            )
        try:
            procedure_save(
                actor=actor,
                code=row.code,
                field=field_get_or_create(code=row.field_code, name=row.field_name),
                fees=fees,
                required_documents=documents,
                agencies=[agencies[c] for c in row.agencies],
                **data,
            )
        except DomainError as exc:
            raise CatalogueImportError([f"{where}: {exc.detail}"]) from exc
        if current is None:
            summary.created += 1
        else:
            summary.updated += 1
        summary.fees += len(fees)
        summary.documents += len(documents)
    codes = {code for code, _ in parsed.processes}
    procedures = {p.code: p for p in Procedure.objects.filter(code__in=codes)}
    for (code, agency_code), steps in parsed.processes.items():
        try:
            process_set(
                actor=actor,
                procedure=procedures[code],
                agency=agencies[agency_code],
                steps=[
                    {"name": s.name, "role": s.role, "unit": agencies[s.unit], "days": s.days}
                    for s in steps
                ],
            )
        except DomainError as exc:
            where = f"{PROCESSES.name} dòng {steps[0].line}"
            raise CatalogueImportError([f"{where}: {exc.detail}"]) from exc
        summary.processes += 1
        summary.steps += len(steps)


def catalogue_import(
    *, actor, source: str | Path | IO[bytes], dry_run: bool = False
) -> ImportSummary:
    """Import a workbook, all or nothing; raise CatalogueImportError listing every error."""
    require_admin(actor)
    parsed = catalogue_read(source)
    if parsed.errors:
        raise CatalogueImportError(parsed.errors)
    summary = ImportSummary()
    with transaction.atomic():
        _write(actor, parsed, summary)
        if dry_run:
            transaction.set_rollback(True)
    return summary


def catalogue_actor(username: str | None):
    """The user an import acts as: `username` (an administrator), else the system account.

    Without a username the superuser "he-thong" is used, created on first use with an
    unusable password: nobody can log in as it, it only signs the audit trail of imports.
    """
    User = get_user_model()
    if username is None:
        user, created = User.objects.get_or_create(
            username=SYSTEM_USERNAME,
            defaults={"is_superuser": True, "is_staff": True, "first_name": "Hệ thống"},
        )
        if created:
            user.set_unusable_password()
            user.save(update_fields=["password"])
        return user
    user = User.objects.filter(username=username).first()
    if user is None:
        raise CatalogueImportError([f"Không có tài khoản {username}."])
    if not (user.is_superuser or StaffRole.objects.filter(user=user, role="admin").exists()):
        raise CatalogueImportError([f"Tài khoản {username} không phải quản trị hệ thống."])
    return user


# ---- the template --------------------------------------------------------------------------
