"""Background tasks queued as part of the change that causes them."""

from functools import partial

from django.db import transaction
from django_tasks.base import Task
from django_tasks_db import DatabaseBackend


def enqueue(task: Task, *args, run_after=None, queue_name: str | None = None) -> None:
    """Queue `task(*args)` (not before `run_after`, on `queue_name` rather than the task's own)
    with the caller's transaction.

    On the database backend the task row is written in that transaction, so it is committed or
    rolled back with the change. Redis is outside every database transaction, so there the task
    is queued once the transaction has committed (a worker never looks for a row not yet
    visible); should Redis refuse it then, the change stands and the error is logged, and
    `motcua requeue-pending` queues the stranded message again (decision 0010).
    """
    if run_after is not None or queue_name is not None:
        task = task.using(run_after=run_after, queue_name=queue_name)
    if isinstance(task.get_backend(), DatabaseBackend):
        task.enqueue(*args)
    else:
        transaction.on_commit(partial(task.enqueue, *args), robust=True)
