"""The public catalogue: search and browse procedures, and one procedure's page."""

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from motcua.agencies.models import Agency
from motcua.catalog.models import Field, Procedure
from motcua.catalog.selectors import procedure_detail_queryset, procedure_search
from motcua.dossiers.fees import procedure_fees

PAGE_SIZE = 20
LEVELS = [(value, label) for value, label in Procedure.Level.choices]


def home(request: HttpRequest) -> HttpResponse:
    """Trang chủ: search the catalogue ignoring diacritics; browse by field, agency and level.

    With `?fragment=1` only the results are rendered (the search box refreshes them as you type).
    """
    filters = {key: request.GET.get(key, "").strip() for key in ("q", "field", "agency", "level")}
    procedures = procedure_search(
        filters["q"],
        field=filters["field"],
        agency=filters["agency"],
        level=filters["level"],
    ).order_by("code")
    page = Paginator(procedures, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    query.pop("fragment", None)
    context = {"page": page, "filters": filters, "query": query.urlencode()}
    if request.GET.get("fragment"):
        return render(request, "portal/_results.html", context)
    context |= {
        "fields": Field.objects.all(),
        "agencies": Agency.objects.filter(merged_into__isnull=True, procedures__isnull=False)
        .distinct()
        .order_by("path"),
        "levels": LEVELS,
    }
    return render(request, "portal/home.html", context)


def procedure_page(request: HttpRequest, code: str) -> HttpResponse:
    """Trang thủ tục: documents, fees, time, legal basis, online level and where to file."""
    procedure = get_object_or_404(procedure_detail_queryset().filter(is_active=True), code=code)
    return render(
        request,
        "portal/procedure.html",
        {
            "procedure": procedure,
            "fees": procedure_fees(procedure),
            "online": procedure.online_level != Procedure.OnlineLevel.INFO,
            "agencies": procedure.agencies.filter(merged_into__isnull=True).order_by("path"),
        },
    )
