"""The processing clock: starts at receipt, stops while waiting, resumes or restarts."""

from datetime import datetime

import pytest

from tests.dossiers.helpers import act, submit


def local(day: int, hour: int, minute: int = 0) -> datetime:
    from motcua.core.calendar import LOCAL_TZ

    return datetime(2026, 11, day, hour, minute, tzinfo=LOCAL_TZ)


def due(dossier: dict) -> datetime:
    return datetime.fromisoformat(dossier["due_at"])


@pytest.fixture
def processing(api, clock, procedure, commune, receiver):
    dossier = submit(api(receiver), procedure, commune, channel="desk")
    return act(api(receiver), dossier, "forward")


def test_receipt_after_hours_starts_at_the_next_working_period(
    api, clock, procedure, commune, receiver
):
    clock.set(local(20, 18))  # Friday evening
    dossier = submit(api(receiver), procedure, commune, channel="desk")
    # Counting starts Monday 07:30; Tuesday 24/11 is Ngày Văn hóa Việt Nam (a public holiday in
    # the holidays data), so 3 days of 7.5 h end on Thursday 17:00.
    assert due(dossier) == local(26, 17)
    assert dossier["code"].endswith("-261120-0001")


def test_supplement_restarts_the_clock_when_the_procedure_says_so(
    api, clock, procedure, processing, receiver, specialist
):
    procedure.supplement_clock = "restart"
    procedure.save()
    clock.set(local(18, 8))
    dossier = act(api(specialist), processing, "request_supplement", items=["Tờ khai"])
    clock.set(local(19, 13, 30))
    dossier = act(api(receiver), dossier, "submit_supplement")
    # Full 3 days again from Thursday 13:30 (3.5 + 7.5 + 7.5 h, the holiday 24/11, then 4 h).
    assert due(dossier) == local(25, 11, 30)
    assert dossier["timeline"][-1]["data"]["clock"] == "restart"


def test_pause_stops_and_resume_continues_the_clock(
    api, clock, processing, approver
):  # fmt: skip
    assert due(processing) == local(19, 8)
    clock.set(local(17, 8))
    paused = act(api(approver), processing, "pause", note="Chờ kết quả giám định theo luật")
    assert paused["status"] == "paused"
    clock.set(local(23, 8))  # four working days later (Wed, Thu, Fri, Mon)
    resumed = act(api(approver), paused, "resume")
    assert resumed["status"] == "processing"
    assert due(resumed) == local(26, 8)  # two days left from Monday, skipping the 24/11 holiday


def test_payment_wait_counts_unless_the_procedure_excludes_it(
    api, clock, procedure, processing, receiver, specialist
):
    clock.set(local(16, 9))
    waiting = act(api(specialist), processing, "request_payment")
    clock.set(local(17, 9))
    paid = act(api(receiver), waiting, "record_payment", amount=8000)
    assert due(paid) == local(19, 8)  # the default: time keeps running

    procedure.payment_pauses_clock = True
    procedure.save()
    dossier = submit(api(receiver), procedure, procedure.agencies.get(code="H44.189"), "desk")
    dossier = act(api(receiver), dossier, "forward")
    waiting = act(api(specialist), dossier, "request_payment")
    clock.set(local(18, 9))
    paid = act(api(receiver), waiting, "record_payment", amount=8000)
    assert due(paid) == local(23, 9)  # received Tue 09:00: Fri 09:00 plus the day waited


def test_overdue_filter_and_timeliness(api, clock, processing, receiver):
    clock.set(local(20, 8))
    listing = api(receiver).get("/api/v1/dossiers/?overdue=true").json()["results"]
    assert [d["code"] for d in listing] == [processing["code"]]
    detail = api(receiver).get(f"/api/v1/dossiers/{processing['code']}/").json()
    assert detail["timeliness"] == "overdue"
    assert api(receiver).get("/api/v1/dossiers/?overdue=false").json()["results"] == []
