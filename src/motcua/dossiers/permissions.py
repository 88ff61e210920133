"""Which lifecycle actions an officer may take on a dossier now (the pages show only those).

Derived from `workflow.TRANSITIONS` (state and role per agency scope), the current step of the
internal process, and the few limits the services enforce once (one supplement, one apology, one
rating, nothing left to pay). The services check again on every write: this only decides what to
offer.
"""

from django.conf import settings

from motcua.catalog.models import ProcessStep
from motcua.dossiers.models import Dossier, Status
from motcua.dossiers.services import process_steps, roles_in
from motcua.dossiers.workflow import TRANSITIONS, Scope, Transition


def _owed(dossier: Dossier) -> int:
    fees = sum(fee.amount for fee in dossier.fees.all())
    return fees - sum(payment.amount for payment in dossier.payments.all())


def _limit_reached(dossier: Dossier, action: str) -> bool:
    if action == "request_supplement":
        in_processing = dossier.status != Status.SUBMITTED
        return in_processing and dossier.supplement_count >= settings.MOTCUA["SUPPLEMENT_LIMIT"]
    if action == "apologise":
        return dossier.extended
    if action == "rate":
        return bool(dossier.rating)
    if action == "request_payment":
        return _owed(dossier) <= 0
    return False


def current_step(dossier: Dossier, steps: list[ProcessStep] | None = None) -> ProcessStep | None:
    """The step of the internal process the dossier is at, if it follows one."""
    if dossier.current_step is None:
        return None
    steps = process_steps(dossier) if steps is None else steps
    return steps[dossier.current_step] if dossier.current_step < len(steps) else None


def allowed_actions(user, dossier: Dossier) -> list[Transition]:
    """The transitions `user` may perform on `dossier` in its present state, in table order."""
    roles = {
        Scope.RECEIVING: roles_in(user, dossier.agency),
        Scope.CURRENT: roles_in(user, dossier.current_agency),
    }
    step = current_step(dossier)
    allowed = []
    for transition in TRANSITIONS.values():
        if dossier.status not in transition.sources:
            continue
        if not roles[transition.scope] & transition.roles:
            continue
        if transition.action == "forward" and step and step.role not in roles[Scope.CURRENT]:
            continue
        if _limit_reached(dossier, transition.action):
            continue
        allowed.append(transition)
    return allowed
