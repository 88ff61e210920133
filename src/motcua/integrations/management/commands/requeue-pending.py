"""`motcua requeue-pending [--minutes N]`: queue again the messages whose task was lost."""

from datetime import timedelta

from django.core.management.base import BaseCommand

from motcua.integrations.services import exchanges_requeue_stranded


class Command(BaseCommand):
    help = (
        "Xếp lại vào hàng đợi các trao đổi còn chờ gửi mà lâu không được thử lại (việc nền bị mất, "
        "ví dụ tiến trình RQ bị dừng đột ngột)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--minutes", type=int, default=90,
            help="Chờ gửi mà không đổi quá số phút này (lâu hơn khoảng thử lại dài nhất).",
        )  # fmt: skip

    def handle(self, *args, minutes: int, **options):
        count = exchanges_requeue_stranded(older_than=timedelta(minutes=minutes))
        self.stdout.write(f"Đã xếp lại {count} trao đổi chờ gửi.")
