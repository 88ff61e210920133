"""`dossier_act`: one action of `workflow.TRANSITIONS` on an existing dossier, refused by
`guards.refusal` or applied by its handler; the payment platform's confirmation is one too.
"""

from collections.abc import Callable
from datetime import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from motcua.agencies.selectors import agency_calendar
from motcua.core.errors import Conflict, NotFound
from motcua.core.system import system_user
from motcua.dossiers.actors import Actor
from motcua.dossiers.guards import refusal
from motcua.dossiers.models import (
    Dossier,
    Payment,
    Status,
)
from motcua.dossiers.selectors import dossier_for
from motcua.dossiers.services import closing, payment, processing, receipt
from motcua.dossiers.services.recording import Outcome, changing, record
from motcua.dossiers.workflow import TRANSITIONS, Clock, Transition


def dossier_act(*, actor, code: str, action: str, version, note: str = "", **params) -> Dossier:
    """Perform `action` on the dossier `code` unless `guards.refusal` refuses it (the actor's
    role, the state, the version, the action's own rules).

    `actor` is a user or their `Actor` already built."""
    transition = TRANSITIONS.get(action)
    if transition is None:
        raise NotFound(
            _("Không có thao tác '%(action)s'.") % {"action": action}, code="unknown_action"
        )
    actor = Actor.of(actor)  # for seeing the dossier, for acting
    with changing():
        dossier = dossier_for(actor, code, Dossier.objects.select_for_update())
        refused = refusal(actor, dossier, action, {**params, "version": version, "note": note})
        if refused is not None:
            raise refused.error()
        apply_transition(dossier, transition, actor.user, timezone.now(), {**params, "note": note})
    return dossier


def apply_transition(
    dossier: Dossier, transition: Transition, actor, now: datetime, params: dict
) -> None:
    from_status, from_agency = dossier.status, dossier.current_agency
    note = str(params.get("note") or "").strip()
    calendar = agency_calendar(dossier.agency)
    outcome = ACTION_HANDLERS.get(transition.action, no_extra)(
        dossier, actor, now, params, note, calendar
    )
    target = outcome.target or transition.target or dossier.status
    if transition.clock == Clock.STOP:
        dossier.status_before_hold = dossier.status
    elif transition.clock == Clock.RESUME and not outcome.target:
        target, dossier.status_before_hold = dossier.status_before_hold, ""
    dossier.status = target
    dossier.version += 1
    dossier.save()
    record(
        dossier,
        actor,
        now,
        transition.action,
        from_status,
        target,
        outcome.data,
        note=note,
        from_agency=from_agency,
        step_due_at=outcome.step_due_at,
    )


def no_extra(dossier, actor, now, params, note, calendar) -> Outcome:
    return Outcome()


ACTION_HANDLERS: dict[str, Callable[..., Outcome]] = {
    "receive": receipt.receive,
    "request_supplement": receipt.request_supplement,
    "submit_supplement": receipt.submit_supplement,
    "forward": processing.forward,
    "approve": processing.approve,
    "reject": processing.reject,
    "request_payment": payment.request_payment,
    "record_payment": payment.record_payment,
    "return_result": closing.return_result,
    "apologise": processing.apologise,
    "pause": processing.pause,
    "resume": processing.resume,
    "rate": closing.rate,
}


PAYMENT_PLATFORM = ("payment-platform", "Nền tảng thanh toán quốc gia")


@transaction.atomic
def dossier_record_online_payment(
    *, code: str, amount: int, reference: str, receipt_number: str
) -> Dossier:
    """Ghi nhận thanh toán trực tuyến: the payment platform confirmed a payment for the dossier.

    The `record_payment` transition with the platform as the actor (a system account), so the
    clock, the timeline, the audit and the national-portal sync are those of a desk payment.
    """
    dossier = Dossier.objects.select_for_update().filter(code=code).first()
    if dossier is None:
        raise NotFound(_("Không tìm thấy hồ sơ."))
    transition = TRANSITIONS["record_payment"]
    if dossier.status not in transition.sources:
        raise Conflict(
            _("Hồ sơ %(status)s, không chờ thanh toán.") % {"status": Status(dossier.status).label},
            code="invalid_state",
        )
    params = {"amount": amount, "method": Payment.Method.ONLINE, "reference": reference,
              "receipt_number": receipt_number}  # fmt: skip
    apply_transition(dossier, transition, system_user(*PAYMENT_PLATFORM), timezone.now(), params)
    return dossier
