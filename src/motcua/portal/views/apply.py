"""Nộp hồ sơ trực tuyến: fill in, upload, save a draft, review, submit, receipt."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from motcua.agencies.models import Agency
from motcua.catalog.models import Procedure
from motcua.catalog.schema_forms import answer_value, form_data, schema_form_class
from motcua.catalog.selectors import procedure_detail_queryset
from motcua.core.errors import DomainError
from motcua.integrations.services import own_identity_lookup
from motcua.portal.forms import ApplicationForm
from motcua.portal.models import Application
from motcua.portal.services import application_save, application_submit
from motcua.portal.views.citizen import citizen_required, refused

PREFILL = "x-prefill"  # a schema property filled from the citizen's identity (full_name, ...)
IDENTITY = ("id_number", "full_name", "birth_date", "gender", "address", "phone", "email")
FROM_POPULATION = {
    "full_name": "full_name",
    "birth_date": "date_of_birth",
    "gender": "sex",
    "address": "permanent_address",
}


def _procedure(code: str) -> Procedure:
    online = procedure_detail_queryset().filter(is_active=True)
    return get_object_or_404(online.exclude(online_level=Procedure.OnlineLevel.INFO), code=code)


def _draft(request: HttpRequest, procedure: Procedure) -> Application | None:
    return (
        Application.objects.filter(applicant=request.user, procedure=procedure, dossier=None)
        .select_related("agency")
        .prefetch_related("files")
        .first()
    )


def _identity(request: HttpRequest) -> tuple[dict, bool]:
    """The citizen's identity to prefill a new application, and whether CSDL dân cư gave it.

    The e-ID's claims, overlaid by the population database's record when it answers.
    """
    citizen = request.user.citizen
    identity = {name: getattr(citizen, name) for name in IDENTITY}
    record = own_identity_lookup(actor=request.user) if request.method == "GET" else None
    if record:
        identity.update({name: record[field] for name, field in FROM_POPULATION.items()})
    return identity, bool(record)


def _identity_prefill(schema: dict, identity: dict) -> dict:
    return {
        name: identity[spec[PREFILL]]
        for name, spec in (schema.get("properties") or {}).items()
        if spec.get(PREFILL) in identity
    }


def _forms(request: HttpRequest, procedure: Procedure, draft: Application | None):
    documents = [d for d in procedure.required_documents.all() if not d.from_national_data]
    agencies = procedure.agencies.filter(merged_into__isnull=True).order_by("path")
    identity, from_population = ({}, False) if draft else _identity(request)
    contact = draft.contact if draft else {
        "phone": identity["phone"], "email": identity["email"], "address": identity["address"],
    }  # fmt: skip
    initial = {**contact, "agency": draft.agency.code if draft and draft.agency else ""}
    data = (request.POST, request.FILES) if request.method == "POST" else ()
    form = ApplicationForm(
        *data, procedure=procedure, agencies=agencies, documents=documents, initial=initial
    )
    tk_initial = draft.form_data if draft else _identity_prefill(procedure.form_schema, identity)
    tk = schema_form_class(procedure.form_schema)(*data[:1], prefix="tk", initial=tk_initial)
    return form, tk, documents, from_population


@citizen_required
@require_http_methods(["GET", "POST"])
def apply(request: HttpRequest, code: str) -> HttpResponse:
    """The application page; "Lưu nháp" keeps everything valid, "Tiếp tục" goes to the review."""
    procedure = _procedure(code)
    draft = _draft(request, procedure)
    original_names = {key: upload.name for key, upload in request.FILES.items()}
    form, tk, documents, from_population = _forms(request, procedure, draft)
    context = {"procedure": procedure, "form": form, "tk": tk, "draft": draft,
               "from_population": from_population}  # fmt: skip
    if request.method == "GET":
        return render(request, "portal/apply.html", context)
    complete = form.is_valid() & tk.is_valid()
    cleaned = form.cleaned_data
    agency = Agency.objects.filter(code=cleaned.get("agency")).first()
    uploads = {
        document: (upload, original_names.get(f"doc_{document.pk}", upload.name))
        for document, upload in form.uploads(documents).items()
    }
    draft = application_save(
        actor=request.user,
        procedure=procedure,
        agency=agency,
        contact={key: cleaned.get(key, "") for key in ("phone", "email", "address")},
        form_data=form_data(procedure.form_schema, tk.cleaned_data),
        uploads=uploads,
    )
    reviewing = request.POST.get("intent") == "review"
    if reviewing and complete:
        return redirect("portal-apply-review", code=procedure.code)
    if not reviewing and not any(name.startswith("doc_") for name in form.errors):
        messages.success(request, _("Đã lưu hồ sơ nháp."))
        return redirect("portal-apply", code=procedure.code)
    context["draft"] = draft
    return render(request, "portal/apply.html", context, status=422)


@citizen_required
@require_http_methods(["GET", "POST"])
def review(request: HttpRequest, code: str) -> HttpResponse:
    """Xem lại và nộp: everything as it will be filed; submitting makes it a dossier."""
    procedure = _procedure(code)
    draft = _draft(request, procedure)
    if draft is None:
        return redirect("portal-apply", code=procedure.code)
    tk = schema_form_class(procedure.form_schema)(prefix="tk")
    properties = procedure.form_schema.get("properties") or {}
    answers = [
        (field.label, answer_value(properties.get(name, {}), draft.form_data.get(name, "")))
        for name, field in tk.fields.items()
    ]
    context = {"procedure": procedure, "draft": draft, "answers": answers}
    if request.method == "POST":
        try:
            dossier = application_submit(actor=request.user, application=draft)
        except DomainError as error:
            return refused(request, error, "portal/review.html", context)
        return redirect("portal-receipt", code=dossier.code)
    return render(request, "portal/review.html", context)
