"""Every guard of a lifecycle action, beside `workflow.TRANSITIONS`, and `refusal`: why an action
is refused now, if it is.

`GUARDS[action]` lists them in the order they are checked: the actor's role at the agency of the
transition's scope, the state, the version read, then the action's own rules (the step's role,
once only, the supplement limit, something owed, a note). `refusal` is the one answer to "may
this actor take this action on this dossier": `services.dossier_act` raises it before applying,
`permissions.allowed_actions` offers the actions it does not refuse, and the pages call it to
say why an action is not available.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from motcua.agencies.models import Agency
from motcua.core.errors import Conflict, DomainError, Forbidden, RuleBroken
from motcua.dossiers.actors import Actor
from motcua.dossiers.fees import dossier_fees
from motcua.dossiers.models import Dossier, Status
from motcua.dossiers.steps import step_rows
from motcua.dossiers.workflow import APPLICANT, TRANSITIONS, Scope, Transition


@dataclass(frozen=True)
class Refusal:
    """Why an action is refused: the error class (its HTTP status: Forbidden 403, Conflict 409,
    RuleBroken 422), its code, and the Vietnamese message, built only when read (deciding what
    to offer needs only whether there is a refusal)."""

    kind: type[DomainError]
    message: Callable[[], str]
    code: str
    fields: dict | None = None

    @property
    def status(self) -> int:
        return self.kind.status

    @property
    def detail(self) -> str:
        return self.message()

    def error(self) -> DomainError:
        """The refusal as the exception the services raise."""
        return self.kind(self.message(), code=self.code, fields=self.fields)


Check = Callable[[Actor, Dossier, Transition, dict], Refusal | None]


@dataclass(frozen=True)
class Guard:
    """One condition of an action; `needs_input` when it reads what the actor sends (a note,
    the version), so that it is not checked when deciding what to offer."""

    check: Check
    needs_input: bool = False


def forbidden(what: str, agency: Agency) -> Refusal:
    """The refusal of an actor without the role for `what` at `agency`."""
    return Refusal(
        Forbidden,
        lambda: (
            _("Bạn không có quyền %(what)s tại %(agency)s.")
            % {"what": str(what).lower(), "agency": agency.name}
        ),
        Forbidden.code,
    )


NOTHING_TO_PAY = Refusal(
    RuleBroken, lambda: _("Hồ sơ không còn khoản phí, lệ phí nào phải nộp."), "nothing_to_pay"
)


def scope_agency(dossier: Dossier, transition: Transition) -> Agency:
    """The agency where the actor must hold the transition's role."""
    return dossier.agency if transition.scope == Scope.RECEIVING else dossier.current_agency


def _role(actor: Actor, dossier: Dossier, transition: Transition, params: dict):
    roles = actor.roles_at(scope_agency(dossier, transition))
    if actor.is_applicant(dossier):
        roles.add(APPLICANT)
    if not roles & transition.roles:
        return forbidden(transition.label, scope_agency(dossier, transition))
    return None


def _state(actor: Actor, dossier: Dossier, transition: Transition, params: dict):
    if dossier.status not in transition.sources:
        return Refusal(
            Conflict,
            lambda: (
                _("Không thể thực hiện '%(action)s' khi hồ sơ %(status)s.")
                % {"action": transition.label, "status": Status(dossier.status).label}
            ),
            "invalid_state",
        )
    return None


def _version(actor: Actor, dossier: Dossier, transition: Transition, params: dict):
    if params.get("version") != dossier.version:
        return Refusal(
            Conflict,
            lambda: _("Hồ sơ đã được người khác cập nhật: tải lại rồi thực hiện lại."),
            "stale_version",
            {"version": [f"hiện tại là {dossier.version}"]},
        )
    return None


def _steps(dossier: Dossier) -> list[tuple[str, str]]:
    """The (role, name) of each step of the dossier's process, read once per dossier read (the
    dossier resource asks for forward, approve and reject)."""
    key = (dossier.procedure_id, dossier.agency_id)
    read = getattr(dossier, "_step_roles", None)
    if read is None or read[0] != key:
        read = dossier._step_roles = (key, step_rows(dossier, "role", "name"))
    return read[1]


