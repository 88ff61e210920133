"""Simulator of an SMS gateway and Zalo ZNS (Zalo Notification Service) for applicants' messages.

- `POST /sms {phone, text}` and `POST /zns {phone, template_id, params}` (bearer key; an optional
  `Idempotency-Key` makes a replay return the first answer without sending twice) →
  `{message_id, status: "sent"}`. Phones are `84` + 9 digits of a Vietnamese mobile number.
- `GET /messages/<id>` → the delivery report `{message_id, channel, phone, status, at, error}`:
  `sent`, then `delivered` once `MOTCUA_SIM_MESSAGING_DELIVERY_SECONDS` (default 0) have passed;
  a ZNS message to a phone ending in `0000` is `failed` (no Zalo account).
- `GET /messages?phone=84…` → every message sent to that phone, with its text or parameters.
"""

from __future__ import annotations

import os
import re
import threading
import time
import uuid
from datetime import UTC, datetime
from typing import Any
from urllib.parse import parse_qs

from motcua.simulators.base import App, Request, Response, error_response, json_response

NAME = "messaging"
DEFAULT_PORT = 8106
PORT_ENV = "MOTCUA_SIM_MESSAGING_PORT"
KEY_ENV = "MOTCUA_SIM_MESSAGING_KEY"
DEFAULT_KEY = "demo-messaging-key"
DELIVERY_ENV = "MOTCUA_SIM_MESSAGING_DELIVERY_SECONDS"
PHONE = re.compile(r"84[35789]\d{8}")
MAX_TEXT = 2000
NO_ZALO_SUFFIX = "0000"


class Outbox:
    """Messages accepted, by id, and the answer given per idempotency key."""

    def __init__(self, delivery_seconds: float) -> None:
        self.lock = threading.Lock()
        self.delivery_seconds = delivery_seconds
        self.messages: dict[str, dict[str, Any]] = {}
        self.answers: dict[str, Response] = {}

    def accept(self, key: str, message: dict[str, Any]) -> Response:
        with self.lock:
            if key and key in self.answers:
                return self.answers[key]
            message_id = uuid.uuid4().hex
            self.messages[message_id] = {**message, "message_id": message_id,
                                         "accepted": time.monotonic()}  # fmt: skip
            answer = json_response(200, {"message_id": message_id, "status": "sent"})
            if key:
                self.answers[key] = answer
            return answer

    def report(self, message: dict[str, Any]) -> dict[str, Any]:
        """The delivery report of a message as the network sees it now."""
        report = {"message_id": message["message_id"], "channel": message["channel"],
                  "phone": message["phone"], "status": "sent", "at": None, "error": ""}  # fmt: skip
        if message["channel"] == "zns" and message["phone"].endswith(NO_ZALO_SUFFIX):
            report.update(status="failed", error="Số điện thoại chưa có tài khoản Zalo.")
        elif time.monotonic() - message["accepted"] >= self.delivery_seconds:
            report["status"] = "delivered"
        if report["status"] != "sent":
            report["at"] = datetime.now(UTC).isoformat()
        return report

    def find(self, message_id: str) -> dict[str, Any] | None:
        with self.lock:
            message = self.messages.get(message_id)
        return None if message is None else self.report(message)

    def to_phone(self, phone: str) -> list[dict[str, Any]]:
        with self.lock:
            sent = [m for m in self.messages.values() if m["phone"] == phone]
        return [{**self.report(m), "text": m.get("text"), "template_id": m.get("template_id"),
                 "params": m.get("params")} for m in sent]  # fmt: skip


def _invalid(message: Any, channel: str) -> str | None:
    """What is wrong with a message body, or None."""
    if not isinstance(message, dict):
        return "Nội dung phải là một đối tượng JSON."
    if not isinstance(message.get("phone"), str) or not PHONE.fullmatch(message["phone"]):
        return "Số điện thoại phải có dạng 84xxxxxxxxx (di động Việt Nam)."
    if channel == "sms":
        text = message.get("text")
        if not isinstance(text, str) or not text.strip() or len(text) > MAX_TEXT:
            return f"Nội dung tin nhắn phải có từ 1 đến {MAX_TEXT} ký tự."
        return None
    if not isinstance(message.get("template_id"), str) or not message["template_id"].strip():
        return "Thiếu mã mẫu ZNS (template_id)."
    params = message.get("params")
    if not isinstance(params, dict) or not all(isinstance(v, str) for v in params.values()):
        return "Tham số ZNS (params) phải là đối tượng JSON có giá trị chuỗi."
    return None


def create_app(api_key: str | None = None, delivery_seconds: float | None = None) -> App:
    """The messaging WSGI app; key and delivery delay default to their environment variables."""
    app = App(NAME, api_key or os.environ.get(KEY_ENV) or DEFAULT_KEY)
    if delivery_seconds is None:
        delivery_seconds = float(os.environ.get(DELIVERY_ENV) or 0)
    outbox = Outbox(delivery_seconds)

    def send(request: Request, channel: str) -> Response:
        try:
            message = request.json()
        except ValueError:
            return error_response(400, "invalid_json", "Nội dung không phải JSON hợp lệ.")
        problem = _invalid(message, channel)
        if problem:
            return error_response(400, "invalid_message", problem)
        fields = ("phone", "text") if channel == "sms" else ("phone", "template_id", "params")
        key = (request.header("Idempotency-Key") or "").strip()
        return outbox.accept(key, {"channel": channel, **{f: message[f] for f in fields}})

    app.route("POST", r"/sms")(lambda request: send(request, "sms"))
    app.route("POST", r"/zns")(lambda request: send(request, "zns"))

    @app.route("GET", r"/messages/(?P<message_id>[^/]+)")
    def status(request: Request) -> Response:
        found = outbox.find(request.params["message_id"])
        if found is None:
            return error_response(404, "not_found", "Không có tin nhắn này.")
        return json_response(200, found)

    @app.route("GET", r"/messages")
    def inbox(request: Request) -> Response:
        phone = parse_qs(request.environ.get("QUERY_STRING", "")).get("phone", [""])[0]
        return json_response(200, {"messages": outbox.to_phone(phone)})

    return app
