"""Connectors to outside systems: each is configured by base URL and credentials and speaks HTTP,
to the real system in production and to our simulator (`motcua.simulators`) in the demo and tests.
Every call leaves a redacted `ConnectorCall` record (`integrations.connector_log`).
"""

import json
import time
import urllib.error
import urllib.request


class ConnectorError(Exception):
    """The outside system did not take the message: down, slow, refused or answered garbage."""

    def __init__(self, message: str, *, status: int | None = None):
        super().__init__(message)
        self.status = status


def request_bytes(
    method: str,
    url: str,
    *,
    headers: dict[str, str],
    timeout: float,
    body: bytes | None = None,
    system: str = "",
) -> bytes:
    """Send one binary request and return the body answered; every failure is a ConnectorError.

    The log keeps the size of a binary answer, not its content.
    """
    return _call(method, url, headers, timeout, body, system, None, _binary)


def request_json(
    method: str,
    url: str,
    *,
    headers: dict[str, str],
    timeout: float,
    body: dict | None = None,
    system: str = "",
) -> dict:
    """Send one JSON request and return the JSON object answered; failures are ConnectorErrors.

    `system` names the outside system in the log (by default the connector whose base URL the
    URL starts with). Neither function may be called inside a database transaction (see
    connector_log): the log record is committed whatever the caller does next.
    """
    data = None if body is None else json.dumps(body, ensure_ascii=False).encode()
    headers = {"Content-Type": "application/json", **headers}
    return _call(method, url, headers, timeout, data, system, body, _json_object)


def _call(method, url, headers, timeout, data, system, logged_body, decode):
    request = urllib.request.Request(  # noqa: S310 (the URL is our own setting, http or https)
        url, data=data, headers=headers, method=method
    )
    started = time.monotonic()
    status, raw, failure = None, b"", None
    try:
        status, raw = _send(request, url, timeout)
        if status >= 400:
            raise ConnectorError(f"HTTP {status} từ {url}", status=status)
        return decode(raw, url)
    except ConnectorError as error:
        failure = error
        raise
    finally:
        # Imported here: simulators import this package's signing rules without Django set up.
        from motcua.integrations.connector_log import connector_call_record

        connector_call_record(
            system=system,
            method=method,
            url=url,
            body=logged_body,
            status=status,
            answer=f"<{len(raw)} byte>".encode() if decode is _binary and raw else raw,
            duration=time.monotonic() - started,
            error=str(failure or ""),
            idempotency_key=headers.get("Idempotency-Key", ""),
        )


def _binary(raw: bytes, url: str) -> bytes:
    return raw


def _json_object(raw: bytes, url: str) -> dict:
    try:
        answer = json.loads(raw)
    except ValueError as error:
        raise ConnectorError(f"Phản hồi không phải JSON từ {url}") from error
    if not isinstance(answer, dict):
        raise ConnectorError(f"Phản hồi không đúng định dạng từ {url}")
    return answer


def _send(request: urllib.request.Request, url: str, timeout: float) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        try:
            return error.code, error.read()
        except OSError:
            return error.code, b""
    except (urllib.error.URLError, TimeoutError, OSError) as error:
        raise ConnectorError(f"Không kết nối được {url}: {error}") from error
