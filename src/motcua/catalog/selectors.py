"""Reads of the catalogue."""

from django.db.models import Exists, OuterRef, QuerySet

from motcua.catalog.models import Procedure, ProcessStep
from motcua.core.text import fold


def procedure_search(
    q: str | None = None,
    *,
    field: str | None = None,
    agency: str | None = None,
    level: str | None = None,
) -> QuerySet[Procedure]:
    """Active procedures whose code or name contains every word of `q`, ignoring diacritics.

    `field` is a field code, `agency` an agency code, `level` the level of the agencies that
    perform the procedure (province — its departments included —, district, commune).
    """
    procedures = Procedure.objects.filter(is_active=True).select_related("field")
    for word in fold(q or "").split():
        procedures = procedures.filter(search_text__contains=word)
    if field:
        procedures = procedures.filter(field__code=field)
    if agency:
        procedures = procedures.filter(agencies__code=agency)
    if level:
        levels = ["province", "department"] if level == "province" else [level]
        procedures = procedures.filter(agencies__level__in=levels).distinct()
    return procedures


def procedure_detail_queryset() -> QuerySet[Procedure]:
    return Procedure.objects.select_related("field").prefetch_related(
        "fees", "required_documents", "agencies"
    )


def process_of(procedure: Procedure, agency_id: int) -> QuerySet[ProcessStep]:
    return ProcessStep.objects.filter(procedure=procedure, agency_id=agency_id).select_related(
        "unit"
    )


def procedures_of(agency_ids: list[int]) -> QuerySet[Procedure]:
    """The procedures that any of these agencies performs (each once)."""
    offered = Procedure.agencies.through.objects.filter(
        procedure=OuterRef("pk"), agency_id__in=agency_ids
    )
    return Procedure.objects.filter(Exists(offered))
