"""`motcua requeue-pending [--minutes N]`: queue again the messages whose task was lost."""

from datetime import timedelta

from django.core.management.base import BaseCommand

from motcua.dossiers.effects import effects_requeue_stranded
from motcua.integrations.services import exchanges_requeue_stranded


class Command(BaseCommand):
    help = (
        "Xếp lại vào hàng đợi các trao đổi còn chờ gửi mà lâu không được thử lại, và các thay "
        "đổi hồ sơ lâu chưa được tính vào báo cáo, tạo tin nhắn, đồng bộ (việc nền bị mất, ví dụ "
        "tiến trình RQ bị dừng đột ngột)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--minutes", type=int, default=90,
            help="Chờ quá số phút này mà không đổi (lâu hơn khoảng thử lại dài nhất).",
        )  # fmt: skip

    def handle(self, *args, minutes: int, **options):
        older_than = timedelta(minutes=minutes)
        count = exchanges_requeue_stranded(older_than=older_than)
        self.stdout.write(f"Đã xếp lại {count} trao đổi chờ gửi.")
        count = effects_requeue_stranded(older_than=older_than)
        self.stdout.write(
            f"Đã xếp lại {count} thay đổi hồ sơ chờ tính vào báo cáo, tạo tin nhắn, đồng bộ."
        )
