"""`motcua prune-task-results [--days N]`: delete finished background task results (the queue
table grows with every dossier event) with django-tasks-db's own `prune_db_task_results`."""

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Xóa kết quả các việc nền đã xong cũ hơn N ngày (mặc định MOTCUA_TASK_RESULT_DAYS)."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=None, help="Giữ lại N ngày gần nhất.")

    def handle(self, *args, days: int | None, **options):
        days = settings.MOTCUA_TASK_RESULT_DAYS if days is None else days
        call_command(
            "prune_db_task_results", "--queue-name", "*", "--min-age-days", str(days),
            verbosity=options["verbosity"],
        )  # fmt: skip
