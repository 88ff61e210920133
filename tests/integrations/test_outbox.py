"""Every dossier change queues its effects in the same transaction; the worker turns them into
national-portal syncs and messages, and failures retry."""

import socket

import pytest
from django_tasks_db.models import DBTaskResult

from motcua.dossiers.models import PendingEffects
from motcua.integrations.models import Exchange
from tests.dossiers.helpers import act, submit
from tests.factories import make_staff
from tests.integrations.helpers import run_due_tasks, run_effects


@pytest.fixture
def closed_port_portal(settings):
    """The national portal's address points at a loopback port nobody listens on."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    settings.MOTCUA_CONNECTORS = {
        **settings.MOTCUA_CONNECTORS,
        "national_portal": {"base_url": f"http://127.0.0.1:{port}", "key": "k", "timeout": 1},
        "retry": {"max_attempts": 3, "base_seconds": 0, "max_seconds": 0},
    }


def test_each_change_answers_at_once_with_its_effects_queued(api, procedure, commune, receiver):
    desk = api(receiver)
    dossier = act(desk, submit(desk, procedure, commune, channel="online"), "receive")
    assert dossier["exchanges"] == []  # nothing rendered or sent while the officer waits
    assert PendingEffects.objects.count() == 2  # one row per change, with its task
    assert DBTaskResult.objects.count() == 2
    assert run_effects() == 2
    answer = desk.get(f"/api/v1/dossiers/{dossier['code']}/").json()
    assert [(x["system"], x["event"], x["state"]) for x in answer["exchanges"]] == [
        ("national_portal", "submit", "pending"),
        ("national_portal", "receive", "pending"),
        *[("notifications", "receive", "pending")] * 3,  # e-mail, SMS and Zalo to the applicant
    ]
    assert PendingEffects.objects.count() == 0
    assert DBTaskResult.objects.filter(finished_at__isnull=True).count() == 5  # one delivery each


def test_a_refused_change_queues_nothing(api, procedure, commune, receiver):
    desk = api(receiver)
    dossier = submit(desk, procedure, commune, channel="online")
    act(desk, dossier, "approve", expect=403)
    act(desk, {**dossier, "version": 99}, "receive", expect=409)
    run_effects()
    assert Exchange.objects.count() == 1  # only the filing's


def test_an_unreachable_portal_loses_nothing_and_gives_up_after_the_limit(
    api, procedure, commune, receiver, closed_port_portal
):
    desk = api(receiver)
    dossier = submit(desk, procedure, commune, channel="online")
    assert dossier["status"] == "submitted"  # the citizen's filing never waits for the portal
    assert run_effects() == 1
    exchange = Exchange.objects.get()
    assert run_due_tasks() == 3  # attempts 1..3, each failure queues the next try
    exchange.refresh_from_db()
    assert exchange.state == Exchange.State.DEAD
    assert exchange.attempts == 3
    assert "Không kết nối được" in exchange.last_error


def test_only_an_administrator_retries_a_dead_message(
    api, procedure, commune, receiver, closed_port_portal, province
):
    from motcua.core.errors import Conflict, Forbidden
    from motcua.integrations.services import exchange_retry

    submit(api(receiver), procedure, commune, channel="online")
    run_due_tasks()
    exchange = Exchange.objects.get()
    with pytest.raises(Forbidden):
        exchange_retry(actor=receiver, exchange=exchange)
    admin = make_staff("quantri", province, "admin")
    exchange_retry(actor=admin, exchange=exchange)
    assert (exchange.state, exchange.attempts) == (Exchange.State.PENDING, 0)
    with pytest.raises(Conflict):
        exchange_retry(actor=admin, exchange=exchange)
