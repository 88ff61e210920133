"""The 766 index as the national portal computes it in 2026 (shared/design/INDEX-766.md), as rows.

A revised decision is a new data migration (or an edit in the admin), not a change of code.
"""

from datetime import date
from decimal import Decimal

from django.db import migrations

DECISION = "766/QĐ-TTg"
VALID_FROM = date(2026, 1, 1)

GROUPS = [
    ("transparency", "Công khai, minh bạch", 18),
    ("progress", "Tiến độ giải quyết", 20),
    ("online_service", "Dịch vụ công trực tuyến", 12),
    ("online_payment", "Thanh toán trực tuyến", 10),
    ("digitisation", "Số hóa hồ sơ", 22),
    ("satisfaction", "Mức độ hài lòng", 18),
]

# group, key, name, numerator, denominator, max, rule, threshold, scope, when empty
INDICATORS = [
    ("transparency", "publish_on_time", "Thủ tục được công bố đúng hạn",
     "Thủ tục có quyết định công bố ban hành trước ngày văn bản quy định có hiệu lực ít nhất 5 "
     "ngày làm việc (cấp tỉnh; 20 ngày với bộ, ngành)",
     "Thủ tục trong các quyết định công bố ban hành trong kỳ", 6, "linear", None, "P+C", "full"),
    ("transparency", "update_on_time", "Thủ tục được cập nhật lên CSDL quốc gia đúng hạn",
     "Thủ tục được công khai trên CSDL quốc gia trong 5 ngày làm việc (cấp tỉnh; 10 ngày với "
     "bộ, ngành) kể từ ngày quyết định công bố",
     "Thủ tục được công bố hoặc đến hạn công khai trong kỳ", 4, "linear", None, "P+C", "full"),
    ("transparency", "content_complete", "Thủ tục được công khai đầy đủ các bộ phận",
     "Thủ tục có đủ tên, trình tự, cách thức, thành phần và số lượng hồ sơ, thời hạn, đối "
     "tượng, cơ quan thực hiện", "Thủ tục đang được công khai", 2, "linear", None, "P+C", "full"),
    ("transparency", "dossier_sync", "Hồ sơ được đồng bộ trực tuyến lên Cổng DVC quốc gia",
     "Hồ sơ tiếp nhận trong kỳ đã được đồng bộ",
     "Hồ sơ tiếp nhận trong kỳ (số lớn hơn giữa hệ thống và Cổng DVC quốc gia)",
     6, "linear", None, "P+C", "full"),
    ("progress", "on_time", "Hồ sơ giải quyết trước hạn, đúng hạn hoặc đang giải quyết trong hạn",
     "Hồ sơ giải quyết trước hạn, đúng hạn và đang giải quyết trong hạn (trừ thời gian chờ bổ "
     "sung; bổ sung quá một lần tính là quá hạn)", "Hồ sơ tiếp nhận và xử lý trong kỳ",
     20, "linear", None, "P+C", "full"),
    ("progress", "average_time", "Thời gian giải quyết trung bình",
     "Tổng thời gian giải quyết của hồ sơ đã có kết quả (ngày)", "Hồ sơ đã có kết quả",
     0, "info", None, "P+C", "full"),
    ("online_service", "online_offered", "Thủ tục cung cấp dịch vụ công trực tuyến",
     "Thủ tục có dịch vụ công trực tuyến (toàn trình hoặc một phần)", "Thủ tục của đơn vị",
     2, "cap", "0.800", "P+C", "full"),
    ("online_service", "online_used", "Dịch vụ công trực tuyến phát sinh hồ sơ",
     "Dịch vụ có ít nhất một hồ sơ trực tuyến", "Dịch vụ công trực tuyến",
     4, "linear", None, "P+C", "full"),
    ("online_service", "online_share", "Hồ sơ nộp trực tuyến",
     "Hồ sơ tiếp nhận trực tuyến trong kỳ", "Hồ sơ tiếp nhận trong kỳ",
     6, "cap", "0.500", "P+C", "full"),
    ("online_payment", "payment_integrated", "Thủ tục có phí, lệ phí tích hợp thanh toán trực "
     "tuyến", "Thủ tục có dữ liệu phí, lệ phí được đồng bộ", "Thủ tục có phí, lệ phí",
     2, "cap", "0.800", "P+C", "full"),
    ("online_payment", "payment_used", "Thủ tục có phát sinh thanh toán trực tuyến",
     "Thủ tục có ít nhất một giao dịch thanh toán trực tuyến thành công",
     "Thủ tục có phí, lệ phí", 2, "cap", "0.800", "P+C", "full"),
    ("online_payment", "payment_share", "Hồ sơ thanh toán trực tuyến",
     "Hồ sơ thanh toán trực tuyến, bắt đầu xử lý trong kỳ",
     "Hồ sơ của thủ tục có phí, lệ phí (trừ hồ sơ được miễn toàn bộ)",
     6, "linear", None, "P+C", "full"),
    ("digitisation", "electronic_result", "Hồ sơ có kết quả điện tử",
     "Hồ sơ có tệp kết quả, của thủ tục trả kết quả bản giấy", "Hồ sơ của các thủ tục đó",
     6, "linear", None, "P+C", "full"),
    ("digitisation", "digitised", "Hồ sơ được số hóa",
     "Hồ sơ có tệp cho các thành phần hồ sơ và tệp kết quả", "Hồ sơ của đơn vị",
     4, "cap", "0.800", "P+C", "full"),
    ("digitisation", "certified_copy", "Đơn vị cấp xã cung cấp chứng thực bản sao điện tử",
     "Đơn vị cấp xã thực hiện chứng thực điện tử", "Đơn vị cấp xã",
     2, "linear", None, "P+C", "full"),
    ("digitisation", "reuse", "Hồ sơ sử dụng lại dữ liệu số hóa",
     "Hồ sơ tiếp nhận trong kỳ có ít nhất một thành phần lấy từ dữ liệu đã số hóa",
     "Hồ sơ tiếp nhận trong kỳ", 2, "cap", "0.800", "P+C", "full"),
    ("digitisation", "personal_store", "Hồ sơ kết nối kho dữ liệu cá nhân",
     "Hồ sơ có thành phần lấy từ kho hoặc kết quả được đưa vào kho", "Hồ sơ tiếp nhận trong kỳ",
     4, "linear", None, "P+C", "full"),
    ("digitisation", "population_data_dossiers", "Hồ sơ sử dụng dữ liệu dân cư",
     "Hồ sơ có người nộp xác thực VNeID hoặc dữ liệu lấy từ CSDL quốc gia về dân cư",
     "Tất cả hồ sơ", 2, "linear", None, "P", "full"),
    ("digitisation", "population_data_procedures", "Thủ tục kết nối dữ liệu dân cư",
     "Thủ tục có hồ sơ như trên", "Thủ tục dành cho cá nhân", 2, "linear", None, "P", "full"),
    ("satisfaction", "petitions_on_time", "Phản ánh, kiến nghị được xử lý đúng hạn",
     "Đã xử lý đúng hạn và đang xử lý trong 15 ngày làm việc", "Phản ánh, kiến nghị của đơn vị",
     6, "linear", None, "P+C", "full"),
    ("satisfaction", "petitions_satisfied", "Mức độ hài lòng về xử lý phản ánh, kiến nghị",
     "Phản ánh, kiến nghị trừ số không hài lòng, quá hạn hoặc lặp lại",
     "Phản ánh, kiến nghị tiếp nhận lần đầu trong kỳ", 6, "linear", None, "P+C", "full"),
    ("satisfaction", "dossier_satisfaction", "Mức độ hài lòng về tiếp nhận, giải quyết hồ sơ",
     "1 − (tỷ lệ quá hạn + tỷ lệ hồ sơ bị phản ánh hoặc đánh giá không hài lòng)",
     "Hồ sơ tiếp nhận hoặc giải quyết", 6, "cap", "0.900", "P+C", "zero"),
    ("satisfaction", "petitions_by_kind", "Phân loại phản ánh, kiến nghị (về quy định, về cán bộ)",
     "", "", 0, "info", None, "P+C", "full"),
]  # fmt: skip


def load(apps, schema_editor):
    IndicatorGroup = apps.get_model("reports", "IndicatorGroup")
    Indicator = apps.get_model("reports", "Indicator")
    groups = {}
    for order, (key, name, points) in enumerate(GROUPS):
        groups[key] = IndicatorGroup.objects.create(
            key=key, name=name, max_points=Decimal(points), order=order
        )
    for order, row in enumerate(INDICATORS):
        group, key, name, numerator, denominator, points, rule, threshold, scope, empty = row
        Indicator.objects.create(
            group=groups[group], key=key, name=name, numerator=numerator,
            denominator=denominator, max_points=Decimal(points), rule=rule,
            threshold=Decimal(threshold) if threshold else None, scope=scope, when_empty=empty,
            decision=DECISION, valid_from=VALID_FROM, order=order,
        )  # fmt: skip


def unload(apps, schema_editor):
    apps.get_model("reports", "Indicator").objects.filter(decision=DECISION).delete()
    apps.get_model("reports", "IndicatorGroup").objects.filter(indicators=None).delete()


class Migration(migrations.Migration):
    dependencies = [("reports", "0001_initial")]

    operations = [migrations.RunPython(load, unload)]
