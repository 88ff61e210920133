"""Only events with an active template send anything, and only on channels the applicant gave."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from motcua.dossiers.models import Dossier
from motcua.integrations.models import Exchange
from motcua.notifications.models import MessageTemplate, Notification
from motcua.notifications.services import notify_applicant
from tests.dossiers.helpers import act, submit
from tests.integrations.helpers import run_effects


def test_filing_online_and_forwarding_send_no_message(api, procedure, commune, receiver):
    desk = api(receiver)
    dossier = submit(desk, procedure, commune, channel="online")
    run_effects()
    assert not Notification.objects.exists()
    dossier = act(desk, dossier, "receive")
    run_effects()
    assert Notification.objects.count() == 3
    act(desk, dossier, "forward")
    assert run_effects() == 1
    assert Notification.objects.count() == 3
    assert not Exchange.objects.filter(system="notifications", event="forward").exists()


def test_an_event_without_templates_costs_one_query(api, procedure, commune, receiver):
    dossier = Dossier.objects.get(code=submit(api(receiver), procedure, commune)["code"])
    with CaptureQueriesContext(connection) as queries:
        sent = notify_applicant(
            dossier=dossier, event="forward", at=dossier.submitted_at, due_at=dossier.due_at
        )
    assert sent == []
    assert len(queries) == 1


def test_a_switched_off_template_sends_nothing_on_its_channel(api, procedure, commune, receiver):
    MessageTemplate.objects.filter(event="receive", channel="sms").update(is_active=False)
    submit(api(receiver), procedure, commune, channel="desk")
    run_effects()
    assert sorted(Notification.objects.values_list("channel", flat=True)) == ["email", "zns"]


def test_an_applicant_without_usable_contacts_gets_nothing(api, procedure, commune, receiver):
    applicant = {"id_number": "025190001234", "full_name": "Vũ Thị Lan", "phone": "0210 3846 123"}
    dossier = submit(api(receiver), procedure, commune, channel="desk", applicant=applicant)
    assert dossier["status"] == "received"
    assert run_effects() == 1
    assert not Notification.objects.exists()  # a landline takes no SMS, and no e-mail address