def _step_role(actor: Actor, dossier: Dossier, transition: Transition, params: dict):
    """At a step of the internal process, only the step's role acts, in the step's unit."""
    at = dossier.current_step
    if at is None:
        return None
    steps = _steps(dossier)
    if at >= len(steps):
        return None
    role, name = steps[at]
    if role not in actor.roles_at(dossier.current_agency):
        return forbidden(_("thực hiện bước %(step)s") % {"step": name}, dossier.current_agency)
    return None


def _supplement_limit(actor: Actor, dossier: Dossier, transition: Transition, params: dict):
    in_processing = dossier.status != Status.SUBMITTED
    if in_processing and dossier.supplement_count >= settings.MOTCUA["SUPPLEMENT_LIMIT"]:
        return Refusal(
            RuleBroken,
            lambda: _(
                "Hồ sơ chỉ được yêu cầu bổ sung một lần trong quá trình giải quyết "
                "(Nghị định 118/2025, Điều 11)."
            ),
            "supplement_limit",
        )
    return None


def _extended_once(actor: Actor, dossier: Dossier, transition: Transition, params: dict):
    if dossier.extended:
        return Refusal(
            RuleBroken, lambda: _("Hẹn lại ngày trả kết quả chỉ được một lần."), "already_extended"
        )
    return None


def _rated_once(actor: Actor, dossier: Dossier, transition: Transition, params: dict):
    if dossier.rating:
        return Refusal(Conflict, lambda: _("Hồ sơ đã được đánh giá."), "already_rated")
    return None


def _owed(actor: Actor, dossier: Dossier, transition: Transition, params: dict):
    """Something is owed, or a line the officer sets may charge (`fees.Fees`)."""
    return None if dossier_fees(dossier).may_request_payment else NOTHING_TO_PAY


def _note(what: str) -> Guard:
    """The action needs a note saying `what`."""

    def check(actor: Actor, dossier: Dossier, transition: Transition, params: dict):
        if not str(params.get("note") or "").strip():
            return Refusal(
                RuleBroken,
                lambda: _("Cần ghi rõ %(what)s.") % {"what": what},
                "note_required",
                {"note": [str(what)]},
            )
        return None

    return Guard(check, needs_input=True)


COMMON = (Guard(_role), Guard(_state), Guard(_version, needs_input=True))
STEP_ROLE = Guard(_step_role)

GUARDS: dict[str, tuple[Guard, ...]] = {
    action: COMMON + extra
    for action, extra in {
        "receive": (),
        "request_supplement": (Guard(_supplement_limit),),
        "submit_supplement": (),
        "refuse": (_note(gettext_lazy("lý do từ chối tiếp nhận")),),
        "forward": (STEP_ROLE,),
        "approve": (STEP_ROLE,),
        "reject": (STEP_ROLE, _note(gettext_lazy("lý do không giải quyết"))),
        "request_payment": (Guard(_owed),),
        "record_payment": (),
        "return_result": (),
        "apologise": (_note(gettext_lazy("lý do chậm trễ")), Guard(_extended_once)),
        "pause": (_note(gettext_lazy("căn cứ tạm dừng")),),
        "resume": (),
        "withdraw": (_note(gettext_lazy("nội dung đề nghị dừng của người nộp")),),
        "rate": (Guard(_rated_once),),
    }.items()
}


def refusal(actor, dossier: Dossier, action: str, params: dict | None = None) -> Refusal | None:
    """Why `actor` (a user or their `Actor`) may not take `action` on `dossier` now, or None.

    Without `params` (what the actor sends: `version`, `note`, ...) only the guards that do not
    read them are checked: what may be offered. Raise `refusal(...).error()`, or show its
    `detail`.
    """
    actor, transition = Actor.of(actor), TRANSITIONS[action]
    for guard in GUARDS[action]:
        if guard.needs_input and params is None:
            continue
        refused = guard.check(actor, dossier, transition, params or {})
        if refused is not None:
            return refused
    return None
