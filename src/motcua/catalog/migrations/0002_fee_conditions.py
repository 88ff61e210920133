import re
import unicodedata

from django.db import migrations, models

# A line whose name says it is charged from a given copy on ("Phí cấp từ Phiếu thứ 3 trở đi",
# "… từ bản thứ hai"): charged per copy beyond the ones before it. Every other line stays
# `always` (notes are not read: "mỗi trang; từ trang thứ ba …" describes a price, not a line).
FROM_COPY = re.compile(r"\btừ\s+(?:phiếu|bản|tờ|trang)\s+thứ\s+(\d+|[^\W\d_]+)", re.IGNORECASE)
NUMBERS = {"hai": 2, "ba": 3, "tư": 4, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7, "tám": 8,
           "chín": 9, "mười": 10}  # fmt: skip


def copies_before(name: str) -> int | None:
    """How many copies a line named `name` leaves uncharged, or None when it is not conditional."""
    found = FROM_COPY.search(unicodedata.normalize("NFC", name))
    if found is None:
        return None
    word = found.group(1).lower()
    number = int(word) if word.isdigit() else NUMBERS.get(word)
    return None if number is None or number < 1 else number - 1


def conditions_from_names(apps, schema_editor):
    FeeItem = apps.get_model("catalog", "FeeItem")
    for item in FeeItem.objects.only("name"):
        included = copies_before(item.name)
        if included is not None:
            item.condition, item.included = "per_extra_copy", included
            item.save(update_fields=["condition", "included"])


class Migration(migrations.Migration):
    dependencies = [
        ("catalog", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="feeitem",
            name="condition",
            field=models.CharField(
                choices=[
                    ("always", "luôn thu"),
                    ("per_extra_copy", "mỗi bản vượt số bản đã gồm"),
                    ("chosen", "khi được chọn"),
                ],
                default="always",
                max_length=16,
                verbose_name="điều kiện thu",
            ),
        ),
        migrations.AddField(
            model_name="feeitem",
            name="included",
            field=models.PositiveSmallIntegerField(
                default=0,
                help_text="Thu theo bản vượt: số bản không thu khoản này (2 khi thu từ bản thứ 3).",
                verbose_name="số bản đã gồm",
            ),
        ),
        migrations.RunPython(conditions_from_names, migrations.RunPython.noop),
    ]
