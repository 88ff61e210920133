"""`motcua prune-connector-log [--days N]`: delete connector call records older than N days."""

from django.conf import settings
from django.core.management.base import BaseCommand

from motcua.integrations.connector_log import connector_log_prune


class Command(BaseCommand):
    help = "Xóa nhật ký gọi hệ thống ngoài cũ hơn N ngày (mặc định MOTCUA_CONNECTOR_LOG_DAYS)."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=None, help="Giữ lại N ngày gần nhất.")

    def handle(self, *args, days: int | None, **options):
        days = settings.MOTCUA_CONNECTOR_LOG["days"] if days is None else days
        if days < 1:
            self.stderr.write("--days phải từ 1 trở lên.")
            raise SystemExit(2)
        deleted = connector_log_prune(days=days)
        self.stdout.write(
            f"Đã xóa {deleted} bản ghi nhật ký gọi hệ thống ngoài cũ hơn {days} ngày."
        )
