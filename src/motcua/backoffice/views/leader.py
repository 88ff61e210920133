"""The leader's page: the approval queue with bulk approve / reject, and the agency's tiles."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from motcua.backoffice import selectors
from motcua.backoffice.access import staff_required
from motcua.backoffice.forms import BulkDecisionForm
from motcua.core.errors import DomainError
from motcua.core.keyset import cursor, keyset_page
from motcua.dossiers.actors import Actor
from motcua.dossiers.services import dossier_act

PAGE_SIZE = 50


def _decide(user, form: BulkDecisionForm, versions: dict[str, int]) -> list[dict]:
    """Each ticked dossier through `dossier_act` on its own (one transaction each)."""
    decision, note = form.cleaned_data["decision"], form.cleaned_data["note"].strip()
    actor = Actor.of(user)  # the roles read once for all the ticked dossiers
    outcomes = []
    for code in form.cleaned_data["codes"]:
        try:
            dossier_act(actor=actor, code=code, action=decision, version=versions.get(code),
                        note=note)  # fmt: skip
        except DomainError as refusal:
            outcomes.append({"code": code, "ok": False, "message": refusal.detail})
        else:
            done = _("Đã phê duyệt") if decision == form.APPROVE else _("Đã ghi không giải quyết")
            outcomes.append({"code": code, "ok": True, "message": done})
    return outcomes


def _versions(post) -> dict[str, int]:
    prefix = "v-"
    return {
        key.removeprefix(prefix): int(value)
        for key, value in post.items()
        if key.startswith(prefix) and value.isdigit()
    }


@staff_required
def leader_page(request: HttpRequest) -> HttpResponse:
    officer = selectors.Officer(request.user)
    queue = selectors.approval_queue(officer)
    page = keyset_page(queue, size=PAGE_SIZE, after=cursor(request.GET.get("sau")))
    codes = [dossier.code for dossier in page.items]
    outcomes, status = None, 200
    if request.method == "POST":
        # Ticked codes are checked against the whole queue: a forged code is refused by the service.
        form = BulkDecisionForm(request.POST, codes=request.POST.getlist("codes"))
        if form.is_valid():
            outcomes = _decide(request.user, form, _versions(request.POST))
            page = keyset_page(queue, size=PAGE_SIZE)
            form = BulkDecisionForm(codes=[d.code for d in page.items])
        else:
            status = 400
    else:
        form = BulkDecisionForm(codes=codes)
    context = {
        "form": form,
        "rows": selectors.with_urgency(officer, page.items),
        "page": page,
        "outcomes": outcomes,
        "tiles": selectors.dashboard_tiles(officer),
        "selected": set(request.POST.getlist("codes")) if status == 400 else set(),
    }
    return render(request, "office/leader.html", context, status=status)
