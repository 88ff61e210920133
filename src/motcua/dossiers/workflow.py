"""The dossier lifecycle as data: which action moves which status, who may do it, and the clock.

Read this table to know the lifecycle (docs/architecture.md renders it). `target` None means the
dossier goes back to the status it had before it was put on hold (supplement, payment, pause).
The guards of each action (role, state, version, the step's role, the limits applied once, a
note) are beside it in `guards.GUARDS`, and `guards.refusal` says why an action is refused.
"""

from dataclasses import dataclass
from enum import StrEnum

from django.utils.translation import gettext_lazy as _

from motcua.dossiers.models import Status as S


class Clock(StrEnum):
    """What an action does to the processing clock."""

    NONE = "none"
    START = "start"  # receipt: the due date is set
    STOP = "stop"  # waiting for the applicant or a legal pause: time does not run
    RESUME = "resume"  # back from waiting: resume (or restart, per procedure) the clock
    END = "end"  # a result (or written refusal) exists


class Scope(StrEnum):
    """Which agency the actor must hold the role in."""

    RECEIVING = "receiving"  # the agency the dossier was filed with (its one-stop desk)
    CURRENT = "current"  # the agency currently processing it


@dataclass(frozen=True)
class Transition:
    action: str
    sources: frozenset[str]
    target: str | None
    roles: frozenset[str]
    scope: Scope
    clock: Clock
    label: str


def _t(action, sources, target, roles, scope, clock, label) -> Transition:
    return Transition(action, frozenset(sources), target, frozenset(roles), scope, clock, label)


IN_PROCESS = {S.RECEIVED, S.PROCESSING}
HANDLERS = {"specialist", "approver", "clerk", "receiver"}
# Not a staff role: the citizen in whose name the dossier was filed, acting for themselves.
APPLICANT = "applicant"

# fmt: off
TRANSITIONS: dict[str, Transition] = {
    t.action: t
    for t in [
        _t("receive", {S.SUBMITTED}, S.RECEIVED, {"receiver"}, Scope.RECEIVING, Clock.START,
           _("Tiếp nhận hồ sơ")),
        _t("request_supplement", {S.SUBMITTED, *IN_PROCESS}, S.SUPPLEMENT_REQUESTED,
           {"receiver", "specialist", "approver"}, Scope.CURRENT, Clock.STOP,
           _("Yêu cầu bổ sung, hoàn thiện hồ sơ")),
        _t("submit_supplement", {S.SUPPLEMENT_REQUESTED}, None, {"receiver", APPLICANT},
           Scope.RECEIVING, Clock.RESUME, _("Nộp bổ sung hồ sơ")),
        _t("refuse", {S.SUBMITTED}, S.REFUSED, {"receiver"}, Scope.RECEIVING, Clock.NONE,
           _("Từ chối tiếp nhận hồ sơ")),
        _t("forward", IN_PROCESS, S.PROCESSING, HANDLERS, Scope.CURRENT, Clock.NONE,
           _("Chuyển xử lý")),
        _t("approve", {S.PROCESSING}, S.RESULT_READY, {"approver"}, Scope.CURRENT, Clock.END,
           _("Phê duyệt kết quả")),
        _t("reject", {S.PROCESSING}, S.REJECTED, {"approver"}, Scope.CURRENT, Clock.END,
           _("Không giải quyết (nêu rõ lý do)")),
        _t("request_payment", IN_PROCESS, S.AWAITING_PAYMENT, {"receiver", "specialist"},
           Scope.CURRENT, Clock.STOP, _("Yêu cầu thực hiện nghĩa vụ tài chính")),
        _t("record_payment", {S.AWAITING_PAYMENT}, None, {"receiver", "specialist"},
           Scope.CURRENT, Clock.RESUME, _("Ghi nhận thanh toán")),
        _t("return_result", {S.RESULT_READY}, S.RETURNED, {"receiver"}, Scope.RECEIVING,
           Clock.NONE, _("Trả kết quả")),
        _t("apologise", {*IN_PROCESS, S.AWAITING_PAYMENT, S.PAUSED, S.SUPPLEMENT_REQUESTED}, None,
           {"specialist", "approver"}, Scope.CURRENT, Clock.NONE,
           _("Xin lỗi và hẹn lại ngày trả kết quả")),
        _t("pause", IN_PROCESS, S.PAUSED, {"approver"}, Scope.CURRENT,
           Clock.STOP, _("Tạm dừng giải quyết")),
        _t("resume", {S.PAUSED}, None, {"approver"}, Scope.CURRENT, Clock.RESUME,
           _("Tiếp tục giải quyết")),
        _t("withdraw", {S.SUBMITTED, S.SUPPLEMENT_REQUESTED, *IN_PROCESS, S.AWAITING_PAYMENT,
                        S.PAUSED}, S.WITHDRAWN, {"receiver", APPLICANT}, Scope.RECEIVING,
           Clock.NONE,
           _("Dừng giải quyết theo đề nghị của người nộp")),
        _t("rate", {S.RETURNED, S.REJECTED}, None, {"receiver", APPLICANT}, Scope.RECEIVING,
           Clock.NONE,
           _("Đánh giá mức độ hài lòng")),
    ]
}
# fmt: on

FINAL_STATUSES = frozenset({S.REFUSED, S.RETURNED, S.REJECTED, S.WITHDRAWN})
CLOCK_RUNNING = frozenset({S.RECEIVED, S.PROCESSING})


# Timeline entries that are not transitions of the table above.
OTHER_EVENTS = {
    "submit": _("Nộp hồ sơ"),
    "transfer": _("Chuyển cơ quan giải quyết do sắp xếp đơn vị hành chính"),
}


def action_label(action: str) -> str:
    """The Vietnamese name of a timeline entry."""
    transition = TRANSITIONS.get(action)
    return transition.label if transition else OTHER_EVENTS.get(action, action)


def transitions_markdown() -> str:
    """The transition table as Markdown, as shown in docs/architecture.md."""
    lines = [
        "| action | from | to | roles | in agency | clock | meaning |",
        "|---|---|---|---|---|---|---|",
    ]
    for t in TRANSITIONS.values():
        lines.append(
            f"| `{t.action}` | {', '.join(sorted(t.sources))} | {t.target or '(previous)'} | "
            f"{', '.join(sorted(t.roles))} | {t.scope} | {t.clock} | {t.label} |"
        )
    return "\n".join(lines)
