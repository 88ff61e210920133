"""Fault modes a connector must survive, and a simulator that stops and starts again."""

import json
import urllib.error

import pytest

from tests.simulators.processes import call

NHUNG = "025190001234"


def lookup(population, timeout=5.0):
    url = f"{population.url}/api/v1/citizens/{NHUNG}"
    return call("GET", url, key=population.key, timeout=timeout)


def test_error_mode_fails_every_other_request_and_normal_restores(population):
    population.faults("error")
    assert [lookup(population).status for _ in range(4)] == [500, 200, 500, 200]
    assert call("GET", f"{population.url}/healthz").status == 200
    population.faults("normal")
    assert [lookup(population).status for _ in range(3)] == [200, 200, 200]


def test_slow_mode_outlasts_a_client_timeout_and_normal_restores(population):
    population.faults("slow", delay=2)
    with pytest.raises((TimeoutError, urllib.error.URLError)) as raised:
        lookup(population, timeout=0.5)
    if isinstance(raised.value, urllib.error.URLError):
        assert isinstance(raised.value.reason, TimeoutError)
    assert call("GET", f"{population.url}/_faults").json()["waiting"] == 1  # still held
    assert call("GET", f"{population.url}/healthz", timeout=1).status == 200
    population.faults("normal")
    assert lookup(population).status == 200


def test_garbage_mode_answers_200_that_is_not_json_and_normal_restores(portal):
    portal.faults("garbage")
    reply = call("GET", f"{portal.url}/api/v1/dossiers/anything", key=portal.key)
    assert reply.status == 200
    with pytest.raises(ValueError):
        json.loads(reply.body)
    portal.faults("normal")
    assert call("GET", f"{portal.url}/api/v1/dossiers/anything", key=portal.key).status == 404


def test_fault_switch_rejects_unknown_modes(portal):
    assert call("POST", f"{portal.url}/_faults", {"mode": "explode"}).status == 400
    assert call("POST", f"{portal.url}/_faults", {"mode": "slow", "delay": -1}).status == 400
    assert call("GET", f"{portal.url}/_faults").json() == {
        "mode": "normal", "delay": 0.0, "waiting": 0,
    }  # fmt: skip


@pytest.mark.parametrize("name", ["population", "national-portal"])
def test_simulator_restarts_on_the_same_port(start_simulator, name):
    first = start_simulator(name)
    call("GET", f"{first.url}/healthz")
    first.stop()
    with pytest.raises(OSError):
        call("GET", f"{first.url}/healthz", timeout=1)
    second = start_simulator(name, port=first.port)
    assert call("GET", f"{second.url}/healthz").json() == {"status": "ok"}


def test_restarted_portal_starts_empty(start_simulator):
    portal = start_simulator("national-portal")
    message = {"code": "H44.189-261116-0002", "status": "received"}
    headers = {"Idempotency-Key": "k"}
    url = f"{portal.url}/api/v1/dossiers/sync"
    assert call("POST", url, message, key=portal.key, headers=headers).status == 200
    portal.stop()
    portal = start_simulator("national-portal", port=portal.port)
    reply = call("GET", f"{portal.url}/api/v1/dossiers/{message['code']}", key=portal.key)
    assert reply.status == 404
