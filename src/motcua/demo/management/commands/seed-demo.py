"""`motcua seed-demo`: load the demo province (agencies, staff, catalogue, months of dossiers)."""

from django.core.management.base import BaseCommand, CommandError

from motcua.agencies.models import Agency
from motcua.demo.seed import seed_demo


class Command(BaseCommand):
    help = "Nạp dữ liệu trình diễn tỉnh Phú Thọ: cơ quan, cán bộ, thủ tục và hồ sơ."

    def add_arguments(self, parser):
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="Không làm gì nếu cơ sở dữ liệu đã có cơ quan (dùng trong make run).",
        )
        parser.add_argument(
            "--dossiers", type=int, default=300, help="Số hồ sơ mô phỏng (mặc định 300)."
        )

    def handle(self, *args, if_empty: bool, dossiers: int, **options):
        if Agency.objects.exists():
            if if_empty:
                self.stdout.write("Đã có dữ liệu: bỏ qua việc nạp dữ liệu trình diễn.")
                return
            raise CommandError(
                "Cơ sở dữ liệu đã có cơ quan: chỉ nạp dữ liệu trình diễn vào CSDL trống."
            )
        if dossiers < 0:
            raise CommandError("Số hồ sơ không được âm.")
        self.stdout.write(str(seed_demo(dossiers=dossiers)))
