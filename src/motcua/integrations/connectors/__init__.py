"""Connectors to outside systems: each is configured by base URL and credentials and speaks HTTP,
to the real system in production and to our simulator (`motcua.simulators`) in the demo and tests.
"""

import json
import urllib.error
import urllib.request


class ConnectorError(Exception):
    """The outside system did not take the message: down, slow, refused or answered garbage."""


def post_json(url: str, body: dict, *, headers: dict[str, str], timeout: float) -> dict:
    """POST `body` as JSON and return the JSON answer; every failure is a ConnectorError."""
    request = urllib.request.Request(  # noqa: S310 (the URL is our own setting, http or https)
        url,
        data=json.dumps(body, ensure_ascii=False).encode(),
        headers={"Content-Type": "application/json", **headers},
        method="POST",
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
            raw = response.read()
    except urllib.error.HTTPError as error:
        raise ConnectorError(f"HTTP {error.code} từ {url}") from error
    except (urllib.error.URLError, TimeoutError, OSError) as error:
        raise ConnectorError(f"Không kết nối được {url}: {error}") from error
    try:
        answer = json.loads(raw)
    except ValueError as error:
        raise ConnectorError(f"Phản hồi không phải JSON từ {url}") from error
    if not isinstance(answer, dict):
        raise ConnectorError(f"Phản hồi không đúng định dạng từ {url}")
    return answer
