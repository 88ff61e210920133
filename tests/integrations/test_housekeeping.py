"""Finished background task results are pruned after the configured number of days."""

from datetime import timedelta

from django.core.management import call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from motcua.integrations.tasks import deliver_exchange
from tests.dossiers.helpers import act, submit
from tests.integrations.helpers import run_due_tasks


def test_finished_task_results_older_than_the_setting_are_pruned(
    api, procedure, commune, receiver, settings, portal, no_messages
):
    settings.MOTCUA_CONNECTORS = {
        **settings.MOTCUA_CONNECTORS,
        "national_portal": {"base_url": portal.url, "key": portal.key, "timeout": 1},
    }
    desk = api(receiver)
    act(desk, submit(desk, procedure, commune), "receive")
    run_due_tasks()
    finished = list(DBTaskResult.objects.order_by("id"))
    assert len(finished) == 4  # each change's effects, then its sync
    assert all(row.finished_at for row in finished)
    old = finished[0]
    DBTaskResult.objects.filter(pk=old.pk).update(finished_at=timezone.now() - timedelta(days=20))
    waiting = deliver_exchange.enqueue(0)  # one still waiting: never pruned
    settings.MOTCUA_TASK_RESULT_DAYS = 14
    call_command("prune-task-results", verbosity=0)
    kept = {str(row.pk) for row in finished[1:]} | {str(waiting.id)}
    assert {str(pk) for pk in DBTaskResult.objects.values_list("pk", flat=True)} == kept
    call_command("prune-task-results", "--days", "0", verbosity=0)
    assert DBTaskResult.objects.get().finished_at is None
