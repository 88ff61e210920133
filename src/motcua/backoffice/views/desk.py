"""Tiếp nhận hồ sơ tại quầy: pick a procedure, enter applicant, form, documents and scans."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from motcua.agencies.models import Agency, StaffRole
from motcua.agencies.selectors import role_scopes
from motcua.backoffice.access import staff_required
from motcua.backoffice.forms import ApplicantForm, DocumentsForm
from motcua.catalog.models import Procedure
from motcua.catalog.schema_forms import form_data, schema_form_class
from motcua.core.errors import DomainError, NotFound
from motcua.core.text import fold
from motcua.dossiers.services import dossier_submit
from motcua.integrations.services import citizen_lookup

SCHEMA_PREFIX = "tk"
LOOKUP_PURPOSE = "Tiếp nhận hồ sơ tại bộ phận một cửa"


def _desk_agencies(user):
    return Agency.objects.filter(id__in=role_scopes(user).get(StaffRole.Role.RECEIVER, set()))


def _procedures(user, search: str = ""):
    procedures = Procedure.objects.filter(is_active=True, agencies__in=_desk_agencies(user))
    if search:
        procedures = procedures.filter(search_text__contains=fold(search))
    return procedures.distinct().order_by("code").only("code", "name")


def _forms(request: HttpRequest, procedure: Procedure, data=None, files=None, initial=None):
    initial = initial or {}
    agencies = _desk_agencies(request.user).filter(procedures=procedure).order_by("code")
    schema_initial = {
        key.removeprefix(f"{SCHEMA_PREFIX}-"): value
        for key, value in initial.items()
        if key.startswith(f"{SCHEMA_PREFIX}-")
    }
    return (
        ApplicantForm(data, agencies=agencies, initial=initial),
        schema_form_class(procedure.form_schema)(
            data, prefix=SCHEMA_PREFIX, initial=schema_initial
        ),
        DocumentsForm(
            data,
            files,
            required_documents=list(procedure.required_documents.all()),
            initial=initial,
        ),
    )


def _page(request, procedure, forms, error: str = "", status: int = 200) -> HttpResponse:
    applicant, schema, documents = forms
    context = {"procedure": procedure, "applicant": applicant, "schema": schema,
               "documents": documents, "error": error}  # fmt: skip
    return render(request, "office/desk_form.html", context, status=status)


def _lookup(request: HttpRequest, procedure: Procedure) -> HttpResponse:
    """Tra cứu CSDL dân cư and prefill the applicant; the rest of the input is kept."""
    values = {key: request.POST.get(key) for key in request.POST if key != "csrfmiddlewaretoken"}
    try:
        identity = citizen_lookup(
            actor=request.user,
            id_number=request.POST.get("id_number", "").strip(),
            purpose=LOOKUP_PURPOSE,
        )
    except DomainError as refusal:
        forms = _forms(request, procedure, initial=values)
        return _page(request, procedure, forms, refusal.detail, refusal.status)
    values["full_name"] = identity["full_name"]
    values["address"] = identity.get("permanent_address") or values.get("address", "")
    messages.info(request, _("Đã điền thông tin từ CSDL quốc gia về dân cư."))
    return _page(request, procedure, _forms(request, procedure, initial=values))


def _submit(request: HttpRequest, procedure: Procedure) -> HttpResponse:
    forms = _forms(request, procedure, request.POST, request.FILES)
    applicant, schema, documents = forms
    if not all(form.is_valid() for form in forms):
        message = _("Thông tin nhập chưa hợp lệ: xem các ô được đánh dấu.")
        return _page(request, procedure, forms, message, status=400)
    try:
        dossier = dossier_submit(
            actor=request.user,
            procedure=procedure,
            agency=applicant.cleaned_data["agency"],
            channel=applicant.cleaned_data["channel"],
            applicant=applicant.applicant(),
            form_data=form_data(procedure.form_schema, schema.cleaned_data),
            documents=documents.documents(),
        )
    except DomainError as refusal:
        for name, problems in refusal.fields.items():
            target = schema if name in schema.fields else applicant
            if name in target.fields:
                target.add_error(name, [str(p) for p in problems])
        return _page(request, procedure, forms, refusal.detail, refusal.status)
    messages.success(
        request, _("Đã tiếp nhận hồ sơ %(code)s. In Giấy tiếp nhận (Mẫu 01).") % {"code": dossier}
    )
    return redirect("office:dossier", code=dossier.code)


@staff_required
def receive_page(request: HttpRequest) -> HttpResponse:
    """GET without `thu_tuc`: choose a procedure; with it: the receipt form; POST: submit."""
    code = (request.POST or request.GET).get("thu_tuc", "")
    if not code:
        search = request.GET.get("q", "").strip()[:100]
        procedures = list(_procedures(request.user, search)[:200])
        context = {"procedures": procedures, "search": search}
        return render(request, "office/desk_pick.html", context)
    procedure = _procedures(request.user).filter(code=code).first()
    if procedure is None:
        raise NotFound(_("Không có thủ tục %(code)s tại nơi bạn tiếp nhận.") % {"code": code})
    if request.method != "POST":
        return _page(request, procedure, _forms(request, procedure))
    if "lookup" in request.POST:
        return _lookup(request, procedure)
    return _submit(request, procedure)
