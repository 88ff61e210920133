"""Hồ sơ của tôi: the citizen's dossiers, each with its timeline and what they can do next."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from motcua.core.errors import DomainError
from motcua.core.uploads import validate_scan
from motcua.dossiers.actors import Actor
from motcua.dossiers.clock import LABELS, timeliness
from motcua.dossiers.fees import dossier_fees
from motcua.dossiers.models import Dossier, Status
from motcua.dossiers.permissions import allowed_actions
from motcua.dossiers.ratings import Criterion, Level
from motcua.dossiers.selectors import dossier_detail_queryset, dossier_for, dossiers_visible_to
from motcua.dossiers.services import dossier_act
from motcua.dossiers.workflow import action_label
from motcua.portal.selectors import drafts_of
from motcua.portal.views.citizen import citizen_required, refused


@citizen_required
def my_dossiers(request: HttpRequest) -> HttpResponse:
    dossiers = dossiers_visible_to(request.user).select_related("procedure", "agency")
    page = Paginator(dossiers.order_by("-id"), 20).get_page(request.GET.get("page"))
    drafts = drafts_of(request.user) if page.number == 1 else []
    return render(request, "portal/mine.html", {"page": page, "drafts": drafts})


def detail_context(request: HttpRequest, code: str) -> dict:
    """What the dossier page shows and which of the citizen's actions it offers."""
    actor = Actor.of(request.user)
    dossier = dossier_for(actor, code, dossier_detail_queryset(Dossier.objects.all()))
    allowed = {t.action for t in allowed_actions(actor, dossier)}
    events = list(dossier.events.all())
    requests = [e for e in events if e.action == "request_supplement"]
    return {
        "dossier": dossier,
        "timeliness": (when := timeliness(dossier)),
        "timeliness_label": LABELS.get(when, ""),
        "timeline": [(event, action_label(event.action)) for event in events],
        "supplement": requests[-1] if requests else None,
        "can_supplement": "submit_supplement" in allowed,
        "fees": (fees := dossier_fees(dossier)),
        "owed": fees.owed if dossier.status == Status.AWAITING_PAYMENT else 0,
        "can_rate": "rate" in allowed,
        "can_withdraw": "withdraw" in allowed,
        "criteria": Criterion.choices,
        "levels": Level.choices,
    }  # fmt: skip


@citizen_required
def my_dossier(request: HttpRequest, code: str) -> HttpResponse:
    try:
        context = detail_context(request, code)
    except DomainError as error:
        raise Http404(error.detail) from error
    context["new"] = request.resolver_match.url_name == "portal-receipt"
    return render(request, "portal/dossier.html", context)


def _act(request: HttpRequest, code: str, action: str, **params) -> HttpResponse:
    try:
        version = int(request.POST.get("version", ""))
        dossier_act(actor=request.user, code=code, action=action, version=version,
                    note=request.POST.get("note", ""), **params)  # fmt: skip
    except ValueError:
        messages.error(request, _("Biểu mẫu không hợp lệ, vui lòng tải lại trang."))
    except DomainError as error:
        if error.status == 404:
            raise Http404(error.detail) from error
        context = detail_context(request, code)
        return refused(request, error, "portal/dossier.html", context)
    else:
        messages.success(request, _("Đã ghi nhận: %(action)s.") % {"action": action_label(action)})
    return redirect("portal-my-dossier", code=code)


@citizen_required
@require_POST
def supplement(request: HttpRequest, code: str) -> HttpResponse:
    """Nộp bổ sung: the missing documents, uploaded, and the dossier goes back to the desk."""
    documents = []
    for index, upload in enumerate(request.FILES.getlist("files"), start=1):
        name = upload.name
        try:
            validate_scan(upload)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect("portal-my-dossier", code=code)
        label = request.POST.get("name", "").strip() or _("Giấy tờ bổ sung")
        documents.append({"name": f"{label} ({index}: {name})"[:500], "file": upload})
    if not documents:
        messages.error(request, _("Chọn ít nhất một tệp giấy tờ bổ sung."))
        return redirect("portal-my-dossier", code=code)
    return _act(request, code, "submit_supplement", documents=documents)


@citizen_required
@require_POST
def rate(request: HttpRequest, code: str) -> HttpResponse:
    rating = {key: request.POST.get(key, "") for key in Criterion.values}
    return _act(request, code, "rate", rating=rating)


@citizen_required
@require_POST
def withdraw(request: HttpRequest, code: str) -> HttpResponse:
    return _act(request, code, "withdraw")


@citizen_required
def download(request: HttpRequest, code: str, kind: str, pk: int) -> FileResponse:
    """A file of the dossier (a document filed, or the result), for its applicant only."""
    try:
        dossier = dossier_for(request.user, code)
    except DomainError as error:
        raise Http404(error.detail) from error
    result = kind == "ket-qua"
    item = (dossier.results if result else dossier.documents).filter(pk=pk).exclude(file="").first()
    # A paper result is collected when returned; an electronic one is the applicant's at once.
    if item is None or (result and not (item.electronic or dossier.status == Status.RETURNED)):
        raise Http404
    return FileResponse(
        item.file.open("rb"), as_attachment=True, filename=item.file.name.rsplit("/", 1)[-1]
    )
