"""The IT centre edits templates and records opt-outs in the admin; sent messages are read only,
with recipients masked in the list."""

from motcua.core.models import AuditEvent
from motcua.notifications.models import MessageTemplate, OptOut
from tests.dossiers.helpers import submit
from tests.integrations.helpers import run_effects


def template_form(template: MessageTemplate, **changes) -> dict:
    return {"event": template.event, "channel": template.channel, "subject": template.subject,
            "body": template.body, "zns_template_id": template.zns_template_id,
            "zns_params": "{}", "is_active": "on", **changes}  # fmt: skip


def test_a_template_edit_is_checked_saved_and_audited(it_centre):
    sms = MessageTemplate.objects.get(event="receive", channel="sms")
    url = f"/admin/notifications/messagetemplate/{sms.pk}/change/"
    assert "Biến dùng được" in it_centre.get(url).text

    broken = it_centre.post(url, template_form(sms, body="Hồ sơ {% if %}"))
    assert broken.status_code == 200  # the form again, with the error
    sms.refresh_from_db()
    assert "{% if %}" not in sms.body

    saved = it_centre.post(url, template_form(sms, body="Đã nhận hồ sơ {{ code }}."))
    assert saved.status_code == 302
    sms.refresh_from_db()
    assert sms.body == "Đã nhận hồ sơ {{ code }}."
    assert AuditEvent.objects.filter(action="message_template_save", object_id=str(sms.pk)).exists()


def test_sent_messages_are_listed_masked_and_cannot_be_changed(
    it_centre, api, procedure, commune, receiver
):
    submit(api(receiver), procedure, commune, channel="desk")
    run_effects()
    page = it_centre.get("/admin/notifications/notification/")
    assert page.status_code == 200
    assert "84912***678" in page.text and "n***@example.vn" in page.text
    assert "84912345678" not in page.text and "nhung@example.vn" not in page.text
    assert it_centre.get("/admin/notifications/notification/add/").status_code == 403


def test_an_opt_out_is_added_in_the_admin_in_its_normal_form(it_centre):
    add = "/admin/notifications/optout/add/"
    refused = it_centre.post(add, {"address": "0241 123 4567", "channel": "sms"})
    assert refused.status_code == 200 and not OptOut.objects.exists()
    assert it_centre.post(add, {"address": "0912 345 678", "channel": "sms"}).status_code == 302
    optout = OptOut.objects.get()
    assert (optout.address, optout.source) == ("84912345678", "admin")
    assert "84912***678" in it_centre.get("/admin/notifications/optout/").text
    it_centre.post(f"/admin/notifications/optout/{optout.pk}/delete/", {"post": "yes"})
    assert not OptOut.objects.exists()
    assert AuditEvent.objects.filter(action="notification_optin").exists()
