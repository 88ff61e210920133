"""Templates render as plain text: an applicant's name can neither inject HTML nor e-mail headers,
and a broken template never blocks the dossier change."""

from motcua.notifications.models import MessageTemplate, Notification
from motcua.notifications.rendering import render
from motcua.notifications.services import template_problems
from tests.dossiers.helpers import submit
from tests.integrations.helpers import run_due_tasks, run_effects
from tests.notifications.helpers import subject_of, text_of

HOSTILE = '<a href="https://lừa-đảo.example">Bấm</a> & "Lê"\r\nBcc: victim@example.vn'


def test_a_hostile_name_stays_literal_text_on_one_line(
    api, procedure, commune, receiver, connected, smtp
):
    MessageTemplate.objects.filter(event="receive", channel="email").update(
        subject="{{ applicant_name }} — hồ sơ {{ code }}"
    )
    applicant = {"id_number": "025190001234", "full_name": HOSTILE, "email": "nhung@example.vn"}
    submit(api(receiver), procedure, commune, channel="desk", applicant=applicant)
    run_due_tasks()
    [mail] = smtp.messages
    assert mail["X-Envelope-To"] == "nhung@example.vn"  # no extra recipient
    assert mail["Bcc"] is None
    flat = '<a href="https://lừa-đảo.example">Bấm</a> & "Lê" Bcc: victim@example.vn'
    assert subject_of(mail).startswith(flat)
    assert f"Kính gửi ông/bà {flat}," in text_of(mail)  # not &lt;a … nor &amp;
    assert not mail.is_multipart()  # text/plain only: nothing for a mail client to render


def test_a_broken_template_is_recorded_and_the_dossier_goes_on(api, procedure, commune, receiver):
    MessageTemplate.objects.filter(event="receive", channel="sms").update(body="{% if %}")
    dossier = submit(api(receiver), procedure, commune, channel="desk")
    assert dossier["status"] == "received"
    run_effects()
    sms = Notification.objects.get(channel="sms")
    assert sms.state == "failed" and sms.exchange is None
    assert sms.delivery_status.startswith("Mẫu tin nhắn lỗi")


def test_templates_cannot_reach_files_or_libraries(db):
    template = MessageTemplate(event="receive", channel="sms", body='{% include "x.html" %}')
    assert "body" in template_problems(template)
    template.body = "{% load static %}{% static 'a' %}"
    assert "body" in template_problems(template)
    template.body = "Hồ sơ {{ code|upper }}"
    assert template_problems(template) == {}
    assert render(template.body, {"code": "h44.189-261116-0001"}) == "Hồ sơ H44.189-261116-0001"


def test_each_channel_needs_its_parts(db):
    assert set(template_problems(MessageTemplate(event="receive", channel="email"))) == {
        "subject", "body",
    }  # fmt: skip
    zns = MessageTemplate(event="receive", channel="zns", zns_params=["không phải đối tượng"])
    assert set(template_problems(zns)) == {"zns_params"}
    zns.zns_params = {"dossier_code": "{{ code }}"}
    assert set(template_problems(zns)) == {"zns_template_id"}
