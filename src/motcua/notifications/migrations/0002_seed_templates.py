"""The province's starting wording of the messages to applicants; the IT centre edits it in the
admin. ZNS template ids are placeholders until the templates are registered with Zalo."""

from django.db import migrations

SIGNATURE = "\n\nTrân trọng,\nBộ phận Một cửa — {{ agency }}"
LOOKUP = "\n\nTra cứu tình trạng hồ sơ tại: {{ lookup_url }}"
GREETING = "Kính gửi ông/bà {{ applicant_name }},\n\n"

TEMPLATES = {
    "receive": {
        "subject": "Hồ sơ {{ code }} đã được tiếp nhận",
        "body": GREETING + "{{ agency }} đã tiếp nhận hồ sơ của ông/bà.\n"
        "Mã hồ sơ: {{ code }}\nThủ tục: {{ procedure }}\nHẹn trả kết quả: {{ due_at }}"
        + LOOKUP
        + SIGNATURE,
        "sms": "{{ agency }} đã tiếp nhận hồ sơ {{ code }}. Hẹn trả kết quả: {{ due_at }}. "
        "Tra cứu: {{ lookup_url }}",
        "zns": (
            "310001",
            {
                "customer_name": "{{ applicant_name }}",
                "dossier_code": "{{ code }}",
                "agency": "{{ agency }}",
                "due_date": "{{ due_at }}",
            },
        ),
    },
    "request_supplement": {
        "subject": "Hồ sơ {{ code }} cần bổ sung, hoàn thiện",
        "body": GREETING + "{{ agency }} đề nghị ông/bà bổ sung, hoàn thiện hồ sơ {{ code }} "
        "({{ procedure }}).\n{% if note %}Nội dung cần bổ sung: {{ note }}\n{% endif %}"
        "{% if items %}Giấy tờ cần bổ sung: {{ items }}\n{% endif %}"
        "Thời gian chờ bổ sung không tính vào thời hạn giải quyết." + LOOKUP + SIGNATURE,
        "sms": "Hồ sơ {{ code }} cần bổ sung, hoàn thiện: {% firstof note items %}. "
        "Liên hệ Bộ phận Một cửa {{ agency }}.",
        "zns": (
            "310002",
            {
                "customer_name": "{{ applicant_name }}",
                "dossier_code": "{{ code }}",
                "missing": "{% firstof note items %}",
                "agency": "{{ agency }}",
            },
        ),
    },
    "approve": {
        "subject": "Hồ sơ {{ code }} đã có kết quả",
        "body": GREETING + "Hồ sơ {{ code }} ({{ procedure }}) của ông/bà đã có kết quả.\n\n"
        "Cách nhận kết quả: mang theo Giấy tiếp nhận hồ sơ và hẹn trả kết quả (hoặc mã hồ sơ) "
        "cùng giấy tờ tùy thân đến Bộ phận Một cửa {{ agency }} trong giờ hành chính. Nếu ông/bà "
        "đã đăng ký nhận kết quả qua dịch vụ bưu chính công ích, kết quả được gửi đến địa chỉ đã "
        "đăng ký." + LOOKUP + SIGNATURE,
        "sms": "Hồ sơ {{ code }} đã có kết quả. Mời ông/bà mang giấy hẹn và giấy tờ tùy thân "
        "đến Bộ phận Một cửa {{ agency }} để nhận.",
        "zns": (
            "310003",
            {
                "customer_name": "{{ applicant_name }}",
                "dossier_code": "{{ code }}",
                "agency": "{{ agency }}",
            },
        ),
    },
    "apologise": {
        "subject": "Thư xin lỗi và hẹn lại ngày trả kết quả hồ sơ {{ code }}",
        "body": GREETING + "{{ agency }} thành thật xin lỗi ông/bà vì hồ sơ {{ code }} "
        "({{ procedure }}) chưa được giải quyết đúng hẹn.\nLý do: {{ note }}\n"
        "Thời hạn trả kết quả mới: {{ due_at }}\n\nMong ông/bà thông cảm." + LOOKUP + SIGNATURE,
        "sms": "{{ agency }} xin lỗi ông/bà: hồ sơ {{ code }} chậm trả kết quả do {{ note }}. "
        "Hẹn trả kết quả mới: {{ due_at }}.",
        "zns": (
            "310004",
            {
                "customer_name": "{{ applicant_name }}",
                "dossier_code": "{{ code }}",
                "reason": "{{ note }}",
                "new_due_date": "{{ due_at }}",
            },
        ),
    },
}


def seed(apps, schema_editor):
    MessageTemplate = apps.get_model("notifications", "MessageTemplate")
    for event, wording in TEMPLATES.items():
        template_id, params = wording["zns"]
        MessageTemplate.objects.create(
            event=event, channel="email", subject=wording["subject"], body=wording["body"]
        )
        MessageTemplate.objects.create(event=event, channel="sms", body=wording["sms"])
        MessageTemplate.objects.create(
            event=event,
            channel="zns",
            body=wording["sms"],
            zns_template_id=template_id,
            zns_params=params,
        )


def unseed(apps, schema_editor):
    apps.get_model("notifications", "MessageTemplate").objects.filter(
        event__in=list(TEMPLATES)
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("notifications", "0001_initial")]

    operations = [migrations.RunPython(seed, unseed)]
