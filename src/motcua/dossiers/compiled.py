"""The dossiers' hot queries, compiled once per process and called by name (`core.compiled`).

Each runs on every filing, dossier change or dossier read, where compiling the queryset cost more
than the database took to answer (bench: create, detail; decisions 0012 and 0013). The domain
code calls these functions; the SQL behind them is built from ordinary querysets here.
"""

from functools import cache

from django.db.models import QuerySet

from motcua.catalog.models import FeeItem, Procedure, ProcessStep
from motcua.core.compiled import CompiledQuery
from motcua.dossiers import selectors
from motcua.dossiers.models import Dossier

# Placeholders standing for the values given at each run (no row has them).
_ANY_PROCEDURE, _ANY_AGENCY, _ANY_CODE = -1, -2, "<mã hồ sơ>"

DETAIL_COLUMNS = (*(field.name for field in Dossier._meta.concrete_fields),
                  "agency__code", "agency__path", "current_agency__code",
                  "current_agency__path")  # fmt: skip


def detail_rows(dossiers: QuerySet[Dossier]) -> QuerySet[Dossier]:
    """Dossiers with the columns and labels the dossier resource shows."""
    return selectors.with_row_labels(
        dossiers.select_related("agency", "current_agency").only(*DETAIL_COLUMNS)
    )


def steps_in_order(procedure_id: int, agency_id: int) -> QuerySet[ProcessStep]:
    """The internal process of a procedure at an agency, unread: its steps in order."""
    return ProcessStep.objects.filter(procedure=procedure_id, agency=agency_id).order_by("order")


@cache
def _fee_lines() -> CompiledQuery:
    lines = FeeItem.objects.filter(procedure=_ANY_PROCEDURE).order_by("order", "id")
    return CompiledQuery(
        lines.values_list("name", "amount", "condition", "included"), _ANY_PROCEDURE
    )


@cache
def _offers() -> CompiledQuery:
    offers = Procedure.agencies.through.objects.filter(
        procedure=_ANY_PROCEDURE, agency=_ANY_AGENCY
    ).values_list("pk")[:1]
    return CompiledQuery(offers, _ANY_PROCEDURE, _ANY_AGENCY)


@cache
def _step_columns(*columns: str) -> CompiledQuery:
    steps = steps_in_order(_ANY_PROCEDURE, _ANY_AGENCY).values_list(*columns)
    return CompiledQuery(steps, _ANY_PROCEDURE, _ANY_AGENCY)


@cache
def _detail_row() -> CompiledQuery:
    return CompiledQuery(detail_rows(Dossier.objects.filter(code=_ANY_CODE)), _ANY_CODE)


def fee_lines(procedure_id: int) -> list[tuple]:
    """The procedure's fee lines in order: (name, amount, condition, included)."""
    return list(_fee_lines().rows(procedure_id))


def is_offered(procedure_id: int, agency_id: int) -> bool:
    """Does the agency perform the procedure?"""
    return bool(_offers().rows(procedure_id, agency_id))


def step_rows(procedure_id: int, agency_id: int, *columns: str) -> list[tuple]:
    """Some columns of a procedure's internal process at an agency, in step order."""
    return list(_step_columns(*columns).rows(procedure_id, agency_id))


def dossier_row(code: str) -> Dossier | None:
    """The dossier of that code with the resource's columns (`detail_rows`), or None."""
    return _detail_row().first(code)
