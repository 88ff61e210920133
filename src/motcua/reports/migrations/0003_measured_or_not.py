"""Measured or not (INDEX-766.md): each indicator says what the system lacks to measure it, and
the facts and counters count the dossiers whose receipt the national portal acknowledged.

Facts stored before this migration count no dossier as synced: run `motcua rebuild-reports`
once after upgrading.
"""

from django.db import migrations, models

PETITIONS = "Hệ thống chưa có phân hệ tiếp nhận, xử lý phản ánh, kiến nghị."
POPULATION = (
    "Hệ thống chưa ghi nhận hồ sơ có người nộp xác thực VNeID hoặc dữ liệu lấy từ CSDL quốc gia "
    "về dân cư."
)
MISSING = {
    "publish_on_time": "Chưa có thủ tục nào của đơn vị được ghi quyết định công bố (số, ngày "
    "ban hành, ngày văn bản quy định có hiệu lực).",
    "update_on_time": "Chưa có thủ tục nào của đơn vị được ghi quyết định công bố và ngày công "
    "khai trên CSDL quốc gia về TTHC.",
    "certified_copy": "Hệ thống chưa ghi nhận đơn vị cấp xã nào thực hiện chứng thực bản sao "
    "điện tử.",
    "personal_store": "Hệ thống chưa kết nối kho quản lý dữ liệu điện tử của tổ chức, cá nhân.",
    "population_data_dossiers": POPULATION,
    "population_data_procedures": POPULATION,
    "petitions_on_time": PETITIONS,
    "petitions_satisfied": PETITIONS,
    "petitions_by_kind": PETITIONS,
}


def load(apps, schema_editor):
    Indicator = apps.get_model("reports", "Indicator")
    for key, text in MISSING.items():
        Indicator.objects.filter(key=key).update(missing=text)


class Migration(migrations.Migration):
    dependencies = [
        ("reports", "0002_index_766_2026"),
    ]

    operations = [
        migrations.AddField(
            model_name="dossierfact",
            name="synced",
            field=models.BooleanField(default=False),
        ),
        migrations.AddField(
            model_name="indicator",
            name="missing",
            field=models.TextField(
                blank=True,
                help_text="Hiển thị khi chỉ số chưa đo được: dữ liệu nào hệ thống còn thiếu.",
                verbose_name="dữ liệu hệ thống chưa có",
            ),
        ),
        migrations.AddField(
            model_name="reportcounter",
            name="synced",
            field=models.BigIntegerField(default=0),
        ),
        migrations.RunPython(load, migrations.RunPython.noop),
    ]
