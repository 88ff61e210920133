"""The internal process a dossier follows: its steps in order, read as the checks need them."""

from functools import cache

from django.db.models import QuerySet

from motcua.catalog.models import ProcessStep
from motcua.core.prepared import PreparedQuery
from motcua.dossiers.models import Dossier

ANY_PROCEDURE, ANY_AGENCY = -1, -2  # placeholders of the prepared queries (no row has them)


def steps_in_order(procedure_id: int, agency_id: int) -> QuerySet[ProcessStep]:
    """The internal process of a procedure at an agency, unread: its steps in order."""
    return ProcessStep.objects.filter(procedure=procedure_id, agency=agency_id).order_by("order")


def process_steps(dossier: Dossier) -> list[ProcessStep]:
    """The internal process the dossier follows, each step with its unit."""
    return list(steps_in_order(dossier.procedure_id, dossier.agency_id).select_related("unit"))


def current_step(dossier: Dossier, steps: list[ProcessStep] | None = None) -> ProcessStep | None:
    """The step of the internal process the dossier is at, if it follows one."""
    if dossier.current_step is None:
        return None
    steps = process_steps(dossier) if steps is None else steps
    return steps[dossier.current_step] if dossier.current_step < len(steps) else None


@cache
def _step_columns(*columns: str) -> PreparedQuery:
    steps = steps_in_order(ANY_PROCEDURE, ANY_AGENCY).values_list(*columns)
    return PreparedQuery(steps, ANY_PROCEDURE, ANY_AGENCY)


def step_rows(dossier: Dossier, *columns: str) -> list[tuple]:
    """Some columns of the steps the dossier follows, in order: the query is compiled once per
    set of columns (every receipt reads the units, every dossier resource the roles; bench:
    create)."""
    return list(_step_columns(*columns).rows(dossier.procedure_id, dossier.agency_id))


def step_column(dossier: Dossier, column: str) -> list:
    """One column of the steps the dossier follows, in order."""
    return [value for (value,) in step_rows(dossier, column)]
