"""The internal process a dossier follows: its steps in order, read as the checks need them."""

from motcua.catalog.models import ProcessStep
from motcua.dossiers import compiled
from motcua.dossiers.compiled import steps_in_order
from motcua.dossiers.models import Dossier


def process_steps(dossier: Dossier) -> list[ProcessStep]:
    """The internal process the dossier follows, each step with its unit."""
    return list(steps_in_order(dossier.procedure_id, dossier.agency_id).select_related("unit"))


def current_step(dossier: Dossier, steps: list[ProcessStep] | None = None) -> ProcessStep | None:
    """The step of the internal process the dossier is at, if it follows one."""
    if dossier.current_step is None:
        return None
    steps = process_steps(dossier) if steps is None else steps
    return steps[dossier.current_step] if dossier.current_step < len(steps) else None


def step_rows(dossier: Dossier, *columns: str) -> list[tuple]:
    """Some columns of the steps the dossier follows, in order: the query is compiled once per
    set of columns (every receipt reads the units, every dossier resource the roles; bench:
    create)."""
    return compiled.step_rows(dossier.procedure_id, dossier.agency_id, *columns)


def step_column(dossier: Dossier, column: str) -> list:
    """One column of the steps the dossier follows, in order."""
    return [value for (value,) in step_rows(dossier, column)]
