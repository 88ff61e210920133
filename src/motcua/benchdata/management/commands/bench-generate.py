"""`motcua bench-generate`: a province with its catalogue and N dossiers, for the benchmarks."""

import os
import secrets
import time

from django.core.management.base import BaseCommand, CommandError

from motcua.agencies.models import Agency
from motcua.benchdata.generate import bench_accounts, generate
from motcua.benchdata.generate import remove_filings as _remove_filings

PASSWORD_ENV = "MOTCUA_BENCH_PASSWORD"


class Command(BaseCommand):
    help = (
        "Sinh dữ liệu tổng hợp cấp tỉnh (≈200 cơ quan, 2.000 thủ tục, N hồ sơ) vào CSDL trống "
        f"để đo hiệu năng. Mật khẩu các tài khoản đo lấy từ biến môi trường {PASSWORD_ENV}."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dossiers", type=int, default=1_000_000,
                            help="Số hồ sơ (mặc định 1.000.000).")  # fmt: skip
        parser.add_argument("--seed", type=int, default=20261123, help="Hạt giống ngẫu nhiên.")
        parser.add_argument("--accounts-only", action="store_true",
                            help="Chỉ đặt lại mật khẩu tài khoản đo.")  # fmt: skip
        parser.add_argument("--remove-filings", action="store_true",
                            help="Cùng --accounts-only: xoá các hồ sơ tài khoản đo đã nộp qua API "
                                 "ở các lượt đo trước.")  # fmt: skip

    def handle(self, *args, dossiers: int, seed: int, accounts_only: bool, remove_filings: bool,
               **options) -> None:  # fmt: skip
        password = os.environ.get(PASSWORD_ENV) or secrets.token_urlsafe(24)
        if accounts_only:
            if not Agency.objects.filter(code="H44.30").exists():
                raise CommandError("CSDL chưa có dữ liệu tổng hợp: chạy bench-generate trước.")
            bench_accounts(password)
            self.stdout.write("Đã đặt lại mật khẩu các tài khoản đo hiệu năng.")
            if remove_filings:
                self.stdout.write(f"Đã xoá {_remove_filings()} hồ sơ nộp ở các lượt đo trước.")
            return
        if Agency.objects.exists():
            raise CommandError("CSDL đã có cơ quan: chỉ sinh dữ liệu tổng hợp vào CSDL trống.")
        if dossiers < 0:
            raise CommandError("Số hồ sơ không được âm.")
        started = time.monotonic()
        summary = generate(dossiers=dossiers, seed=seed, password=password,
                           progress=self.stdout.write)  # fmt: skip
        self.stdout.write(f"{summary} ({time.monotonic() - started:.0f} s)")
