"""Scripted API walk-throughs: dossiers from filing to returned result, as officers do it."""

from datetime import datetime

from motcua.core.audit import audit_verify
from motcua.core.calendar import LOCAL_TZ
from tests.dossiers.helpers import act, submit

RATING = {"receipt": "satisfied", "processing": "neutral", "attitude": "satisfied",
          "result": "satisfied"}  # fmt: skip


def local(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 11, day, hour, minute, tzinfo=LOCAL_TZ)


def test_online_dossier_through_a_supplement_and_payment_to_returned(
    api, clock, procedure, commune, receiver, specialist, approver
):
    desk, expert, leader = api(receiver), api(specialist), api(approver)
    dossier = submit(desk, procedure, commune, channel="online")
    assert dossier["status"] == "submitted"
    assert dossier["code"] == "H44.189-261116-0001"
    assert dossier["due_at"] is None

    dossier = act(desk, dossier, "receive")
    assert dossier["status"] == "received"
    # 3 working days of 7.5 h from Monday 08:00 end on Thursday 08:00.
    assert datetime.fromisoformat(dossier["due_at"]) == local(19, 8)
    dossier = act(desk, dossier, "forward")
    assert (dossier["status"], dossier["current_step"]) == ("processing", 1)

    clock.set(local(16, 10))
    dossier = act(
        expert, dossier, "request_supplement", items=["Bản sao giấy chứng sinh"], note="Thiếu"
    )
    assert dossier["status"] == "supplement_requested"
    clock.set(local(17, 10))  # one working day later the applicant brings the document
    dossier = act(
        desk, dossier, "submit_supplement", documents=[{"name": "Bản sao giấy chứng sinh"}]
    )
    assert dossier["status"] == "processing"
    # The clock resumed: the waiting day does not count, so the due date moves by one day.
    assert datetime.fromisoformat(dossier["due_at"]) == local(20, 8)

    dossier = act(expert, dossier, "forward")
    assert dossier["current_step"] == 2
    dossier = act(expert, dossier, "request_payment")
    assert dossier["status"] == "awaiting_payment"
    dossier = act(desk, dossier, "record_payment", amount=8000, method="desk")
    assert dossier["status"] == "processing"
    assert dossier["payments"][0]["amount"] == 8000

    clock.set(local(18, 9))
    dossier = act(leader, dossier, "approve", number="125/GKS", electronic=True)
    assert dossier["status"] == "result_ready"
    assert dossier["timeliness"] == "early"
    dossier = act(desk, dossier, "return_result", method="desk")
    assert dossier["status"] == "returned"
    dossier = act(desk, dossier, "rate", rating=RATING)

    actions = [event["action"] for event in dossier["timeline"]]
    assert actions == [
        "submit", "receive", "forward", "request_supplement", "submit_supplement", "forward",
        "request_payment", "record_payment", "approve", "return_result", "rate",
    ]  # fmt: skip
    assert dossier["rating"] == RATING
    checked, broken = audit_verify()
    assert broken is None and checked >= len(actions)


def test_desk_dossier_late_with_an_apology_to_returned(
    api, clock, procedure, commune, receiver, specialist, approver
):
    desk, expert, leader = api(receiver), api(specialist), api(approver)
    dossier = submit(desk, procedure, commune, channel="desk")
    assert dossier["status"] == "received"  # checked at the desk: received at once
    assert datetime.fromisoformat(dossier["due_at"]) == local(19, 8)
    dossier = act(desk, dossier, "forward")

    clock.set(local(18, 8))  # a full working day before the due date
    dossier = act(
        expert,
        dossier,
        "apologise",
        note="Cần xác minh thông tin với nơi cư trú trước đây",
        new_due_at=local(23, 17).isoformat(),
    )
    assert datetime.fromisoformat(dossier["due_at"]) == local(23, 17)
    assert datetime.fromisoformat(dossier["original_due_at"]) == local(19, 8)
    assert dossier["timeline"][-1]["data"]["timely"] is True
    again = act(expert, dossier, "apologise", expect=422, note="lần hai",
                new_due_at=local(27, 17).isoformat())  # fmt: skip
    assert again["code"] == "already_extended"

    dossier = act(expert, dossier, "forward")
    clock.set(local(20, 15))
    dossier = act(leader, dossier, "approve")
    assert dossier["timeliness"] == "late"  # an extended dossier still counts as late
    dossier = act(desk, dossier, "return_result")
    assert dossier["status"] == "returned"
    assert dossier["returned_at"] is not None
