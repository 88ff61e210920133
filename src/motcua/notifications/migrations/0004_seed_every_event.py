"""The wording of every event that changes what the applicant must do, per case (decision 0017).

Existing installs keep their own edits: the result message seeded in 0002 (collect at the desk
with the receipt) becomes the desk case of `approve`, and the supplement request of 0002 (contact
the desk) the case of dossiers filed at the desk or by post; the other cases and events are
added beside them. ZNS template ids are placeholders until the templates are registered with Zalo.
"""

from django.db import migrations

SIGNATURE = "\n\nTrân trọng,\nBộ phận Một cửa — {{ agency }}"
LOOKUP = "\n\nTra cứu tình trạng hồ sơ tại: {{ lookup_url }}"
GREETING = "Kính gửi ông/bà {{ applicant_name }},\n\n"
RECEIPT = (
    "mang theo Giấy tiếp nhận hồ sơ và hẹn trả kết quả (hoặc mã hồ sơ) cùng giấy tờ tùy thân "
    "đến Bộ phận Một cửa {{ agency }} trong giờ hành chính"
)
RATE = "\n\nMời ông/bà đánh giá mức độ hài lòng về việc giải quyết hồ sơ tại: {{ dossier_url }}"
FOR = "{{ code }} ({{ procedure }})"


def zns(template_id: str, **params: str) -> tuple[str, dict]:
    return template_id, {"customer_name": "{{ applicant_name }}", "dossier_code": "{{ code }}",
                         **params}  # fmt: skip


