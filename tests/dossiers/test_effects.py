"""A dossier change records its effects in its own transaction; the worker brings the report
facts in step and turns the effects into the national-portal syncs and the applicant's messages
as they stood at each event, once."""

from datetime import datetime

import pytest

from motcua.core.calendar import LOCAL_TZ
from motcua.dossiers.models import Dossier, PendingEffects
from motcua.dossiers.tasks import dossier_effects
from motcua.integrations.models import Exchange
from motcua.notifications.models import Notification
from motcua.reports.models import DossierFact, ReportCounter
from tests.dossiers.helpers import act, submit
from tests.integrations.helpers import run_effects


def test_messages_and_syncs_say_what_stood_at_their_event(
    api, procedure, commune, receiver, specialist, clock
):
    desk = api(receiver)
    received = submit(desk, procedure, commune, channel="desk")  # received at once
    forwarded = act(desk, received, "forward")
    later = datetime(2026, 12, 15, 16, 30, tzinfo=LOCAL_TZ)
    act(api(specialist), forwarded, "apologise", note="Cần xác minh", new_due_at=later.isoformat())
    assert run_effects() == 3  # the worker comes after all three changes

    first_due = datetime.fromisoformat(received["due_at"]).astimezone(LOCAL_TZ)
    [receipt_sms] = Notification.objects.filter(event="receive", channel="sms")
    assert f"Hẹn trả kết quả: {first_due:%H:%M ngày %d/%m/%Y}" in receipt_sms.text
    [apology_sms] = Notification.objects.filter(event="apologise", channel="sms")
    assert f"{later:%H:%M ngày %d/%m/%Y}" in apology_sms.text
    syncs = Exchange.objects.filter(system="national_portal").order_by("pk")
    assert [(s.event, s.payload["status"], s.payload["version"]) for s in syncs] == [
        ("submit", "submitted", 1), ("receive", "received", 2),
        ("forward", "processing", 3), ("apologise", "processing", 4),
    ]  # fmt: skip
    assert syncs[1].payload["due_at"] == received["due_at"]
    assert datetime.fromisoformat(syncs[3].payload["due_at"]) == later


def test_a_change_is_set_off_once_however_often_its_task_runs(api, procedure, commune, receiver):
    submit(api(receiver), procedure, commune, channel="desk")
    [pending] = PendingEffects.objects.all()
    dossier_effects.call(pending.pk)
    made = (Exchange.objects.count(), Notification.objects.count())
    assert made == (5, 3)  # two syncs; e-mail, SMS and Zalo about the receipt
    dossier_effects.call(pending.pk)  # a twin task, or one queued again by requeue-pending
    assert (Exchange.objects.count(), Notification.objects.count()) == made
    assert not PendingEffects.objects.exists()


def test_the_worker_counts_a_change_in_the_reports_once(api, procedure, commune, receiver):
    filed = submit(api(receiver), procedure, commune, channel="desk")
    assert not DossierFact.objects.exists()  # the filing answered without touching the reports
    [pending] = PendingEffects.objects.all()
    dossier_effects.call(pending.pk)
    fact = DossierFact.objects.get(dossier__code=filed["code"])
    assert not fact.online and fact.received_day is not None
    received = ReportCounter.objects.filter(received_offline__gt=0)
    counted = sorted(received.values_list("grain", "received_offline"))
    assert counted == [("d", 1), ("m", 1), ("y", 1)]
    dossier_effects.call(pending.pk)  # a twin task
    assert sorted(received.values_list("grain", "received_offline")) == counted


def test_a_failure_while_setting_off_keeps_the_change_for_the_next_attempt(
    api, procedure, commune, receiver, monkeypatch
):
    submit(api(receiver), procedure, commune, channel="desk")
    [pending] = PendingEffects.objects.all()

    def broken(**kwargs):
        raise RuntimeError("mất kết nối CSDL")

    monkeypatch.setattr("motcua.notifications.services.notify_applicant", broken)
    with pytest.raises(RuntimeError):
        dossier_effects.call(pending.pk)
    assert PendingEffects.objects.filter(pk=pending.pk).exists()
    assert not Exchange.objects.exists()  # the syncs queued before the failure went with it
    assert not DossierFact.objects.exists()  # and so did the report facts
    monkeypatch.undo()
    dossier_effects.call(pending.pk)
    assert Exchange.objects.count() == 5


def test_a_dossier_removed_before_the_worker_came_takes_its_effects_along(
    api, procedure, commune, receiver
):
    filed = submit(api(receiver), procedure, commune, channel="desk")
    [pending] = PendingEffects.objects.all()
    Dossier.objects.filter(code=filed["code"]).delete()
    assert not PendingEffects.objects.exists()
    dossier_effects.call(pending.pk)  # its task, already queued, finds nothing to do
    assert not Exchange.objects.exists()


def test_the_apps_above_register_what_a_change_sets_off():
    """`dossiers` imports none of them: they fill its hooks (facts first, then sync, messages)."""
    from motcua.dossiers import hooks
    from motcua.integrations.services import dossier_sync_of_change
    from motcua.notifications.services import notify_applicant_of_change

    assert len(hooks.FIRST_STEPS) == 1
    assert [dossier_sync_of_change, notify_applicant_of_change] == hooks.CHANGE_HANDLERS
