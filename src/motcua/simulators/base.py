"""WSGI plumbing shared by the simulators: JSON responses, regex routes, a fault switch, serving.

Standard library only, so that a simulator starts in a blink and has nothing to do with Django.
"""

from __future__ import annotations

import hmac
import json
import re
import signal
import sys
import threading
import time
import urllib.parse
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from http import HTTPStatus
from socketserver import ThreadingMixIn
from typing import Any
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

HOST = "127.0.0.1"
MAX_BODY = 1024 * 1024
MAX_DELAY = 60.0
FAULT_MODES = ("normal", "error", "slow", "garbage")
GARBAGE = b"<html><body><h1>502 Bad Gateway</h1>upstream sent an invalid reply</body></html>"


@dataclass
class Request:
    """One incoming request, read whole (bodies are small)."""

    method: str
    path: str
    environ: dict[str, Any]
    body: bytes = b""
    params: dict[str, str] = field(default_factory=dict)

    def header(self, name: str) -> str | None:
        """The value of header `name` (case-insensitive), or None."""
        key = name.upper().replace("-", "_")
        if key in ("CONTENT_TYPE", "CONTENT_LENGTH"):
            return self.environ.get(key) or None
        return self.environ.get(f"HTTP_{key}") or None

    def json(self) -> Any:
        """The body parsed as JSON; ValueError when it is not valid UTF-8 JSON."""
        return json.loads(self.body.decode("utf-8"))

    def query(self) -> dict[str, str]:
        """The query-string parameters; a repeated one keeps its first value."""
        return _first_values(self.environ.get("QUERY_STRING", ""))

    def form(self) -> dict[str, str]:
        """The `application/x-www-form-urlencoded` body; a repeated field keeps its first value."""
        return _first_values(self.body.decode("utf-8", errors="replace"))


@dataclass
class Response:
    status: int
    body: bytes
    content_type: str = "application/json; charset=utf-8"
    headers: list[tuple[str, str]] = field(default_factory=list)


Handler = Callable[[Request], Response]


def json_response(status: int, data: Any) -> Response:
    """A JSON response; non-ASCII text (Vietnamese) stays readable."""
    return Response(status, json.dumps(data, ensure_ascii=False).encode("utf-8"))


def error_response(status: int, error: str, detail: str) -> Response:
    """The error body of every simulator: a machine code and a Vietnamese explanation."""
    return json_response(status, {"error": error, "detail": detail})


def html_response(status: int, html: str) -> Response:
    """An HTML page."""
    return Response(status, html.encode("utf-8"), "text/html; charset=utf-8")


def redirect(url: str) -> Response:
    """302 Found to `url`."""
    return Response(302, b"", "text/plain; charset=utf-8", [("Location", url)])


def _first_values(encoded: str) -> dict[str, str]:
    values: dict[str, str] = {}
    for name, value in urllib.parse.parse_qsl(encoded, keep_blank_values=True):
        values.setdefault(name, value)
    return values


