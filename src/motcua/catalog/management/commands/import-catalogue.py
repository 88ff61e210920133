"""`motcua import-catalogue FILE`: import procedures, fees, documents and processes from .xlsx."""

from django.core.management.base import BaseCommand, CommandError

from motcua.catalog.importer import CatalogueImportError, catalogue_actor, catalogue_import


class Command(BaseCommand):
    help = (
        "Nhập danh mục thủ tục hành chính từ tệp Excel theo mẫu (docs/catalogue-template.md): "
        "kiểm tra mọi dòng, có lỗi thì không nhập gì."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("file", help="tệp .xlsx theo mẫu")
        parser.add_argument(
            "--user",
            help="tài khoản quản trị thực hiện (mặc định: tài khoản hệ thống «he-thong»)",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="chỉ kiểm tra, không ghi vào danh mục"
        )

    def handle(self, *args, **options) -> None:
        try:
            actor = catalogue_actor(options["user"])
            summary = catalogue_import(
                actor=actor, source=options["file"], dry_run=options["dry_run"]
            )
        except CatalogueImportError as exc:
            lines = "\n".join(f"  {error}" for error in exc.errors)
            raise CommandError(
                f"Tệp có {len(exc.errors)} lỗi, không nhập dữ liệu nào:\n{lines}"
            ) from exc
        verb = "Kiểm tra xong, có thể nhập" if options["dry_run"] else "Đã nhập"
        self.stdout.write(self.style.SUCCESS(f"{verb}: {summary}."))
