"""Biểu số 06 classes: early / on time / late, pending within time / overdue, carried over."""

from datetime import date

import pytest

from motcua.reports.statistics import tthc_statistics
from tests.dossiers.helpers import act
from tests.integrations.helpers import run_effects
from tests.reports.helpers import desk, online, resolve

NOV = (date(2026, 11, 1), date(2026, 11, 30))


@pytest.fixture
def people(api, receiver, specialist, approver):
    return api, receiver, specialist, approver


def totals(province, first=NOV[0], last=NOV[1]) -> dict:
    run_effects()  # the worker brings the report facts in step
    return tthc_statistics(province, first, last).totals


def test_resolved_before_on_and_after_the_due_date(people, procedure, commune, province, clock):
    api, receiver, *_ = people
    early, on_day, late = (desk(api, receiver, procedure, commune) for _ in range(3))
    resolve(*people, early)
    due = early["due_at"]
    clock.set(clock.now.replace(day=19, hour=7))  # the due day (19 Nov, 08:00), before the hour
    resolve(*people, on_day)
    clock.set(clock.now.replace(day=20, hour=9))
    resolve(*people, late)

    t = totals(province)

    assert due.startswith("2026-11-19T08:00")
    assert (t["resolved_early"], t["resolved_on_time"], t["resolved_late"]) == (1, 1, 1)
    assert (t["received_offline"], t["received_online"], t["resolved_total"]) == (3, 0, 3)
    assert t["pending_total"] == 0


def test_pending_within_and_overdue_at_the_end_of_the_period(
    people, procedure, commune, province, clock
):
    api, receiver, *_ = people
    desk(api, receiver, procedure, commune)
    online(api, receiver, procedure, commune)

    before_due = totals(province, NOV[0], date(2026, 11, 18))
    after_due = totals(province, NOV[0], date(2026, 11, 19))

    assert (before_due["pending_within"], before_due["pending_overdue"]) == (2, 0)
    assert (after_due["pending_within"], after_due["pending_overdue"]) == (0, 2)
    assert after_due["received_online"] == after_due["received_offline"] == 1


def test_dossiers_pending_at_the_start_are_carried_over(
    people, procedure, commune, province, clock
):
    api, receiver, *_ = people
    kept, closed = desk(api, receiver, procedure, commune), desk(api, receiver, procedure, commune)
    clock.set(clock.now.replace(day=18))
    resolve(*people, closed)

    from_17th = totals(province, date(2026, 11, 17), date(2026, 11, 30))
    from_19th = totals(province, date(2026, 11, 19), date(2026, 12, 31))

    assert from_17th["carried_over"] == 2
    assert from_17th["received_total"] == 2
    assert (from_17th["resolved_total"], from_17th["pending_total"]) == (1, 1)
    assert from_19th["carried_over"] == 1
    assert kept["code"] != closed["code"]


def test_supplement_waiting_time_is_not_counted(people, procedure, commune, province, clock):
    api, receiver, specialist, approver = people
    dossier = desk(api, receiver, procedure, commune)
    dossier = act(api(receiver), dossier, "forward")
    dossier = act(api(specialist), dossier, "request_supplement", items=["Bản sao CCCD"])
    clock.set(clock.now.replace(day=25))  # a week waiting for the applicant
    dossier = act(api(receiver), dossier, "submit_supplement")
    clock.advance(hours=2)
    dossier = act(api(specialist), dossier, "forward")
    act(api(approver), dossier, "approve")

    t = totals(province)

    assert t["resolved_late"] == 0
    assert t["resolved_early"] + t["resolved_on_time"] == 1


def test_a_second_supplement_request_makes_it_late(
    people, procedure, commune, province, clock, settings
):
    settings.MOTCUA = {**settings.MOTCUA, "SUPPLEMENT_LIMIT": 2}
    api, receiver, specialist, approver = people
    dossier = act(api(receiver), desk(api, receiver, procedure, commune), "forward")
    for _ in range(2):
        dossier = act(api(specialist), dossier, "request_supplement", items=["Bản sao CCCD"])
        dossier = act(api(receiver), dossier, "submit_supplement")
    dossier = act(api(specialist), dossier, "forward")
    act(api(approver), dossier, "approve")

    assert totals(province)["resolved_late"] == 1


def test_a_pause_before_the_due_date_keeps_the_dossier_within_time(
    people, procedure, commune, province, clock
):
    api, receiver, _, approver = people
    dossier = act(api(receiver), desk(api, receiver, procedure, commune), "forward")
    act(api(approver), dossier, "pause", note="Chờ kết quả giám định")

    t = totals(province, NOV[0], date(2026, 11, 27))

    assert (t["pending_within"], t["pending_overdue"]) == (1, 0)


def test_a_withdrawn_dossier_leaves_the_pending_count(people, procedure, commune, province, clock):
    api, receiver, *_ = people
    dossier = desk(api, receiver, procedure, commune)
    act(api(receiver), dossier, "withdraw", note="Người nộp đề nghị dừng")

    run_effects()
    stats = tthc_statistics(province, *NOV).as_json()

    assert (stats["received_total"], stats["pending_total"], stats["withdrawn"]) == (1, 0, 1)
    assert stats["resolved_total"] == 0
