"""Which lifecycle actions an officer may take on a dossier now (the pages show only those).

Derived from `workflow.TRANSITIONS` (state and role per agency scope), the current step of the
internal process, and the few limits the services enforce once (one supplement, one apology, one
rating, nothing left to pay). The services check again on every write: this only decides what to
offer.
"""

from django.conf import settings

from motcua.catalog.models import ProcessStep
from motcua.dossiers.fees import dossier_fees
from motcua.dossiers.models import Dossier, Status
from motcua.dossiers.selectors import citizen_id_number, staff_roles
from motcua.dossiers.services import process_steps, roles_in, step_column
from motcua.dossiers.workflow import APPLICANT, TRANSITIONS, Scope, Transition


def _limit_reached(dossier: Dossier, action: str) -> bool:
    if action == "request_supplement":
        in_processing = dossier.status != Status.SUBMITTED
        return in_processing and dossier.supplement_count >= settings.MOTCUA["SUPPLEMENT_LIMIT"]
    if action == "apologise":
        return dossier.extended
    if action == "rate":
        return bool(dossier.rating)
    if action == "request_payment":
        return not dossier_fees(dossier).may_request_payment
    return False


def current_step(dossier: Dossier, steps: list[ProcessStep] | None = None) -> ProcessStep | None:
    """The step of the internal process the dossier is at, if it follows one."""
    if dossier.current_step is None:
        return None
    steps = process_steps(dossier) if steps is None else steps
    return steps[dossier.current_step] if dossier.current_step < len(steps) else None


def allowed_actions(
    user, dossier: Dossier, held: list[tuple[str, str]] | None = None
) -> list[Transition]:
    """The transitions `user` may perform on `dossier` in its present state, in table order.

    A citizen has the applicant's actions on their own dossier. `held` is
    `selectors.staff_roles(user)` when the caller has read it already.
    """
    held = staff_roles(user) if held is None else held
    own = {APPLICANT} if citizen_id_number(user) == dossier.applicant_id_number else set()
    roles = {
        Scope.RECEIVING: roles_in(user, dossier.agency, held) | own,
        Scope.CURRENT: roles_in(user, dossier.current_agency, held) | own,
    }
    allowed = []
    for transition in TRANSITIONS.values():
        if dossier.status not in transition.sources:
            continue
        if not roles[transition.scope] & transition.roles:
            continue
        if transition.action == "forward" and not _may_forward(dossier, roles[Scope.CURRENT]):
            continue
        if _limit_reached(dossier, transition.action):
            continue
        allowed.append(transition)
    return allowed


def _may_forward(dossier: Dossier, roles: set[str]) -> bool:
    """At a step of the internal process, only its role moves the dossier on (only that role
    is read: every dossier resource of the API asks)."""
    if dossier.current_step is None:
        return True
    roles_of_steps = step_column(dossier, "role")
    at = dossier.current_step
    return at >= len(roles_of_steps) or roles_of_steps[at] in roles
