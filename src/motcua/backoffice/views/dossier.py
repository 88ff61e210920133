"""The dossier page: everything about one dossier and the actions this officer may take now."""

from django.contrib import messages
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from motcua.agencies.selectors import agency_calendar
from motcua.backoffice.access import staff_required
from motcua.backoffice.action_forms import action_form
from motcua.backoffice.selectors import form_answers, printable_forms
from motcua.core.errors import DomainError, NotFound
from motcua.dossiers.actors import Actor
from motcua.dossiers.clock import LABELS, urgency
from motcua.dossiers.fees import dossier_fees, fees_with
from motcua.dossiers.forms.content import handover_rows
from motcua.dossiers.models import Dossier, Status
from motcua.dossiers.permissions import allowed_actions, unavailable
from motcua.dossiers.selectors import dossier_detail_queryset, dossier_for
from motcua.dossiers.services import dossier_act
from motcua.dossiers.steps import current_step
from motcua.dossiers.workflow import TRANSITIONS, action_label
from motcua.integrations.models import Exchange
from motcua.integrations.reconciliation import RECONCILE_EVENT

PREVIEW = "xem-truoc"  # the button that shows the amount of the quantities entered


def _dossier(actor: Actor, code: str):
    return dossier_for(actor, code, dossier_detail_queryset(Dossier.objects.all()))


def _status_label(status: str) -> str:
    return Status(status).label if status in Status.values else status


def render_dossier(request: HttpRequest, code: str, failed=None, status: int = 200):
    """The page; `failed` = (action, bound form, error message) keeps the officer's input."""
    actor = Actor.of(request.user)
    dossier = _dossier(actor, code)
    failed_action, failed_form, error = failed or (None, None, None)
    actions = [
        (t, failed_form if t.action == failed_action else action_form(t.action, dossier))
        for t in allowed_actions(actor, dossier)
    ]
    left = urgency(dossier, agency_calendar(dossier.agency))
    timeline = [
        (event, action_label(event.action), _status_label(event.to_status))
        for event in dossier.events.all()
    ]
    exchanges = dossier.exchanges.all()
    context = {
        "dossier": dossier,
        "portal_syncs": [
            (x, _("Đối soát, gửi lại") if x.event == RECONCILE_EVENT else action_label(x.event))
            for x in exchanges
            if x.system == Exchange.System.NATIONAL_PORTAL
        ],
        "other_exchanges": [x for x in exchanges if x.system != Exchange.System.NATIONAL_PORTAL],
        "urgency": left,
        "urgency_label": LABELS.get(left or "", ""),
        "actions": actions,
        "unavailable": unavailable(actor, dossier),
        "step": current_step(dossier),
        "timeline": timeline,
        "handovers": handover_rows(dossier),
        "forms": printable_forms(dossier),
        "error": error,
        "failed_label": TRANSITIONS[failed_action].label if failed_action else "",
        "answers": form_answers(dossier.procedure.form_schema, dossier.form_data),
        "fees": dossier_fees(dossier),
    }
    return render(request, "office/dossier.html", context, status=status)


@staff_required
def dossier_page(request: HttpRequest, code: str) -> HttpResponse:
    return render_dossier(request, code)


@require_POST
@staff_required
def dossier_action(request: HttpRequest, code: str, action: str) -> HttpResponse:
    """Perform one action through `dossier_act`; a refusal re-renders the page with the input."""
    if action not in TRANSITIONS:
        raise NotFound(_("Không có thao tác này."))
    actor = Actor.of(request.user)
    dossier = _dossier(actor, code)
    form = action_form(action, dossier, request.POST, request.FILES)
    if not form.is_valid():
        message = _("Thông tin nhập chưa hợp lệ: xem các ô được đánh dấu.")
        return render_dossier(request, code, (action, form, message), status=400)
    if PREVIEW in request.POST and hasattr(form, "fees_due"):  # the amount, nothing asked yet
        try:
            form.fees_due = fees_with(form.fees_due, form.choices())
        except DomainError as refusal:
            return render_dossier(request, code, (action, form, refusal.detail), refusal.status)
        return render_dossier(request, code, (action, form, None))
    try:
        dossier_act(actor=actor, code=code, action=action, **form.params())
    except DomainError as refusal:
        return render_dossier(request, code, (action, form, refusal.detail), refusal.status)
    messages.success(request, _("Đã thực hiện: %(label)s.") % {"label": TRANSITIONS[action].label})
    return redirect("office:dossier", code=code)


@staff_required
def document_file(request: HttpRequest, code: str, pk: int) -> HttpResponse:
    """A scanned document, only to officers who may see the dossier."""
    dossier = _dossier(Actor.of(request.user), code)
    document = next((d for d in dossier.documents.all() if d.pk == pk and d.file), None)
    if document is None:
        raise NotFound(_("Không tìm thấy tệp."))
    return FileResponse(document.file.open("rb"), filename=document.file.name.rsplit("/", 1)[-1])