# (event, case) → e-mail subject and body, SMS text (also the ZNS fallback text), ZNS id and
# parameters.
TEMPLATES = {
    ("request_supplement", "online"): {
        "subject": "Hồ sơ {{ code }} cần bổ sung, hoàn thiện",
        "body": GREETING + "{{ agency }} đề nghị ông/bà bổ sung, hoàn thiện hồ sơ " + FOR + ".\n"
        "{% if note %}Nội dung cần bổ sung: {{ note }}\n{% endif %}"
        "{% if items %}Giấy tờ cần bổ sung: {{ items }}\n{% endif %}"
        "Nộp bổ sung trực tuyến tại: {{ dossier_url }} (đăng nhập bằng tài khoản VNeID).\n"
        "Thời gian chờ bổ sung không tính vào thời hạn giải quyết." + SIGNATURE,
        "sms": "Hồ sơ {{ code }} cần bổ sung, hoàn thiện: {% firstof note items %}. "
        "Nộp bổ sung trực tuyến tại {{ dossier_url }}",
        "zns": zns("310005", missing="{% firstof note items %}", url="{{ dossier_url }}"),
    },
    ("submit_supplement", ""): {
        "subject": "Hồ sơ {{ code }} đã được bổ sung",
        "body": GREETING + "{{ agency }} đã nhận giấy tờ bổ sung cho hồ sơ " + FOR + "; hồ sơ "
        "tiếp tục được xem xét, giải quyết.\n{% if due_at %}Hẹn trả kết quả: {{ due_at }}\n"
        "{% endif %}" + LOOKUP + SIGNATURE,
        "sms": "{{ agency }} đã nhận giấy tờ bổ sung cho hồ sơ {{ code }}."
        "{% if due_at %} Hẹn trả kết quả: {{ due_at }}.{% endif %}",
        "zns": zns("310006", agency="{{ agency }}", due_date="{{ due_at }}"),
    },
    ("refuse", ""): {
        "subject": "Hồ sơ {{ code }} không được tiếp nhận",
        "body": GREETING + "{{ agency }} từ chối tiếp nhận hồ sơ " + FOR + " của ông/bà.\n"
        "Lý do: {{ note }}\n\nHồ sơ không được giải quyết. Khi khắc phục được lý do trên, ông/bà "
        "có thể nộp hồ sơ mới." + SIGNATURE,
        "sms": "{{ agency }} từ chối tiếp nhận hồ sơ {{ code }}. Lý do: {{ note }}.",
        "zns": zns("310007", agency="{{ agency }}", reason="{{ note }}"),
    },
    ("request_payment", ""): {
        "subject": "Hồ sơ {{ code }}: đề nghị nộp phí, lệ phí",
        "body": GREETING + "Để tiếp tục giải quyết hồ sơ " + FOR + ", ông/bà cần nộp phí, lệ "
        "phí: {{ amount }}.\n\nNộp trực tuyến: đăng nhập bằng tài khoản VNeID tại {{ dossier_url }}"
        ", chọn “Thanh toán trực tuyến” và thanh toán trên Nền tảng thanh toán trực tuyến quốc "
        "gia. Ông/bà cũng có thể nộp tại Bộ phận Một cửa {{ agency }}.\nThời hạn giải quyết hồ sơ "
        "tiếp tục được tính khi đã nộp đủ." + SIGNATURE,
        "sms": "Hồ sơ {{ code }}: đề nghị nộp {{ amount }} phí, lệ phí. Thanh toán trực tuyến "
        "tại {{ dossier_url }} hoặc tại Bộ phận Một cửa {{ agency }}.",
        "zns": zns("310008", amount="{{ amount }}", url="{{ dossier_url }}"),
    },
    ("record_payment", ""): {
        "subject": "Hồ sơ {{ code }}: đã nhận thanh toán {{ paid }}",
        "body": GREETING
        + "{{ agency }} đã nhận khoản thanh toán {{ paid }} cho hồ sơ "
        + FOR
        + ", biên lai số {{ receipt_number }}.\n{% if amount %}Số tiền còn phải nộp: {{ amount }}."
        "{% else %}Ông/bà đã hoàn thành nghĩa vụ tài chính; hồ sơ tiếp tục được giải quyết."
        "{% endif %}" + LOOKUP + SIGNATURE,
        "sms": "Đã nhận {{ paid }} cho hồ sơ {{ code }}, biên lai số {{ receipt_number }}."
        "{% if amount %} Còn phải nộp: {{ amount }}.{% endif %}",
        "zns": zns(
            "310009",
            paid="{{ paid }}",
            receipt_number="{{ receipt_number }}",
            remaining="{{ amount|default:'0 đồng' }}",
        ),  # fmt: skip
    },
    ("approve", "result_online"): {
        "subject": "Hồ sơ {{ code }} đã có kết quả",
        "body": GREETING + "Hồ sơ " + FOR + " của ông/bà đã có kết quả, là bản điện tử có chữ "
        "ký số của {{ agency }}.\n\nCách nhận kết quả: đăng nhập bằng tài khoản VNeID tại "
        "{{ dossier_url }} để tải kết quả về. Ông/bà không cần đến Bộ phận Một cửa." + SIGNATURE,
        "sms": "Hồ sơ {{ code }} đã có kết quả điện tử. Tải kết quả tại {{ dossier_url }} "
        "(đăng nhập VNeID), không cần đến Bộ phận Một cửa.",
        "zns": zns("310010", agency="{{ agency }}", url="{{ dossier_url }}"),
    },
    ("approve", "result_post"): {
        "subject": "Hồ sơ {{ code }} đã có kết quả",
        "body": GREETING + "Hồ sơ " + FOR + " của ông/bà đã có kết quả.\n\nKết quả sẽ được gửi "
        "qua dịch vụ bưu chính công ích đến địa chỉ ông/bà đã đăng ký; ông/bà không cần đến Bộ "
        "phận Một cửa." + LOOKUP + SIGNATURE,
        "sms": "Hồ sơ {{ code }} đã có kết quả, sẽ được gửi đến ông/bà qua dịch vụ bưu chính "
        "công ích.",
        "zns": zns("310011", agency="{{ agency }}"),
    },
    ("return_result", "result_online"): {
        "subject": "Hồ sơ {{ code }} đã được trả kết quả",
        "body": GREETING + "{{ agency }} đã trả kết quả hồ sơ " + FOR + " trực tuyến. Ông/bà "
        "tải kết quả tại {{ dossier_url }} (đăng nhập bằng tài khoản VNeID)." + RATE + SIGNATURE,
        "sms": "Hồ sơ {{ code }} đã được trả kết quả trực tuyến. Tải kết quả và đánh giá tại "
        "{{ dossier_url }}",
        "zns": zns("310012", agency="{{ agency }}", url="{{ dossier_url }}"),
    },
    ("return_result", "result_post"): {
        "subject": "Hồ sơ {{ code }} đã được trả kết quả",
        "body": GREETING + "{{ agency }} đã gửi kết quả hồ sơ " + FOR + " qua dịch vụ bưu chính "
        "công ích đến địa chỉ ông/bà đã đăng ký." + RATE + SIGNATURE,
        "sms": "Kết quả hồ sơ {{ code }} đã được gửi qua dịch vụ bưu chính công ích. Đánh giá "
        "tại {{ dossier_url }}",
        "zns": zns("310013", agency="{{ agency }}", url="{{ dossier_url }}"),
    },
    ("return_result", "result_desk"): {
        "subject": "Hồ sơ {{ code }} đã được trả kết quả",
        "body": GREETING
        + "{{ agency }} đã trả kết quả hồ sơ "
        + FOR
        + " tại Bộ phận Một cửa."
        + RATE
        + SIGNATURE,
        "sms": "Hồ sơ {{ code }} đã được trả kết quả. Đánh giá mức độ hài lòng tại "
        "{{ dossier_url }}",
        "zns": zns("310014", agency="{{ agency }}", url="{{ dossier_url }}"),
    },
    ("reject", "result_online"): {
        "subject": "Hồ sơ {{ code }} không được giải quyết",
        "body": GREETING + "{{ agency }} không giải quyết hồ sơ " + FOR + " của ông/bà.\n"
        "Lý do: {{ note }}\n\nVăn bản trả lời là bản điện tử có chữ ký số: đăng nhập bằng tài "
        "khoản VNeID tại {{ dossier_url }} để tải về." + SIGNATURE,
        "sms": "{{ agency }} không giải quyết hồ sơ {{ code }}. Lý do: {{ note }}. Văn bản trả "
        "lời tại {{ dossier_url }}",
        "zns": zns("310015", agency="{{ agency }}", reason="{{ note }}", url="{{ dossier_url }}"),
    },
    ("reject", "result_desk"): {
        "subject": "Hồ sơ {{ code }} không được giải quyết",
        "body": GREETING + "{{ agency }} không giải quyết hồ sơ " + FOR + " của ông/bà.\n"
        "Lý do: {{ note }}\n\nĐể nhận văn bản trả lời và giấy tờ đã nộp, mời ông/bà "
        + RECEIPT
        + "."
        + LOOKUP
        + SIGNATURE,
        "sms": "{{ agency }} không giải quyết hồ sơ {{ code }}. Lý do: {{ note }}. Mời ông/bà "
        "mang giấy hẹn đến Bộ phận Một cửa để nhận văn bản trả lời.",
        "zns": zns("310016", agency="{{ agency }}", reason="{{ note }}"),
    },
    ("reject", "result_post"): {
        "subject": "Hồ sơ {{ code }} không được giải quyết",
        "body": GREETING + "{{ agency }} không giải quyết hồ sơ " + FOR + " của ông/bà.\n"
        "Lý do: {{ note }}\n\nVăn bản trả lời được gửi qua dịch vụ bưu chính công ích đến địa "
        "chỉ ông/bà đã đăng ký." + LOOKUP + SIGNATURE,
        "sms": "{{ agency }} không giải quyết hồ sơ {{ code }}. Lý do: {{ note }}. Văn bản trả "
        "lời được gửi qua dịch vụ bưu chính công ích.",
        "zns": zns("310017", agency="{{ agency }}", reason="{{ note }}"),
    },
    ("pause", ""): {
        "subject": "Hồ sơ {{ code }} tạm dừng giải quyết",
        "body": GREETING + "{{ agency }} tạm dừng giải quyết hồ sơ " + FOR + ".\nCăn cứ: "
        "{{ note }}\n\nThời gian tạm dừng không tính vào thời hạn giải quyết; ngày hẹn trả kết "
        "quả mới sẽ được báo khi hồ sơ tiếp tục được giải quyết." + LOOKUP + SIGNATURE,
        "sms": "Hồ sơ {{ code }} tạm dừng giải quyết: {{ note }}. Ngày hẹn trả kết quả mới sẽ "
        "được báo sau.",
        "zns": zns("310018", agency="{{ agency }}", reason="{{ note }}"),
    },
    ("resume", ""): {
        "subject": "Hồ sơ {{ code }} tiếp tục được giải quyết",
        "body": GREETING + "{{ agency }} tiếp tục giải quyết hồ sơ " + FOR + ".\n"
        "Hẹn trả kết quả mới: {{ due_at }}" + LOOKUP + SIGNATURE,
        "sms": "Hồ sơ {{ code }} tiếp tục được giải quyết. Hẹn trả kết quả mới: {{ due_at }}.",
        "zns": zns("310019", agency="{{ agency }}", due_date="{{ due_at }}"),
    },
    ("withdraw", ""): {
        "subject": "Hồ sơ {{ code }} đã dừng giải quyết",
        "body": GREETING
        + "Theo đề nghị của ông/bà, {{ agency }} đã dừng giải quyết hồ sơ "
        + FOR
        + ".\n{% if note %}Nội dung đề nghị: {{ note }}\n{% endif %}Giấy tờ bản gốc đã nộp (nếu "
        "có) được trả lại tại Bộ phận Một cửa {{ agency }}." + SIGNATURE,
        "sms": "Hồ sơ {{ code }} đã dừng giải quyết theo đề nghị của ông/bà"
        "{% if note %}: {{ note }}{% endif %}.",
        "zns": zns("310020", agency="{{ agency }}", reason="{{ note }}"),
    },
}
# The wordings of 0002 that now serve one case of their event.
CASE_OF_SEEDED = {"approve": "result_desk", "request_supplement": "offline"}


def seed(apps, schema_editor):
    MessageTemplate = apps.get_model("notifications", "MessageTemplate")
    for event, variant in CASE_OF_SEEDED.items():
        MessageTemplate.objects.filter(event=event, variant="").update(variant=variant)
    for (event, variant), wording in TEMPLATES.items():
        template_id, params = wording["zns"]
        rows = {
            "email": {"subject": wording["subject"], "body": wording["body"]},
            "sms": {"body": wording["sms"]},
            "zns": {"body": wording["sms"], "zns_template_id": template_id, "zns_params": params},
        }
        for channel, fields in rows.items():
            MessageTemplate.objects.get_or_create(
                event=event, variant=variant, channel=channel, defaults=fields
            )


def unseed(apps, schema_editor):
    MessageTemplate = apps.get_model("notifications", "MessageTemplate")
    for event, variant in TEMPLATES:
        MessageTemplate.objects.filter(event=event, variant=variant).delete()
    for event, variant in CASE_OF_SEEDED.items():
        MessageTemplate.objects.filter(event=event, variant=variant).update(variant="")


class Migration(migrations.Migration):
    dependencies = [("notifications", "0003_message_template_variants")]

    operations = [migrations.RunPython(seed, unseed)]
