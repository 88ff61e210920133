"""Workers that die mid-task: each `motcua worker` beats in `WorkerHeartbeat`, and a task left
`RUNNING` by a worker that stopped beating is made ready again, for any worker to run.

The database task backend (django-tasks-db) marks a task RUNNING when a worker claims it and
never looks back: a worker killed by SIGKILL, the OOM killer or a lost machine would leave it so
for ever. Running a task twice is safe here because the exchange row, not the queue, is the truth
and every outgoing message carries its idempotency key (see docs/decisions/0010).
"""

import logging
import os
import socket
import threading
from datetime import timedelta

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone
from django.utils.crypto import get_random_string
from django_tasks import TaskResultStatus
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult

from motcua.integrations.models import WorkerHeartbeat

log = logging.getLogger(__name__)


def new_worker_id() -> str:
    """A worker id that names the machine and process (at most 64 characters)."""
    return f"{socket.gethostname()[:40]}-{os.getpid()}-{get_random_string(6)}"


def lease() -> timedelta:
    """How long a worker may stay silent before its tasks are given to another."""
    return timedelta(seconds=settings.MOTCUA_WORKER_LEASE_SECONDS)


def worker_beat(worker_id: str) -> None:
    """Say that `worker_id` is alive now."""
    WorkerHeartbeat.objects.update_or_create(
        worker_id=worker_id, defaults={"seen_at": timezone.now()}
    )


def tasks_reclaim_abandoned() -> list[str]:
    """Make ready again every task that has been RUNNING longer than the lease under a worker
    that has not beaten within it; forget such silent workers. Returns the task ids."""
    silent_since = timezone.now() - lease()
    beating = WorkerHeartbeat.objects.filter(seen_at__gte=silent_since)
    alive = set(beating.values_list("worker_id", flat=True))
    reclaimed = []
    with transaction.atomic():
        running = DBTaskResult.objects.running().filter(started_at__lt=silent_since)
        for task_id, worker_ids in running.values_list("id", "worker_ids"):
            if worker_ids and worker_ids[-1] in alive:
                continue
            if DBTaskResult.objects.filter(id=task_id, status=TaskResultStatus.RUNNING).update(
                status=TaskResultStatus.READY
            ):
                reclaimed.append(str(task_id))
                log.warning("task %s abandoned by worker %s: queued again", task_id, worker_ids)
        WorkerHeartbeat.objects.filter(seen_at__lt=silent_since).delete()
    return reclaimed


class Heartbeat(threading.Thread):
    """Beats for `worker_id` and reclaims abandoned tasks every third of the lease, beside the
    worker's loop (a task that runs long does not stop the beat)."""

    def __init__(self, worker_id: str) -> None:
        super().__init__(name="motcua-heartbeat", daemon=True)
        self.worker_id = worker_id
        self.stopped = threading.Event()

    def beat(self) -> None:
        worker_beat(self.worker_id)
        tasks_reclaim_abandoned()

    def run(self) -> None:
        interval = lease().total_seconds() / 3
        while not self.stopped.wait(interval):
            try:
                self.beat()
            except Exception:  # a database hiccup must not end the beat for good
                log.exception("worker heartbeat failed")
            finally:
                connection.close()  # this thread's own connection

    def stop(self) -> None:
        self.stopped.set()
        WorkerHeartbeat.objects.filter(worker_id=self.worker_id).delete()


class QueueLoop(threading.Thread):
    """The worker loop of one queue (django-tasks-db's own `Worker`) in a thread of `motcua
    worker`, beside the default queue's loop: a delivery that hangs holds up only its queue.
    Its tasks are claimed under the process's worker id, so the heartbeat covers them."""

    def __init__(self, queue_name: str, *, interval: float, worker_id: str) -> None:
        super().__init__(name=f"motcua-{queue_name}", daemon=True)
        self.worker = Worker(
            queue_names=[queue_name], interval=interval, batch=False, backend_name="default",
            startup_delay=False, max_tasks=None, worker_id=worker_id, excluded_queue_names=[],
        )  # fmt: skip

    def run(self) -> None:
        try:
            self.worker.run()
        finally:
            connection.close()  # this thread's own connection

    def stop(self) -> None:
        """End the loop once its current task is done (a task cut short at exit is reclaimed
        by the next worker, its heartbeat being gone)."""
        self.worker.running = False
