"""Every call to an outside system leaves a ConnectorCall record: request, answer, status,
duration, error, idempotency key, with secrets and personal data redacted."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone

from motcua.integrations.connectors import ConnectorError, request_json
from motcua.integrations.models import ConnectorCall, Exchange
from tests.dossiers.helpers import submit
from tests.integrations.helpers import run_due_tasks

NHUNG = "025190001234"  # a demo citizen of the population simulator


def stored_text(call: ConnectorCall) -> str:
    """Everything the record holds, as one string."""
    return " | ".join(str(getattr(call, f.name)) for f in ConnectorCall._meta.fields)


@pytest.fixture
def connected(db, settings, population, portal):
    settings.MOTCUA_CONNECTORS = {
        **settings.MOTCUA_CONNECTORS,
        "population": {"base_url": population.url, "key": population.key, "timeout": 1},
        "national_portal": {"base_url": portal.url, "key": portal.key, "timeout": 1},
        "retry": {"max_attempts": 5, "base_seconds": 0, "max_seconds": 0},
    }
    return population, portal


def test_a_population_lookup_is_logged_without_key_or_personal_data(api, receiver, connected):
    population, _ = connected
    response = api(receiver).get(f"/api/v1/citizens/{NHUNG}/", {"purpose": "Điền tờ khai"})
    assert response.status_code == 200
    call = ConnectorCall.objects.get()
    assert (call.system, call.method, call.status, call.error) == ("population", "GET", 200, "")
    assert call.url == f"{population.url}/api/v1/citizens/025******234"
    assert '"id_number": "025******234"' in call.response_body
    assert '"full_name": "***"' in call.response_body
    text = stored_text(call)
    for leaked in (population.key, NHUNG, "Phạm Thị Hồng Nhung", "Bearer"):
        assert leaked not in text


def test_each_portal_delivery_is_logged_with_its_idempotency_key(
    api, procedure, commune, receiver, connected
):
    _, portal = connected
    dossier = submit(api(receiver), procedure, commune, channel="online")
    portal.faults("error")  # the first attempt fails with 500, the retry goes through
    run_due_tasks()
    exchange = Exchange.objects.get()
    assert exchange.state == "acknowledged"
    calls = list(ConnectorCall.objects.order_by("id"))
    assert [(c.system, c.method, c.status) for c in calls] == [
        ("national_portal", "POST", 500),
        ("national_portal", "POST", 200),
    ]
    assert {c.idempotency_key for c in calls} == {str(exchange.idempotency_key)}
    assert calls[0].error.startswith("HTTP 500")
    assert f'"code": "{dossier["code"]}"' in calls[1].request_body
    assert '"acknowledged": true' in calls[1].response_body
    assert all(portal.key not in stored_text(c) for c in calls)


def test_secret_fields_and_credentials_never_reach_the_log(connected):
    _, portal = connected
    body = {
        "code": "H44.189-261116-0001",
        "secret": "secret-value-1",
        "client": {"api_key": "secret-value-2", "password": "secret-value-3"},
        "signers": [{"signature": "secret-value-4", "role": "Chủ tịch"}],
        "applicant_id": NHUNG,
    }
    headers = {"Authorization": f"Bearer {portal.key}", "Idempotency-Key": "k-1"}
    with pytest.raises(ConnectorError):  # the simulator misses its required fields: 400
        request_json(
            "POST", f"{portal.url}/api/v1/dossiers/sync?access_token=secret-value-5&page=1",
            body=body, headers=headers, timeout=1,
        )  # fmt: skip
    with_userinfo = portal.url.replace("http://", "http://user:secret-value-6@")
    with pytest.raises(ConnectorError):  # urllib does not take credentials in the URL
        request_json("GET", f"{with_userinfo}/healthz", headers=headers, timeout=1)
    call, refused = ConnectorCall.objects.order_by("id")
    assert call.system == "national_portal"  # found by the configured base URL
    assert call.status == 400
    assert call.url == f"{portal.url}/api/v1/dossiers/sync?access_token=%2A%2A%2A&page=1"
    assert '"secret": "***"' in call.request_body
    assert '"role": "Chủ tịch"' in call.request_body
    assert '"applicant_id": "025******234"' in call.request_body
    assert (refused.system, refused.url) == ("national_portal", f"{portal.url}/healthz")
    assert refused.error
    text = stored_text(call) + stored_text(refused)
    for leaked in ["secret-value-" + str(n) for n in range(1, 7)] + [portal.key, NHUNG]:
        assert leaked not in text


def test_unanswered_and_garbled_calls_are_logged_with_their_error(connected):
    population, _ = connected
    url = f"{population.url}/api/v1/citizens/{NHUNG}"
    headers = {"Authorization": f"Bearer {population.key}"}
    population.faults("garbage")
    with pytest.raises(ConnectorError):
        request_json("GET", url, headers=headers, timeout=1)
    population.stop()
    with pytest.raises(ConnectorError):
        request_json("GET", url, headers=headers, timeout=1)
    garbled, down = ConnectorCall.objects.order_by("id")
    assert garbled.status == 200 and "không phải JSON" in garbled.error
    assert garbled.response_body.startswith("<")
    assert down.status is None and "Không kết nối được" in down.error
    assert NHUNG not in down.error


def test_long_answers_are_cut(connected, settings):
    population, _ = connected
    settings.MOTCUA_CONNECTOR_LOG = {**settings.MOTCUA_CONNECTOR_LOG, "body_chars": 40}
    request_json(
        "GET", f"{population.url}/api/v1/citizens/{NHUNG}",
        headers={"Authorization": f"Bearer {population.key}"}, timeout=1,
    )  # fmt: skip
    body = ConnectorCall.objects.get().response_body
    assert len(body) < 80 and "cắt bớt" in body


def test_no_connector_call_inside_a_transaction(connected):
    """The record must outlive the caller's transaction, so calls inside one are refused."""
    population, _ = connected
    with pytest.raises(RuntimeError), transaction.atomic():
        request_json(
            "GET", f"{population.url}/api/v1/citizens/{NHUNG}",
            headers={"Authorization": f"Bearer {population.key}"}, timeout=1,
        )  # fmt: skip


def test_old_records_are_pruned(db, settings):
    now = timezone.now()
    for age in (100, 95, 10):
        ConnectorCall.objects.create(
            system="population", method="GET", url="http://x/", duration_ms=1,
            at=now - timedelta(days=age),
        )  # fmt: skip
    settings.MOTCUA_CONNECTOR_LOG = {**settings.MOTCUA_CONNECTOR_LOG, "days": 90}
    call_command("prune-connector-log")
    assert ConnectorCall.objects.count() == 1
    call_command("prune-connector-log", "--days", "5")
    assert not ConnectorCall.objects.exists()
