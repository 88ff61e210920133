"""Connectors to outside systems: each is configured by base URL and credentials and speaks HTTP,
to the real system in production and to our simulator (`motcua.simulators`) in the demo and tests.
"""

import json
import urllib.error
import urllib.request


class ConnectorError(Exception):
    """The outside system did not take the message: down, slow, refused or answered garbage."""

    def __init__(self, message: str, *, status: int | None = None):
        super().__init__(message)
        self.status = status


def request_json(
    method: str, url: str, *, headers: dict[str, str], timeout: float, body: dict | None = None
) -> dict:
    """Send one request and return the JSON object answered; every failure is a ConnectorError."""
    data = None if body is None else json.dumps(body, ensure_ascii=False).encode()
    request = urllib.request.Request(  # noqa: S310 (the URL is our own setting, http or https)
        url, data=data, headers={"Content-Type": "application/json", **headers}, method=method
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
            raw = response.read()
    except urllib.error.HTTPError as error:
        raise ConnectorError(f"HTTP {error.code} từ {url}", status=error.code) from error
    except (urllib.error.URLError, TimeoutError, OSError) as error:
        raise ConnectorError(f"Không kết nối được {url}: {error}") from error
    try:
        answer = json.loads(raw)
    except ValueError as error:
        raise ConnectorError(f"Phản hồi không phải JSON từ {url}") from error
    if not isinstance(answer, dict):
        raise ConnectorError(f"Phản hồi không đúng định dạng từ {url}")
    return answer
