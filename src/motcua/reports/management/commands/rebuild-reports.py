"""`motcua rebuild-reports`: recompute the report facts and counters from the dossiers."""

from django.core.management.base import BaseCommand

from motcua.reports.services import reports_rebuild


class Command(BaseCommand):
    help = "Tính lại toàn bộ số liệu báo cáo (chỉ số 766, thống kê TTHC) từ hồ sơ."

    def handle(self, *args, **options) -> None:
        count = reports_rebuild()
        self.stdout.write(f"Đã tính lại số liệu báo cáo từ {count} hồ sơ.")
