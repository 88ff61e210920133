"""Which lifecycle actions a user may take on a dossier now (the pages show only those).

An action is offered when `guards.refusal` does not refuse it on what the dossier and the actor
are (state, role per agency scope, the step of the internal process, the limits applied once);
what the actor will send (note, version) is checked when they act.
"""

from motcua.dossiers.actors import Actor
from motcua.dossiers.guards import refusal
from motcua.dossiers.models import Dossier
from motcua.dossiers.workflow import TRANSITIONS, Transition


def allowed_actions(actor, dossier: Dossier) -> list[Transition]:
    """The transitions `actor` (a user or their `Actor`) may perform on `dossier` in its present
    state, in table order. A citizen has the applicant's actions on their own dossier."""
    actor = Actor.of(actor)
    return [t for t in TRANSITIONS.values() if refusal(actor, dossier, t.action) is None]
