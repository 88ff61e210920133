"""An install that ran the first wordings gets the new events and cases by migrating, and keeps
what its IT centre had edited."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from motcua.notifications.models import MessageTemplate

EMPTY = [("notifications", "0001_initial")]
BEFORE = [("notifications", "0002_seed_templates")]
AFTER = [("notifications", "0004_seed_every_event")]


@pytest.mark.django_db(transaction=True)
def test_migrating_adds_every_wording_and_keeps_the_edited_ones():
    executor = MigrationExecutor(connection)
    executor.migrate(EMPTY)  # whatever an earlier test left, the install as first released
    executor.loader.build_graph()
    executor.migrate(BEFORE)
    old = executor.loader.project_state(BEFORE).apps.get_model("notifications", "MessageTemplate")
    old.objects.filter(event="approve", channel="sms").update(body="Mời nhận kết quả {{ code }}.")
    assert old.objects.count() == 12

    executor = MigrationExecutor(connection)
    executor.migrate(AFTER)

    kept = MessageTemplate.objects.get(event="approve", channel="sms", variant="result_desk")
    assert kept.body == "Mời nhận kết quả {{ code }}."  # the edit, now the desk case
    supplement = MessageTemplate.objects.filter(event="request_supplement", channel="email")
    assert set(supplement.values_list("variant", flat=True)) == {"offline", "online"}
    desk_sms = MessageTemplate.objects.get(event="request_supplement", channel="sms",
                                           variant="offline")  # fmt: skip
    assert "Liên hệ Bộ phận Một cửa" in desk_sms.body  # the first wording, for desk dossiers
    cases = set(MessageTemplate.objects.values_list("event", "variant").distinct())
    assert {("approve", "result_online"), ("approve", "result_post"), ("refuse", ""),
            ("request_payment", ""), ("return_result", "result_desk")} <= cases  # fmt: skip
    assert MessageTemplate.objects.count() == 60
