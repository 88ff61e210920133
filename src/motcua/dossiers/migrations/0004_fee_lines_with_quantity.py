from django.db import migrations, models
from django.db.models import F

# Dossiers not yet asked to pay and with nothing paid take the conditions their procedure's
# lines now carry (catalog 0002); every other line stays as it was charged.
NOT_YET_ASKED = ["submitted", "supplement_requested", "received", "processing", "paused"]


def lines_with_quantity(apps, schema_editor):
    DossierFee = apps.get_model("dossiers", "DossierFee")
    FeeItem = apps.get_model("catalog", "FeeItem")
    DossierFee.objects.update(unit_amount=F("amount"))
    for item in FeeItem.objects.exclude(condition="always"):
        extra = item.condition == "per_extra_copy"
        quantity = 1 if extra else 0  # one copy asked; a chosen line not chosen
        charged = max(0, quantity - item.included) if extra else quantity
        DossierFee.objects.filter(
            dossier__procedure_id=item.procedure_id,
            dossier__status__in=NOT_YET_ASKED,
            dossier__payments__isnull=True,
            name=item.name,
        ).update(condition=item.condition, included=item.included, quantity=quantity,
                 amount=charged * item.amount)  # fmt: skip


class Migration(migrations.Migration):
    dependencies = [
        ("catalog", "0002_fee_conditions"),
        ("dossiers", "0003_rating_criteria"),
    ]

    operations = [
        migrations.AddField(
            model_name="dossierfee",
            name="condition",
            field=models.CharField(
                choices=[
                    ("always", "luôn thu"),
                    ("per_extra_copy", "mỗi bản vượt số bản đã gồm"),
                    ("chosen", "khi được chọn"),
                ],
                default="always",
                max_length=16,
            ),
        ),
        migrations.AddField(
            model_name="dossierfee",
            name="included",
            field=models.PositiveSmallIntegerField(default=0),
        ),
        migrations.AddField(
            model_name="dossierfee",
            name="quantity",
            field=models.PositiveIntegerField(default=1),
        ),
        migrations.AddField(
            model_name="dossierfee",
            name="unit_amount",
            field=models.PositiveBigIntegerField(default=0),
        ),
        migrations.RunPython(lines_with_quantity, migrations.RunPython.noop),
    ]
