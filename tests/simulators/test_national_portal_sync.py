"""The national-portal simulator acknowledges dossier syncs once per idempotency key."""

from tests.simulators.processes import call

MESSAGE = {
    "code": "H44.189-261116-0001",
    "status": "received",
    "event": "receive",
    "agency": "H44.189",
    "procedure": "1.001234",
    "at": "2026-11-16T01:00:00Z",
    "channel": "online",
}


def sync(portal, message, key="msg-1", **kwargs):
    return call(
        "POST",
        f"{portal.url}/api/v1/dossiers/sync",
        message,
        key=kwargs.pop("api_key", portal.key),
        headers={"Idempotency-Key": key} if key else {},
        **kwargs,
    )


def status_of(portal, code):
    return call("GET", f"{portal.url}/api/v1/dossiers/{code}", key=portal.key)


def test_sync_is_acknowledged_and_status_is_kept(portal):
    reply = sync(portal, MESSAGE)
    assert reply.status == 200
    body = reply.json()
    assert body["acknowledged"] is True
    assert len(body["receipt"]) == 36
    held = status_of(portal, MESSAGE["code"])
    assert held.status == 200
    assert held.json() == {"code": MESSAGE["code"], "status": "received", "events": 1}


def test_replayed_idempotency_key_is_not_applied_twice(portal):
    first = sync(portal, MESSAGE, key="same")
    again = sync(portal, MESSAGE, key="same")
    assert again.status == 200
    assert again.json() == first.json()
    assert status_of(portal, MESSAGE["code"]).json()["events"] == 1


def test_new_key_applies_the_latest_status(portal):
    sync(portal, MESSAGE, key="a")
    sync(portal, {**MESSAGE, "status": "processing", "event": "forward"}, key="b")
    held = status_of(portal, MESSAGE["code"]).json()
    assert held == {"code": MESSAGE["code"], "status": "processing", "events": 2}


def test_unknown_dossier_is_404(portal):
    reply = status_of(portal, "H44.189-261116-9999")
    assert reply.status == 404
    assert reply.json()["error"] == "not_found"


def test_bad_messages_are_400(portal):
    url = f"{portal.url}/api/v1/dossiers/sync"
    headers = {"Idempotency-Key": "bad"}
    assert call("POST", url, raw=b"{not json", key=portal.key, headers=headers).status == 400
    assert call("POST", url, [1, 2], key=portal.key, headers=headers).status == 400
    missing_status = {k: v for k, v in MESSAGE.items() if k != "status"}
    reply = call("POST", url, missing_status, key=portal.key, headers=headers)
    assert reply.status == 400
    assert reply.json()["error"] == "missing_fields"
    assert call("POST", url, {**MESSAGE, "code": ""}, key=portal.key, headers=headers).status == 400
    assert status_of(portal, MESSAGE["code"]).status == 404


def test_sync_without_the_key_is_401(portal):
    assert sync(portal, MESSAGE, api_key=None).status == 401
    assert sync(portal, MESSAGE, api_key="wrong").status == 401
    assert status_of(portal, MESSAGE["code"]).status == 404


def statuses(portal, body, **kwargs):
    return call("POST", f"{portal.url}/api/v1/dossiers/statuses", body, **kwargs)


def test_statuses_of_a_batch_say_which_are_missing(portal):
    sync(portal, MESSAGE)
    unknown = "H44.189-261116-9999"
    reply = statuses(portal, {"codes": [MESSAGE["code"], unknown, unknown]}, key=portal.key)
    assert reply.status == 200
    assert reply.json() == {
        "dossiers": [{"code": MESSAGE["code"], "status": "received", "events": 1}],
        "missing": [unknown],
    }


def test_bad_status_queries_are_refused(portal):
    assert statuses(portal, {"codes": ["x"]}).status == 401
    for body in ({}, {"codes": "x"}, {"codes": [1]}, {"codes": ["x"] * 501}, [1]):
        reply = statuses(portal, body, key=portal.key)
        assert reply.status == 400, body
        assert reply.json()["error"] == "invalid_codes"


def test_the_admin_switch_makes_a_status_stale_or_lost(portal):
    sync(portal, MESSAGE)
    url = f"{portal.url}/_admin/dossiers/{MESSAGE['code']}"
    assert call("PUT", url, {"status": "submitted"}).status == 401
    assert call("PUT", url, {}, key=portal.key).status == 400
    assert call("PUT", url, {"status": "submitted"}, key=portal.key).status == 200
    assert status_of(portal, MESSAGE["code"]).json()["status"] == "submitted"
    assert call("DELETE", url, key=portal.key).status == 200
    assert status_of(portal, MESSAGE["code"]).status == 404
    assert call("DELETE", url, key=portal.key).status == 404


def test_a_stale_version_is_acknowledged_but_not_applied(portal):
    """Like a real receiver of whole states: a message older than the one held changes nothing."""
    sync(portal, {**MESSAGE, "status": "received", "version": 2}, key="newer")
    stale = sync(portal, {**MESSAGE, "status": "submitted", "version": 1}, key="older")
    assert stale.status == 200
    assert stale.json() == {"acknowledged": True, "applied": False, "held_version": 2}
    assert status_of(portal, MESSAGE["code"]).json()["status"] == "received"
    assert status_of(portal, MESSAGE["code"]).json()["events"] == 1
    same = sync(portal, {**MESSAGE, "status": "received", "version": 2}, key="again")
    assert same.json()["acknowledged"] is True  # the same version again (a re-push) applies
    assert status_of(portal, MESSAGE["code"]).json()["events"] == 2
