"""What the apps above `dossiers` do when a dossier changes, registered from their AppConfig.ready.

Apps depend downward (ARCHITECTURE.md): `dossiers` records and sets off the effects of a change
(`effects.py`, `tasks.py`) but never imports the apps that carry them out. Each fills its part:
- `integrations` the snapshot each event records (the national portal's payload, which also
  gives the event, its instant and the due date then) and the delivery of those syncs;
- `reports` the step that brings the dossier's report facts in line, run before anything else;
- `notifications` the applicant's messages.
"""

from collections.abc import Callable
from datetime import datetime

from motcua.dossiers.models import Dossier

Snapshot = Callable[[Dossier, str, datetime], dict]
DossierStep = Callable[[Dossier], None]
ChangeHandler = Callable[[Dossier, dict], None]

_snapshot: list[Snapshot] = []
FIRST_STEPS: list[DossierStep] = []
CHANGE_HANDLERS: list[ChangeHandler] = []


def register_snapshot(snapshot: Snapshot) -> None:
    """Set the function whose result each timeline event records as its `sync` (one only)."""
    _snapshot[:] = [snapshot]


def register_first_step(step: DossierStep) -> None:
    """Run `step(dossier)` once per committed change, before the change handlers."""
    if step not in FIRST_STEPS:
        FIRST_STEPS.append(step)


def register_change_handler(handler: ChangeHandler) -> None:
    """Run `handler(dossier, change)` for each recorded event of a committed change; `change`
    is `{"sync": <snapshot>, "note": str, "data": dict}`."""
    if handler not in CHANGE_HANDLERS:
        CHANGE_HANDLERS.append(handler)


def snapshot(dossier: Dossier, event: str, at: datetime) -> dict:
    """The registered snapshot of `dossier` at one event."""
    if not _snapshot:
        raise LookupError("no app registered the dossier snapshot (motcua.integrations)")
    return _snapshot[0](dossier, event, at)
