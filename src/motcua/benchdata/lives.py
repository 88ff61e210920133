"""The life of one synthetic dossier: planned whole, then cut at "now".

`plan_life` lays out the events a dossier would go through (submission, receipt, hand-overs,
supplement, payment, apology, result, return, rating, or withdrawal and refusal) on the agency's
working-time line, with the state each event leaves behind. `Dossier state` is the replay of the
events that already happened, so a recent dossier is naturally still pending, and an old one
overdue if its plan ran late. Shares are rough figures of a provincial desk, not statistics.
"""

import random
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from types import SimpleNamespace

from motcua.benchdata.clock import WorkingLine
from motcua.benchdata.province import Offering
from motcua.dossiers.ratings import Criterion, Level

DAY = 27_000  # working seconds in a standard day (07:30–11:30, 13:30–17:00)
SAMPLE_FILE = "bench/mau.pdf"  # one placeholder scan that every digitised record points to
PREVIOUS = "(previous)"  # back to the status held before the wait
HOLDS = {"request_supplement", "request_payment"}
NOTES = {
    "refuse": "Thủ tục không thuộc thẩm quyền giải quyết của cơ quan.",
    "withdraw": "Người nộp đề nghị dừng giải quyết để bổ sung thông tin.",
    "reject": "Hồ sơ không đủ điều kiện theo quy định.",
    "apologise": "Hồ sơ cần xác minh thêm tại thực địa.",
    "request_supplement": "Đề nghị bổ sung giấy tờ còn thiếu.",
}


@dataclass
class Planned:
    """One event of the plan: what happens, when, and what it changes on the dossier."""

    action: str
    at: datetime
    to_status: str | None  # None: the status stays (apology, rating); or PREVIOUS
    changes: dict = field(default_factory=dict)
    data: dict = field(default_factory=dict)
    step_due_at: datetime | None = None
    actor: str = ""
    payment: tuple | None = None  # amount, method
    result: tuple | None = None  # kind, electronic, file


@dataclass
class Life:
    """The plan of one dossier and the facts fixed when it is filed."""

    channel: str
    events: list[Planned]
    documents: list[tuple]  # required document id, name, kind, source, file
    fees: list[tuple[str, int]]


def _rating(rng: random.Random) -> dict:
    bad = rng.random() < 0.03
    levels = rng.choices([Level.SATISFIED, Level.NEUTRAL], [85, 15], k=len(Criterion.values))
    if bad:
        levels[1] = Level.DISSATISFIED  # with the processing
    return {key: level.value for key, level in zip(Criterion.values, levels, strict=True)}


def _documents(rng: random.Random, offering: Offering, channel: str) -> list[tuple]:
    scanned = channel == "online" or rng.random() < 0.85
    return [
        (doc_id, name, kind, "national_data" if national else "applicant",
         SAMPLE_FILE if scanned else "")
        for doc_id, name, kind, national in offering.documents
    ]  # fmt: skip


def plan_life(
    rng: random.Random,
    offering: Offering,
    line: WorkingLine,
    submitted: datetime,
    channel: str,
    applicant: str,
    staff: list[str],
) -> Life:
    """Every event the dossier goes through if nothing stops it (cut at "now" by the caller)."""
    procedure, agency, steps = offering.procedure, offering.agency, offering.steps
    events = [Planned("submit", submitted, "submitted", {}, {"channel": channel},
                      actor=applicant if channel == "online" else rng.choice(staff))]  # fmt: skip
    life = Life(channel, events, _documents(rng, offering, channel), offering.fees)
    start = line.offset(submitted)
    if channel == "online":
        start += rng.randint(600, int(1.5 * DAY))
        if rng.random() < 0.03:
            events.append(Planned("refuse", line.instant(start), "refused",
                                  actor=rng.choice(staff)))  # fmt: skip
            return life
    received = submitted if channel != "online" else line.instant(start)
    span = line.seconds(procedure.processing_days)
    due = line.instant(start + span)
    first_unit = steps[0].unit_id if steps else agency.pk
    events.append(Planned(
        "receive", received, "received",
        {"received_at": received, "clock_started_at": received, "due_at": due,
         "original_due_at": due, "current_step": 0 if steps else None,
         "current_agency_id": first_unit},
        {"due_at": due.isoformat()}, actor=rng.choice(staff),
    ))  # fmt: skip
    draw = rng.random()
    if draw < 0.02:
        at = line.instant(start + int(span * rng.uniform(0.1, 0.8)))
        events.append(Planned("withdraw", at, "withdrawn", actor=applicant))
        return life
    if draw < 0.80:
        outcome, done = "approve", int(span * rng.uniform(0.15, 0.92))
    elif draw < 0.87:
        outcome, done = "approve", max(1, span - rng.randint(0, min(span, 7200)))
    elif draw < 0.97:
        outcome, done = "approve", span + int(DAY * rng.uniform(0.3, 8))
    else:
        outcome, done = "reject", int(span * rng.uniform(0.3, 0.95))
    shift = _processing(rng, life, offering, line, start, span, done, staff)
    completed = line.instant(start + done + shift)
    electronic = not procedure.result_on_paper or rng.random() < 0.5
    scanned = SAMPLE_FILE if rng.random() < 0.8 else ""
    kind = "approval" if outcome == "approve" else "refusal"
    events.append(Planned(
        outcome, completed, "result_ready" if outcome == "approve" else "rejected",
        {"completed_at": completed}, actor=rng.choice(staff), result=(kind, electronic, scanned),
    ))  # fmt: skip
    if outcome == "reject":
        return life
    returned_at = line.instant(line.offset(completed) + int(DAY * rng.uniform(0.05, 3)))
    method = "online" if channel == "online" and electronic else rng.choice(["desk", "post"])
    events.append(Planned("return_result", returned_at, "returned",
                          {"returned_at": returned_at, "current_agency_id": agency.pk},
                          {"method": method}, actor=rng.choice(staff)))  # fmt: skip
    if rng.random() < (0.5 if channel == "online" else 0.25):
        rated = line.instant(line.offset(returned_at) + rng.randint(60, 2 * DAY))
        rating = _rating(rng)
        events.append(Planned("rate", rated, None, {"rating": rating}, {"rating": rating},
                              actor=applicant))  # fmt: skip
    return life


