"""Which lifecycle actions a user may take on a dossier now (the pages show only those).

An action is offered when `guards.refusal` does not refuse it on what the dossier and the actor
are (state, role per agency scope, the step of the internal process, the limits applied once);
what the actor will send (note, version) is checked when they act.
"""

from motcua.core.errors import Forbidden
from motcua.dossiers.actors import Actor
from motcua.dossiers.guards import Refusal, refusal
from motcua.dossiers.models import Dossier
from motcua.dossiers.workflow import TRANSITIONS, Transition


def allowed_actions(actor, dossier: Dossier) -> list[Transition]:
    """The transitions `actor` (a user or their `Actor`) may perform on `dossier` in its present
    state, in table order. A citizen has the applicant's actions on their own dossier."""
    actor = Actor.of(actor)
    return [t for t in TRANSITIONS.values() if refusal(actor, dossier, t.action) is None]


def unavailable(actor, dossier: Dossier) -> list[tuple[Transition, Refusal]]:
    """The actions the actor may take in this state but not now, each with why (one supplement,
    one new date, one rating, nothing owed): what the officer's page shows beside the actions
    offered. An action their role or the step does not give them is not listed."""
    actor = Actor.of(actor)
    listed = []
    for transition in TRANSITIONS.values():
        refused = refusal(actor, dossier, transition.action)
        if refused and refused.kind is not Forbidden and refused.code != "invalid_state":
            listed.append((transition, refused))
    return listed
