"""One rule for "overdue", read alike by the dossier resource, the API list filter, the worklist
and its tile, and the statistics (Biểu số 06) counted by the worker's facts step.

A pending dossier whose clock runs is judged against now; one whose clock is stopped (waiting for
a supplement, a legal pause) at the instant it stopped; a resolved one by its result against the
reference due date (an apology's new date still counts as late).
"""

from datetime import date, datetime

import pytest

from motcua.backoffice.selectors import Officer, dashboard_tiles
from motcua.core.calendar import LOCAL_TZ
from motcua.reports.statistics import tthc_statistics
from tests.backoffice.helpers import act, file_dossier, office
from tests.backoffice.test_worklist import codes
from tests.integrations.helpers import run_effects


def local(day: int, hour: int, minute: int = 0, month: int = 11) -> datetime:
    return datetime(2026, month, day, hour, minute, tzinfo=LOCAL_TZ)


JUDGED_AT = local(27, 10)  # Friday 27 Nov 2026, 10:00
PENDING = {"within", "overdue"}


@pytest.fixture
def states(clock, procedure, commune, receiver, specialist, approver) -> dict[str, str]:
    """One dossier per state, by the class it must have on 27 Nov 10:00: {code: class}.

    Received on Monday 16 Nov 08:00 unless said otherwise, so due on Thursday 19 Nov 08:00
    (3 working days; Tuesday 24 Nov is a holiday).
    """
    made: dict[str, tuple[object, str]] = {}

    def new(name: str, expected: str, *, forward: bool = True):
        dossier = file_dossier(receiver, procedure, commune, channel="desk",
                               id_number=f"0251900{len(made):05d}")  # fmt: skip
        if forward:
            act(receiver, dossier, "forward")
        made[name] = (dossier, expected)
        return dossier

    def at(when: datetime, user, name: str, action: str, **params) -> None:
        clock.set(when)
        act(user, made[name][0], action, **params)

    def approve(when: datetime, name: str) -> None:
        at(when, specialist, name, "forward")
        at(when, approver, name, "approve")

    new("running_after_due", "overdue")
    new("stopped_before_due", "within")  # waiting for the applicant since before the due date
    new("paused_after_due", "overdue")  # stopped once already late
    new("resumed", "within")  # 2 days were left: due again on Monday 30 Nov
    new("resumed_then_overdue", "overdue")  # back on Wed 18: due on Fri 20 Nov
    new("resolved_early", "early")
    new("resolved_on_time", "on_time")
    new("resolved_late", "late")
    new("apologised_pending", "within")  # new date 4 Dec, not yet reached
    new("apologised_resolved", "late")  # resolved before the new date, still late
    new("withdrawn_after_due", None)  # neither pending nor resolved

    at(local(17, 8), specialist, "stopped_before_due", "request_supplement", items=["Bản sao"])
    at(local(17, 8), specialist, "resumed", "request_supplement", items=["Bản sao"])
    at(local(17, 8), specialist, "resumed_then_overdue", "request_supplement", items=["Bản sao"])
    at(local(17, 9), approver, "apologised_pending", "apologise", note="Chờ xác minh",
       new_due_at=local(4, 8, month=12))  # fmt: skip
    at(local(17, 9), approver, "apologised_resolved", "apologise", note="Chờ xác minh",
       new_due_at=local(23, 8))  # fmt: skip
    approve(local(17, 10), "resolved_early")
    at(local(18, 8), receiver, "resumed_then_overdue", "submit_supplement")
    approve(local(19, 7, 45), "resolved_on_time")
    approve(local(20, 9), "resolved_late")
    approve(local(20, 9), "apologised_resolved")
    at(local(20, 9), approver, "paused_after_due", "pause", note="Chờ kết quả giám định")
    at(local(20, 9), receiver, "withdrawn_after_due", "withdraw", note="Người nộp đề nghị dừng")
    at(local(26, 8), receiver, "resumed", "submit_supplement")
    clock.set(local(26, 8))
    new("running_before_due", "within")  # due on Tuesday 1 Dec
    clock.set(JUDGED_AT)
    return {dossier.code: expected for dossier, expected in made.values()}


def test_every_reader_of_overdue_agrees(api, states, receiver, province):
    overdue = {code for code, judged in states.items() if judged == "overdue"}
    within = {code for code, judged in states.items() if judged == "within"}
    client = api(receiver)

    resource = {code: client.get(f"/api/v1/dossiers/{code}/").json()["timeliness"]
                for code in states}  # fmt: skip
    listed_overdue = {d["code"] for d in client.get("/api/v1/dossiers/?overdue=true").json()
                      ["results"]}  # fmt: skip
    listed_not = {d["code"] for d in client.get("/api/v1/dossiers/?overdue=false").json()
                  ["results"]}  # fmt: skip
    worklist = set(codes(office(receiver).get("/mot-cua/?han=qua-han")))
    tiles = {tile["query"]: tile["count"] for tile in dashboard_tiles(Officer(receiver))}
    run_effects()  # the worker brings the report facts in step
    stats = tthc_statistics(province, date(2026, 11, 1), JUDGED_AT.date()).totals

    assert resource == states
    assert listed_overdue == overdue
    assert listed_not == set(states) - overdue
    assert worklist == overdue
    assert tiles["han=qua-han"] == len(overdue)
    assert (stats["pending_within"], stats["pending_overdue"]) == (len(within), len(overdue))
    resolved = [stats[f"resolved_{judged}"] for judged in ("early", "on_time", "late")]
    assert resolved == [1, 1, 2]
    assert stats["withdrawn"] == 1
