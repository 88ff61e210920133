"""`motcua reconcile-portal [--since YYYY-MM-DD]`: compare our statuses with the national portal's
and re-push every difference through the outbox."""

from datetime import date, datetime, time

from django.core.management.base import BaseCommand, CommandError

from motcua.core.calendar import LOCAL_TZ
from motcua.core.errors import Unavailable
from motcua.integrations.reconciliation import portal_reconcile


class Command(BaseCommand):
    help = (
        "Đối soát trạng thái hồ sơ với Cổng Dịch vụ công quốc gia; hồ sơ nào lệch thì gửi lại "
        "qua hàng đợi đồng bộ."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--since",
            type=date.fromisoformat,
            default=None,
            help="YYYY-MM-DD: chỉ hồ sơ có thay đổi từ ngày này (giờ Việt Nam); mặc định: tất cả.",
        )

    def handle(self, *args, since: date | None, **options):
        start = datetime.combine(since, time.min, tzinfo=LOCAL_TZ) if since else None
        try:
            found = portal_reconcile(since=start)
        except Unavailable as error:
            raise CommandError(error.detail) from error
        scope = f"từ ngày {since:%d/%m/%Y}" if since else "tất cả hồ sơ"
        self.stdout.write(
            f"Đối soát với Cổng DVC quốc gia ({scope}): kiểm tra {found.checked}, "
            f"khớp {found.matching}, gửi lại {found.repushed} "
            f"(Cổng chưa có {found.missing}), đang chờ gửi {found.pending}."
        )
