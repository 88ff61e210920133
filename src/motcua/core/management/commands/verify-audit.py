"""`motcua verify-audit`: walk the audit chain and report the first broken link.

Exit status 0 when the chain is intact; 1 (a CommandError) at the first event whose hashes do not
match, so a scheduled job or monitoring check can alert on it.
"""

from django.core.management.base import BaseCommand, CommandError

from motcua.core.audit import audit_verify


class Command(BaseCommand):
    help = "Kiểm tra tính toàn vẹn của chuỗi nhật ký (audit) theo mã băm."

    def add_arguments(self, parser):
        parser.add_argument(
            "--batch-size",
            type=int,
            default=5000,
            help="Số sự kiện đọc mỗi lần từ cơ sở dữ liệu (mặc định 5000).",
        )

    def handle(self, *args, batch_size: int, **options):
        checked, broken = audit_verify(batch_size=batch_size)
        if broken is None:
            self.stdout.write(self.style.SUCCESS(f"Chuỗi nhật ký toàn vẹn: {checked} sự kiện."))
            return
        where = f"sự kiện #{broken.event_id}" if broken.event_id else "cuối chuỗi"
        raise CommandError(
            f"Chuỗi nhật ký bị phá vỡ tại {where}: {broken.reason}. "
            f"{checked} sự kiện trước đó hợp lệ.",
            returncode=1,
        )
