"""Simulator of the national public-service portal (Cổng Dịch vụ công quốc gia).

`POST /api/v1/dossiers/sync` receives a dossier's status with an `Idempotency-Key`; a repeated key
gets the first answer again and is not applied twice. Each message carries the dossier's whole
state and its `version`; like a real receiver of whole states, the portal acknowledges a message
older than the version it holds but does not apply it (`applied: false`): it already holds a newer
state, which is what the sender wanted it to have, so the sender has nothing to retry.
`GET /api/v1/dossiers/<code>` shows what the portal holds: the latest status and how many messages
were applied; `POST /api/v1/dossiers/statuses` `{"codes": [...]}` answers the same for up to 500
dossiers at once (for reconciliation).
Tests make the portal's copy wrong through `PUT /_admin/dossiers/<code>` `{"status"}` (a stale
status) and `DELETE /_admin/dossiers/<code>` (a lost dossier). State lives in memory only.
"""

from __future__ import annotations

import os
import threading
import uuid
from typing import Any

from motcua.simulators.base import App, Request, Response, error_response, json_response

NAME = "national-portal"
DEFAULT_PORT = 8103
PORT_ENV = "MOTCUA_SIM_PORTAL_PORT"
KEY_ENV = "MOTCUA_SIM_PORTAL_KEY"
DEFAULT_KEY = "demo-portal-key"
MAX_KEY_LENGTH = 200
MAX_BATCH = 500


class PortalState:
    """Dossiers as the portal knows them, and the answers already given per idempotency key."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.dossiers: dict[str, dict[str, Any]] = {}
        self.answers: dict[str, Response] = {}

    def apply(self, key: str, message: dict[str, Any]) -> Response:
        """Apply `message` once per `key`; a replay returns the first response unchanged."""
        with self.lock:
            if key in self.answers:
                return self.answers[key]
            code, version = message["code"], message.get("version")
            held = self.dossiers.setdefault(code, {"code": code, "events": 0, "version": 0})
            if isinstance(version, int) and version < held["version"]:
                body = {"acknowledged": True, "applied": False, "held_version": held["version"]}
                self.answers[key] = json_response(200, body)
                return self.answers[key]
            held.update(status=message["status"], last=message)
            if isinstance(version, int):
                held["version"] = version
            held["events"] += 1
            answer = json_response(200, {"acknowledged": True, "receipt": str(uuid.uuid4())})
            self.answers[key] = answer
            return answer

    def summary(self, code: str) -> dict[str, Any] | None:
        with self.lock:
            held = self.dossiers.get(code)
            if held is None:
                return None
            return {"code": code, "status": held["status"], "events": held["events"]}

    def overwrite(self, code: str, status: str | None) -> bool:
        """Test switch: hold `status` for `code` without a message (None forgets the dossier).
        False when there was nothing to forget."""
        with self.lock:
            if status is None:
                return self.dossiers.pop(code, None) is not None
            held = self.dossiers.setdefault(code, {"code": code, "events": 0, "version": 0})
            held["status"] = status
            return True


def _field(request: Request, name: str) -> Any:
    """Field `name` of a JSON object body; None when absent or the body is not such an object."""
    try:
        body = request.json()
    except ValueError:
        return None
    return body.get(name) if isinstance(body, dict) else None


def create_app(api_key: str | None = None) -> App:
    """The national-portal WSGI app; the key defaults to `MOTCUA_SIM_PORTAL_KEY`."""
    app = App(NAME, api_key or os.environ.get(KEY_ENV) or DEFAULT_KEY)
    state = PortalState()

    @app.route("POST", r"/api/v1/dossiers/sync")
    def sync(request: Request) -> Response:
        key = (request.header("Idempotency-Key") or "").strip()
        if not key or len(key) > MAX_KEY_LENGTH:
            return error_response(
                400,
                "missing_idempotency_key",
                "Thiếu tiêu đề Idempotency-Key hoặc giá trị quá dài.",
            )
        try:
            message = request.json()
        except ValueError:
            return error_response(400, "invalid_json", "Nội dung không phải JSON hợp lệ.")
        if not isinstance(message, dict):
            return error_response(400, "invalid_json", "Nội dung phải là một đối tượng JSON.")
        missing = [
            name
            for name in ("code", "status")
            if not isinstance(message.get(name), str) or not message[name].strip()
        ]
        if missing:
            return error_response(
                400, "missing_fields", "Thiếu trường bắt buộc: " + ", ".join(missing) + "."
            )
        return state.apply(key, message)

    @app.route("POST", r"/api/v1/dossiers/statuses")
    def statuses(request: Request) -> Response:
        codes = _field(request, "codes")
        if (
            not isinstance(codes, list)
            or not all(isinstance(code, str) for code in codes)
            or len(codes) > MAX_BATCH
        ):
            return error_response(
                400, "invalid_codes", f"Cần danh sách mã hồ sơ (tối đa {MAX_BATCH} mã)."
            )
        found = {code: state.summary(code) for code in dict.fromkeys(codes)}
        return json_response(
            200,
            {
                "dossiers": [held for held in found.values() if held is not None],
                "missing": [code for code, held in found.items() if held is None],
            },
        )

    @app.route("PUT", r"/_admin/dossiers/(?P<code>[^/]+)")
    def make_stale(request: Request) -> Response:
        status = _field(request, "status")
        if not isinstance(status, str) or not status:
            return error_response(400, "missing_fields", "Thiếu trường bắt buộc: status.")
        state.overwrite(request.params["code"], status)
        return json_response(200, state.summary(request.params["code"]))

    @app.route("DELETE", r"/_admin/dossiers/(?P<code>[^/]+)")
    def forget(request: Request) -> Response:
        if not state.overwrite(request.params["code"], None):
            return error_response(404, "not_found", "Cổng DVC quốc gia chưa nhận hồ sơ này.")
        return json_response(200, {"code": request.params["code"], "forgotten": True})

    @app.route("GET", r"/api/v1/dossiers/(?P<code>[^/]+)")
    def dossier(request: Request) -> Response:
        found = state.summary(request.params["code"])
        if found is None:
            return error_response(404, "not_found", "Cổng DVC quốc gia chưa nhận hồ sơ này.")
        return json_response(200, found)

    return app
