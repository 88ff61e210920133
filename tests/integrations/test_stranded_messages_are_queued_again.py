"""`motcua requeue-pending` queues again the pending messages whose task was lost, and only them."""

from datetime import timedelta

from django.core.management import call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from motcua.integrations.models import Exchange
from tests.dossiers.helpers import act, submit
from tests.integrations.helpers import run_due_tasks


def test_only_pending_messages_untouched_past_the_limit_are_queued_again(
    api, capsys, procedure, commune, receiver, connected
):
    desk = api(receiver)
    act(desk, submit(desk, procedure, commune), "receive")
    filed, received = Exchange.objects.order_by("pk")
    run_due_tasks()  # both acknowledged
    Exchange.objects.filter(pk=received.pk).update(state="pending")
    stranded = submit(desk, procedure, commune)
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
