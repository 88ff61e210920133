"""Writes of the citizen portal: drafts of online applications and their submission."""

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils.translation import gettext as _

from motcua.agencies.models import Agency
from motcua.catalog.models import Procedure, RequiredDocument
from motcua.core.errors import Forbidden, RuleBroken
from motcua.dossiers.models import Channel, Dossier
from motcua.dossiers.selectors import citizen_id_number
from motcua.dossiers.services import dossier_submit
from motcua.portal.models import Application, ApplicationFile


def _require_citizen(actor) -> None:
    if citizen_id_number(actor) is None:
        raise Forbidden(_("Chỉ công dân đăng nhập bằng VNeID mới nộp hồ sơ trực tuyến ở đây."))


@transaction.atomic
def application_save(
    *,
    actor,
    procedure: Procedure,
    agency: Agency | None,
    contact: dict,
    form_data: dict,
    uploads: dict[RequiredDocument, tuple[UploadedFile, str]],
) -> Application:
    """Lưu nháp: keep what the citizen entered and uploaded; a new scan replaces the old one.

    `uploads` maps a required document to the checked scan and the name it had on the device.
    """
    _require_citizen(actor)
    draft, _created = Application.objects.select_for_update().get_or_create(
        applicant=actor, procedure=procedure, dossier=None
    )
    draft.agency, draft.contact, draft.form_data = agency, contact, form_data
    draft.save()
    for document, (upload, original_name) in uploads.items():
        ApplicationFile.objects.update_or_create(
            application=draft,
            required_document=document,
            defaults={"file": upload, "original_name": original_name[:255]},
        )
    return draft


def _missing_documents(draft: Application) -> list[str]:
    uploaded = {f.required_document_id for f in draft.files.all()}
    return [
        document.name
        for document in draft.procedure.required_documents.all()
        if not document.from_national_data and document.pk not in uploaded
    ]


@transaction.atomic
def application_submit(*, actor, application: Application) -> Dossier:
    """Nộp hồ sơ trực tuyến: the draft becomes a dossier waiting for the one-stop desk."""
    _require_citizen(actor)
    draft = Application.objects.select_for_update().get(pk=application.pk, applicant=actor)
    if draft.dossier_id:
        raise RuleBroken(_("Hồ sơ này đã được nộp."), code="already_submitted")
    if draft.agency is None:
        raise RuleBroken(_("Chọn cơ quan tiếp nhận hồ sơ."), fields={"agency": ["bắt buộc"]})
    missing = _missing_documents(draft)
    if missing:
        raise RuleBroken(
            _("Còn thiếu giấy tờ: %(documents)s.") % {"documents": "; ".join(missing)},
            code="documents_missing",
            fields={"documents": missing},
        )
    citizen = actor.citizen
    documents = [
        {
            "name": f.required_document.name,
            "kind": f.required_document.kind,
            "count": f.required_document.count,
            "file": f.file,
        }
        for f in draft.files.select_related("required_document")
    ]
    dossier = dossier_submit(
        actor=actor,
        procedure=draft.procedure,
        agency=draft.agency,
        channel=Channel.ONLINE,
        applicant={
            "id_number": citizen.id_number,
            "full_name": citizen.full_name,
            "phone": draft.contact.get("phone", ""),
            "email": draft.contact.get("email", ""),
            "address": draft.contact.get("address", ""),
        },
        form_data=draft.form_data,
        documents=documents,
    )
    draft.dossier = dossier
    draft.save(update_fields=["dossier", "updated_at"])
    return dossier