def _processing(rng, life: Life, offering: Offering, line: WorkingLine, start: int, span: int,
                done: int, staff: list[str]) -> int:  # fmt: skip
    """Hand-overs along the internal process, with a supplement, a payment, an apology.

    Returns the working seconds the plan was pushed back by a supplement.
    """
    events, steps = life.events, offering.steps
    total_days = sum((s.days for s in steps), Decimal(0)) or Decimal(1)
    leader = max((i for i, s in enumerate(steps) if s.role == "approver"), default=0)
    shift, so_far = 0, Decimal(0)
    supplement_at = int(done * 0.4) if rng.random() < 0.06 else None
    payment_at = int(done * 0.55) if offering.fees else None
    for index in range(1, leader + 1):
        so_far += steps[index - 1].days
        at_offset = int(done * float(so_far / total_days))
        if supplement_at is not None and at_offset > supplement_at:
            shift = _supplement(rng, life, line, start, span, supplement_at, staff)
            supplement_at = None
        if payment_at is not None and at_offset > payment_at:
            _payment(rng, life, line, start + payment_at + shift, at_offset - payment_at, staff)
            payment_at = None
        at = line.instant(start + at_offset + shift)
        step_due = line.instant(start + line.seconds(so_far) + shift)
        handover = "early" if at < step_due else "late" if at > step_due else "on_time"
        unit = steps[index].unit_id
        events.append(Planned("forward", at, "processing",
                              {"current_step": index, "current_agency_id": unit},
                              {"handover": handover}, step_due_at=step_due,
                              actor=rng.choice(staff)))  # fmt: skip
    if done > span and not shift and span > DAY and rng.random() < 0.3:
        at = line.instant(start + span - DAY)
        old_due, new_due = events[1].changes["due_at"], line.instant(start + done + DAY)
        events.append(Planned("apologise", at, None, {"extended": True, "due_at": new_due},
                              {"old_due_at": old_due.isoformat(), "new_due_at": new_due.isoformat(),
                               "timely": True}, actor=rng.choice(staff)))  # fmt: skip
        events.sort(key=lambda e: e.at)
    return shift


def _supplement(rng, life: Life, line: WorkingLine, start: int, span: int, at: int,
                staff: list[str]) -> int:  # fmt: skip
    """A supplement asked during processing; the clock resumes when it comes. Returns the wait."""
    wait = int(DAY * rng.uniform(1, 10))
    asked, back = line.instant(start + at), line.instant(start + at + wait)
    due = line.instant(start + span + wait)
    life.events.append(Planned(
        "request_supplement", asked, "supplement_requested",
        {"supplement_count": 1, "clock_stopped_at": asked},
        {"items": ["Bản sao giấy tờ còn thiếu"], "stage": "processing"}, actor=rng.choice(staff),
    ))  # fmt: skip
    life.events.append(Planned(
        "submit_supplement", back, PREVIOUS,
        {"clock_stopped_at": None, "waiting_seconds": wait,
         "due_at": due, "original_due_at": due},
        {"clock": "resume"}, actor=rng.choice(staff),
    ))  # fmt: skip
    return wait


def _payment(rng, life: Life, line: WorkingLine, at: int, room: int, staff: list[str]) -> None:
    """Fees asked for and paid (online or at the desk) before the next hand-over."""
    amount = sum(a for _, a in life.fees)
    online = life.channel == "online" and rng.random() < 0.7
    asked = line.instant(at)
    paid = line.instant(at + max(1, int(room * rng.uniform(0.2, 0.9))))
    life.events.append(Planned("request_payment", asked, "awaiting_payment",
                               {}, {"amount": amount},
                               actor=rng.choice(staff)))  # fmt: skip
    life.events.append(Planned("record_payment", paid, PREVIOUS, {},
                               {"amount": amount}, actor=rng.choice(staff),
                               payment=(amount, "online" if online else "desk")))  # fmt: skip


def replay(events: list[Planned], now: datetime, agency_id: int) -> tuple[SimpleNamespace, list]:
    """The dossier's state after the events that happened before `now`, and those events as
    (event, from status, to status, from agency id, to agency id, step)."""
    state = SimpleNamespace(
        status="submitted", status_before_hold="", received_at=None, clock_started_at=None,
        due_at=None, original_due_at=None, clock_stopped_at=None, waiting_seconds=0,
        completed_at=None, returned_at=None, supplement_count=0, extended=False, rating=None,
        current_step=None, current_agency_id=agency_id, withdrawn_at=None,
    )  # fmt: skip
    happened = []
    for event in events:
        if event.at > now:
            break
        before, from_agency = state.status, state.current_agency_id
        if event.to_status == PREVIOUS:
            state.status, state.status_before_hold = state.status_before_hold, ""
        elif event.to_status:
            state.status_before_hold = before if event.action in HOLDS else ""
            state.status = event.to_status
        for name, value in event.changes.items():
            setattr(state, name, value)
        if event.action == "withdraw":
            state.withdrawn_at = event.at
        happened.append((event, before if event.action != "submit" else "", state.status,
                         from_agency, state.current_agency_id, state.current_step))  # fmt: skip
    return state, happened
