"""`motcua export-catalogue-template FILE`: write the empty catalogue workbook to fill in."""

from django.core.management.base import BaseCommand

from motcua.catalog.importer import template_write


class Command(BaseCommand):
    help = "Xuất tệp Excel mẫu để nhập danh mục thủ tục (tiêu đề cột và một dòng ví dụ mỗi trang)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("file", help="tệp .xlsx sẽ ghi")

    def handle(self, *args, **options) -> None:
        template_write(options["file"])
        self.stdout.write(self.style.SUCCESS(f"Đã ghi tệp mẫu {options['file']}."))
