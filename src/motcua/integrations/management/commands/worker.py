"""`motcua worker`: run the background tasks (LGSP deliveries, the dossiers' effects), from the
database queue or, with `MOTCUA_TASK_BACKEND=rq`, as an RQ worker on Redis.

On the database each queue of `settings.TASK_QUEUES` has its own loop (the default queue in the
main thread, each outside system's deliveries in a thread), so a system that hangs holds up
neither the report facts nor another system's messages. `--batch` runs everything in one loop.
"""

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand

from motcua.integrations.workers import Heartbeat, QueueLoop, new_worker_id


class Command(BaseCommand):
    help = "Chạy tiến trình xử lý nền (gửi dữ liệu sang các hệ thống quốc gia)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--batch", action="store_true", help="Xử lý hết việc đang chờ rồi dừng."
        )
        parser.add_argument("--interval", type=float, default=1.0, help="Giây giữa hai lần quét.")

    def handle(self, *args, batch: bool, interval: float, **options):
        if settings.MOTCUA_TASK_BACKEND == "rq":
            # The scheduler runs the tasks queued for later (retries with backoff).
            extra = ["--burst"] if batch else []
            call_command(
                "rqworker", *settings.TASK_QUEUES, "--job-class", "django_tasks_rq.Job",
                "--with-scheduler", *extra,
            )  # fmt: skip
            return
        heartbeat = Heartbeat(new_worker_id())
        heartbeat.beat()  # alive before the first claim; tasks of dead workers are ready again
        heartbeat.start()
        default, *systems = settings.TASK_QUEUES
        worker_id = heartbeat.worker_id
        loops = [] if batch else [
            QueueLoop(name, interval=interval, worker_id=worker_id) for name in systems
        ]  # fmt: skip
        for loop in loops:
            loop.start()
        extra = ["--batch"] if batch else []
        try:
            call_command(
                "db_worker", "--queue-name", "*" if batch else default, "--interval", str(interval),
                "--no-startup-delay", "--worker-id", heartbeat.worker_id, *extra,
            )  # fmt: skip
        finally:
            for loop in loops:
                loop.stop()
            heartbeat.stop()