class Faults:
    """The fault switch a test flips through `POST /_faults`.

    `error` fails the 1st, 3rd, 5th … request after the switch with 500; `slow` sleeps `delay`
    seconds before answering normally; `garbage` answers 200 with a body that is not JSON.
    `waiting` (in the state) counts the requests being held by `slow` now, so that a test knows
    a request is in flight.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.mode = "normal"
        self.delay = 0.0
        self._count = 0
        self._waiting = 0

    def set(self, mode: str, delay: float) -> None:
        with self._lock:
            self.mode, self.delay, self._count = mode, delay, 0

    def state(self) -> dict[str, Any]:
        with self._lock:
            return {"mode": self.mode, "delay": self.delay, "waiting": self._waiting}

    def intercept(self) -> Response | None:
        """Apply the current fault: a response to send instead, or None to answer normally."""
        with self._lock:
            mode, delay = self.mode, self.delay
            self._count += 1
            count = self._count
        if mode == "error" and count % 2 == 1:
            return error_response(500, "internal_error", "Lỗi hệ thống (lỗi giả lập để kiểm thử).")
        if mode == "garbage":
            return Response(200, GARBAGE, "text/html; charset=utf-8")
        if mode == "slow":
            with self._lock:
                self._waiting += 1
            try:
                time.sleep(delay)
            finally:
                with self._lock:
                    self._waiting -= 1
        return None


class App:
    """A WSGI application with regex routes, optional bearer-key auth and a fault switch.

    `GET /healthz` and `GET|POST /_faults` are built in; they are never faulted nor authenticated.
    """

    def __init__(self, name: str, api_key: str) -> None:
        self.name = name
        self.api_key = api_key
        self.faults = Faults()
        self._routes: list[tuple[str, re.Pattern[str], Handler, bool]] = []
        self._builtin: list[tuple[str, re.Pattern[str], Handler, bool]] = [
            ("GET", re.compile(r"/healthz"), lambda r: json_response(200, {"status": "ok"}), False),
            (
                "GET",
                re.compile(r"/_faults"),
                lambda r: json_response(200, self.faults.state()),
                False,
            ),
            ("POST", re.compile(r"/_faults"), self._set_faults, False),
        ]

    def route(
        self, method: str, pattern: str, *, auth: bool = True
    ) -> Callable[[Handler], Handler]:
        """Register a handler for `method` on paths matching `pattern`; named groups → params."""

        def register(handler: Handler) -> Handler:
            self._routes.append((method, re.compile(pattern), handler, auth))
            return handler

        return register

    def __call__(
        self, environ: dict[str, Any], start_response: Callable[..., Any]
    ) -> Iterable[bytes]:
        response = self.handle(environ)
        reason = HTTPStatus(response.status).phrase
        start_response(
            f"{response.status} {reason}",
            [
                ("Content-Type", response.content_type),
                ("Content-Length", str(len(response.body))),
                *response.headers,
            ],
        )
        return [response.body]

    def handle(self, environ: dict[str, Any]) -> Response:
        method = environ.get("REQUEST_METHOD", "GET").upper()
        path = environ.get("PATH_INFO", "/") or "/"
        request = Request(method, path, environ)
        builtin = self._match(self._builtin, request)
        if builtin is not None:
            return builtin
        fault = self.faults.intercept()
        if fault is not None:
            return fault
        found = self._match(self._routes, request)
        if found is not None:
            return found
        return error_response(404, "not_found", "Không tìm thấy tài nguyên.")

    def _match(
        self, routes: list[tuple[str, re.Pattern[str], Handler, bool]], request: Request
    ) -> Response | None:
        path_matched = False
        for method, pattern, handler, auth in routes:
            match = pattern.fullmatch(request.path)
            if match is None:
                continue
            path_matched = True
            if method != request.method:
                continue
            if auth and not self._authorised(request):
                return error_response(401, "unauthorized", "Thiếu hoặc sai khóa truy cập (Bearer).")
            too_big = _read_body(request)
            if too_big is not None:
                return too_big
            request.params = match.groupdict()
            return handler(request)
        if path_matched:
            return error_response(405, "method_not_allowed", "Phương thức không được hỗ trợ.")
        return None

    def _authorised(self, request: Request) -> bool:
        header = request.header("Authorization") or ""
        scheme, _, key = header.partition(" ")
        if scheme.lower() != "bearer" or not key:
            return False
        return hmac.compare_digest(key.strip().encode(), self.api_key.encode())

    def _set_faults(self, request: Request) -> Response:
        try:
            data = request.json()
        except ValueError:
            return error_response(400, "invalid_json", "Nội dung không phải JSON hợp lệ.")
        mode = data.get("mode") if isinstance(data, dict) else None
        delay = data.get("delay", 0) if isinstance(data, dict) else None
        if mode not in FAULT_MODES:
            return error_response(
                400, "invalid_mode", "Chế độ lỗi phải là: " + ", ".join(FAULT_MODES) + "."
            )
        if (
            isinstance(delay, bool)
            or not isinstance(delay, int | float)
            or not 0 <= delay <= MAX_DELAY
        ):
            return error_response(
                400, "invalid_delay", f"Độ trễ phải là số giây từ 0 đến {MAX_DELAY:g}."
            )
        self.faults.set(mode, float(delay))
        return json_response(200, self.faults.state())


def _read_body(request: Request) -> Response | None:
    """Read the body into `request.body`; a response when it is too large or unreadable."""
    try:
        length = int(request.environ.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return error_response(400, "invalid_length", "Độ dài nội dung không hợp lệ.")
    if length > MAX_BODY:
        return error_response(413, "too_large", "Nội dung gửi lên quá lớn.")
    if length > 0:
        request.body = request.environ["wsgi.input"].read(length)
    return None


class ThreadingWSGIServer(ThreadingMixIn, WSGIServer):
    """One thread per request, so a slow answer does not hold up the fault switch."""

    daemon_threads = True
    allow_reuse_address = True


class LoggingHandler(WSGIRequestHandler):
    """Log one line per request to stderr, prefixed by the simulator's name."""

    def log_message(self, format: str, *args: Any) -> None:
        name = getattr(self.server, "simulator_name", "simulator")
        sys.stderr.write(f"[{name}] {self.address_string()} {format % args}\n")
        sys.stderr.flush()


def serve(app: App, port: int, host: str = HOST) -> None:
    """Serve `app` on host:port until SIGTERM or Ctrl-C."""
    try:
        server = make_server(host, port, app, ThreadingWSGIServer, LoggingHandler)
    except OSError as exc:
        sys.exit(f"{app.name}: cannot listen on {host}:{port}: {exc}")
    server.simulator_name = app.name  # type: ignore[attr-defined]
    signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(0))
    sys.stderr.write(f"[{app.name}] listening on http://{host}:{port}\n")
    sys.stderr.flush()
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
