"""`motcua requeue-pending` queues again the pending messages whose task was lost, and only them."""

from datetime import timedelta

from django.core.management import call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from motcua.dossiers.models import PendingEffects
from motcua.dossiers.tasks import dossier_effects
from motcua.integrations.models import Exchange
from tests.dossiers.helpers import act, submit
from tests.integrations.helpers import run_due_tasks, run_effects


def test_only_pending_messages_untouched_past_the_limit_are_queued_again(
    api, capsys, procedure, commune, receiver, connected
):
    desk = api(receiver)
    act(desk, submit(desk, procedure, commune), "receive")
    run_due_tasks()  # both syncs queued and acknowledged
    filed, received = Exchange.objects.order_by("pk")
    Exchange.objects.filter(pk=received.pk).update(state="pending")
    stranded = submit(desk, procedure, commune)
    run_effects()  # its sync is queued
    DBTaskResult.objects.all().delete()  # the queue lost every task
    two_hours_ago = timezone.now() - timedelta(hours=2)
    Exchange.objects.exclude(pk=filed.pk).update(updated_at=two_hours_ago)
    Exchange.objects.filter(pk=received.pk).update(updated_at=timezone.now())  # recently tried

    call_command("requeue-pending")
    assert "Đã xếp lại 1 trao đổi chờ gửi." in capsys.readouterr().out
    [task] = DBTaskResult.objects.all()
    lost = Exchange.objects.get(dossier__code=stranded["code"])
    assert task.args_kwargs["args"] == [lost.pk]
    assert run_due_tasks() == 1
    lost.refresh_from_db()
    assert lost.state == "acknowledged"


def test_changes_whose_effects_were_not_set_off_in_time_are_queued_again(
    api, capsys, clock, procedure, commune, receiver
):
    desk = api(receiver)
    lost = submit(desk, procedure, commune)
    clock.advance(hours=2)
    submit(desk, procedure, commune)  # recent: its task may still run
    DBTaskResult.objects.all().delete()  # the queue lost every task

    call_command("requeue-pending")
    assert (
        "Đã xếp lại 1 thay đổi hồ sơ chờ tính vào báo cáo, tạo tin nhắn, đồng bộ."
        in capsys.readouterr().out
    )
    [task] = DBTaskResult.objects.all()
    assert task.args_kwargs["args"] == [PendingEffects.objects.get(dossier__code=lost["code"]).pk]
    assert run_due_tasks(only=dossier_effects) == 1
    assert Exchange.objects.get().payload["code"] == lost["code"]
    assert PendingEffects.objects.count() == 1  # the recent one, left alone
