"""Run queued background tasks inside a test's transaction, as `motcua worker --batch` would.

The real worker closes stale database connections between tasks, which would end the test's
transaction; the worker process itself is driven in the end-to-end tests.
"""

from django_tasks.base import Task
from django_tasks_db.models import DBTaskResult

from motcua.dossiers.tasks import dossier_effects
from tests.simulators.processes import call


def run_due_tasks(only: Task | None = None) -> int:
    """Run every task that is due (of `only`'s kind, if given), including those queued by tasks
    run here; returns how many."""
    kinds = {"task_path": only.module_path} if only is not None else {}
    count = 0
    while row := DBTaskResult.objects.ready().filter(**kinds).order_by("enqueued_at").first():
        row.claim("test")
        result = row.task_result
        row.set_successful(row.task.call(*result.args, **result.kwargs))
        count += 1
    return count


def held_by_portal(portal, code: str) -> dict:
    """What the national-portal simulator holds for a dossier (it must hold something)."""
    reply = call("GET", f"{portal.url}/api/v1/dossiers/{code}", key=portal.key)
    assert reply.status == 200, reply.body
    return reply.json()


def run_effects() -> int:
    """Set off the effects of the dossier changes made so far, as the worker would: their report
    facts are brought in step, their syncs and messages queued (not delivered). Returns how many
    changes."""
    return run_due_tasks(only=dossier_effects)
