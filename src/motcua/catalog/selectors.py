"""Reads of the catalogue."""

from django.db.models import QuerySet

from motcua.catalog.models import Procedure, ProcessStep
from motcua.core.text import fold


def procedure_search(q: str | None = None) -> QuerySet[Procedure]:
    """Active procedures whose code or name contains every word of `q`, ignoring diacritics."""
    procedures = Procedure.objects.filter(is_active=True).select_related("field")
    for word in fold(q or "").split():
        procedures = procedures.filter(search_text__contains=word)
    return procedures


def procedure_detail_queryset() -> QuerySet[Procedure]:
    return Procedure.objects.select_related("field").prefetch_related(
        "fees", "required_documents", "agencies"
    )


def process_of(procedure: Procedure, agency_id: int) -> QuerySet[ProcessStep]:
    return ProcessStep.objects.filter(procedure=procedure, agency_id=agency_id).select_related(
        "unit"
    )
