"""`motcua reconcile-payments [--date YYYY-MM-DD]`: compare a day's payments with the platform."""

from datetime import date, timedelta

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from motcua.core.calendar import LOCAL_TZ
from motcua.core.errors import Unavailable
from motcua.core.queue import enqueue
from motcua.payments.services import payments_reconcile
from motcua.payments.tasks import reconcile_payments


def yesterday() -> date:
    """Yesterday in Vietnam."""
    return timezone.localtime(timezone.now(), LOCAL_TZ).date() - timedelta(days=1)


class Command(BaseCommand):
    help = (
        "Đối soát thanh toán trực tuyến của một ngày (mặc định hôm qua) với bảng kê của nền tảng "
        "thanh toán; ghi lại chênh lệch, không tự sửa khoản tiền nào."
    )

    def add_arguments(self, parser):
        parser.add_argument("--date", type=date.fromisoformat, default=None, help="YYYY-MM-DD")
        parser.add_argument(
            "--retry-later",
            action="store_true",
            help="Nếu nền tảng không trả lời, giao cho tiến trình nền thử lại sau.",
        )

    def handle(self, *args, date: date | None, retry_later: bool, **options):
        day = date or yesterday()
        try:
            mismatches = payments_reconcile(day=day)
        except Unavailable as error:
            if not retry_later:
                raise CommandError(error.detail) from error
            enqueue(reconcile_payments, day.isoformat())
            self.stdout.write(f"{error.detail} Đã xếp lịch đối soát lại ngày {day:%d/%m/%Y}.")
            return
        self.stdout.write(f"Đối soát ngày {day:%d/%m/%Y}: {len(mismatches)} chênh lệch.")
        for mismatch in mismatches:
            self.stdout.write(
                f"  {mismatch.get_kind_display()}: {mismatch.order_ref} "
                f"(hệ thống {mismatch.our_amount}, nền tảng {mismatch.platform_amount})"
            )
