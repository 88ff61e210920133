"""`motcua reconcile-portal` finds the dossiers whose status the national portal holds wrongly
(asked of the simulator process over HTTP) and re-pushes them through the outbox."""

import pytest
from django.core.management import CommandError, call_command

from motcua.core.models import AuditEvent
from motcua.integrations.models import Exchange
from tests.dossiers.helpers import act, submit
from tests.integrations.helpers import held_by_portal, run_due_tasks, run_effects
from tests.simulators.processes import call


def reconcile(capsys, *args: str) -> str:
    call_command("reconcile-portal", *args)
    return capsys.readouterr().out


@pytest.fixture
def three_synced(api, procedure, commune, receiver, connected):
    """Three dossiers, the first received, all acknowledged by the portal."""
    desk = api(receiver)
    dossiers = [submit(desk, procedure, commune) for _ in range(3)]
    dossiers[0] = act(desk, dossiers[0], "receive")
    run_due_tasks()
    return [d["code"] for d in dossiers]


def test_stale_and_lost_statuses_are_repushed_until_the_portal_agrees(
    capsys, connected, three_synced
):
    stale, lost, fine = three_synced
    call("PUT", f"{connected.url}/_admin/dossiers/{stale}", {"status": "submitted"},
         key=connected.key)  # fmt: skip
    call("DELETE", f"{connected.url}/_admin/dossiers/{lost}", key=connected.key)

    out = reconcile(capsys)
    assert "kiểm tra 3, khớp 1, gửi lại 2 (Cổng chưa có 1), đang chờ gửi 0" in out
    repushed = Exchange.objects.filter(event="reconcile")
    assert sorted(x.dossier.code for x in repushed) == sorted([stale, lost])
    assert {x.state for x in repushed} == {"pending"}

    assert run_due_tasks() == 2  # through the ordinary outbox and worker
    assert held_by_portal(connected, stale)["status"] == "received"
    assert held_by_portal(connected, lost)["status"] == "submitted"
    assert held_by_portal(connected, fine)["events"] == 1  # a matching dossier is not re-sent
    assert "kiểm tra 3, khớp 3, gửi lại 0" in reconcile(capsys)
    audit = AuditEvent.objects.filter(action="portal_reconcile").order_by("id")
    assert [a.data["repushed"] for a in audit] == [2, 0]


def test_a_difference_already_waiting_for_the_worker_is_not_pushed_twice(
    api, capsys, procedure, commune, receiver, connected
):
    submit(api(receiver), procedure, commune)  # its effects are queued, not yet set off
    assert "kiểm tra 1, khớp 0, gửi lại 0 (Cổng chưa có 0), đang chờ gửi 1" in reconcile(capsys)
    assert Exchange.objects.count() == 0
    run_effects()  # its sync is queued, not yet sent
    assert "kiểm tra 1, khớp 0, gửi lại 0 (Cổng chưa có 0), đang chờ gửi 1" in reconcile(capsys)
    assert Exchange.objects.count() == 1


def test_since_checks_only_dossiers_changed_from_that_day(
    api, capsys, clock, procedure, commune, receiver, connected
):
    desk = api(receiver)
    old = submit(desk, procedure, commune)
    clock.advance(days=3)  # Thursday 19 Nov 2026
    submit(desk, procedure, commune)
    act(desk, old, "receive")  # the old dossier changed too
    clock.advance(days=1)
    submit(desk, procedure, commune)
    run_due_tasks()
    assert "từ ngày 20/11/2026): kiểm tra 1," in reconcile(capsys, "--since", "2026-11-20")
    assert "kiểm tra 3," in reconcile(capsys, "--since", "2026-11-19")


@pytest.mark.parametrize("fault", ["down", "garbage"])
def test_a_portal_that_cannot_answer_fails_the_command_and_changes_nothing(
    connected, three_synced, fault
):
    if fault == "down":
        connected.stop()
    else:
        connected.faults("garbage")
    with pytest.raises(CommandError, match="chưa trả lời"):
        call_command("reconcile-portal")
    assert not Exchange.objects.filter(event="reconcile").exists()
