"""The SMS/Zalo simulator takes valid messages once per idempotency key and reports delivery."""

import pytest

from tests.simulators.processes import call


@pytest.fixture
def gateway(start_simulator):
    return start_simulator("messaging")


def send(gateway, channel, body, key="k-1", api_key=None):
    headers = {"Idempotency-Key": key} if key else {}
    return call("POST", f"{gateway.url}/{channel}", body, key=api_key or gateway.key,
                headers=headers)  # fmt: skip


def report(gateway, message_id):
    return call("GET", f"{gateway.url}/messages/{message_id}", key=gateway.key)


def test_an_sms_is_accepted_once_and_reported_delivered(gateway):
    first = send(gateway, "sms", {"phone": "84912345678", "text": "Hồ sơ đã được tiếp nhận"})
    assert first.status == 200 and first.json()["status"] == "sent"
    again = send(gateway, "sms", {"phone": "84912345678", "text": "Hồ sơ đã được tiếp nhận"})
    assert again.json() == first.json()  # a replay is not sent twice
    delivered = report(gateway, first.json()["message_id"]).json()
    assert (delivered["status"], delivered["channel"], delivered["error"]) == (
        "delivered", "sms", "",
    )  # fmt: skip
    assert delivered["at"]
    inbox = call("GET", f"{gateway.url}/messages?phone=84912345678", key=gateway.key).json()
    assert [m["text"] for m in inbox["messages"]] == ["Hồ sơ đã được tiếp nhận"]


def test_a_zalo_message_to_a_phone_without_zalo_fails(gateway):
    body = {"phone": "84987650000", "template_id": "310001", "params": {"dossier_code": "X"}}
    sent = send(gateway, "zns", body).json()
    failed = report(gateway, sent["message_id"]).json()
    assert failed["status"] == "failed"
    assert failed["error"] == "Số điện thoại chưa có tài khoản Zalo."


@pytest.mark.parametrize(
    ("channel", "body"),
    [
        ("sms", {"phone": "0912345678", "text": "x"}),  # not in 84… form
        ("sms", {"phone": "84912345678", "text": " "}),
        ("sms", {"phone": "84912345678", "text": "x" * 2001}),
        ("zns", {"phone": "84912345678", "template_id": "", "params": {}}),
        ("zns", {"phone": "84912345678", "template_id": "1", "params": {"n": 1}}),
        ("sms", ["not", "an", "object"]),
    ],
)
def test_malformed_messages_are_refused(gateway, channel, body):
    reply = send(gateway, channel, body, key=None)
    assert reply.status == 400
    assert reply.json()["error"] == "invalid_message"


def test_a_wrong_key_or_unknown_message_is_refused(gateway):
    body = {"phone": "84912345678", "text": "x"}
    assert send(gateway, "sms", body, api_key="sai-khoa").status == 401
    assert report(gateway, "khong-co").status == 404


def test_the_fault_switch_fails_every_other_request(gateway):
    gateway.faults("error")
    body = {"phone": "84912345678", "text": "x"}
    assert send(gateway, "sms", body, key="a").status == 500
    assert send(gateway, "sms", body, key="b").status == 200
