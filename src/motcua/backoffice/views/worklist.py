"""The officer's worklist: tabs per role, filters, search, keyset pages, time left per dossier."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from motcua.backoffice import selectors
from motcua.backoffice.access import staff_required
from motcua.backoffice.forms import WorklistFilterForm
from motcua.core.keyset import cursor, keyset_page

PAGE_SIZE = 20


@staff_required
def worklist_page(request: HttpRequest) -> HttpResponse:
    officer = selectors.Officer(request.user)
    form = WorklistFilterForm(request.GET, **selectors.filter_choices(officer))
    filters = form.filters()
    dossiers = selectors.worklist(officer, filters)
    page = keyset_page(
        dossiers,
        size=PAGE_SIZE,
        after=cursor(request.GET.get("sau")),
        before=cursor(request.GET.get("truoc")),
    )
    query = request.GET.copy()
    for key in ("sau", "truoc"):
        query.pop(key, None)
    return render(
        request,
        "office/worklist.html",
        {
            "form": form,
            "filters": filters,
            "tabs": selectors.TABS,
            "caption": selectors.TABS[filters.tab],
            "rows": selectors.with_urgency(officer, page.items),
            "page": page,
            "query": query.urlencode(),
        },
    )
