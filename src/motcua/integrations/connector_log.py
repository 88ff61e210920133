"""The log of every call to an outside system (ARCHITECTURE.md: "a log record of request and
response"), with secrets and personal data redacted, and its retention.

Written by `connectors.request_json` itself, so no connector can forget it. A call to an outside
system is never made inside a database transaction (it would hold locks for up to the timeout,
and a rollback cannot take back what the other system received): the record is written in its
own durable transaction right after the answer, and stays whatever the caller does next. Calling a
connector inside `transaction.atomic()` therefore fails loudly (Django refuses the nested durable
block), in the tests too.
"""

import json
import re
from datetime import timedelta
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from motcua.integrations.models import ConnectorCall

REDACTED = "***"
# Names of JSON keys and query parameters whose values are never kept.
SECRET_NAME = re.compile(r"pass(word|wd)?|secret|token|key|signature|authori[sz]ation", re.I)
# Personal data of a citizen beyond the ID number (names, birth, addresses, contacts).
PERSONAL_NAMES = frozenset(
    {"full_name", "date_of_birth", "permanent_address", "address", "phone", "email"}
)
# A 12-digit personal identification number (số định danh cá nhân): the first three digits (the
# province of birth) and the last three are kept, enough to match the PopulationLookup record.
ID_NUMBER = re.compile(r"(?<!\d)(\d{3})\d{6}(\d{3})(?!\d)")


def mask_id_numbers(text: str) -> str:
    """`025190001234` → `025******234` wherever a 12-digit number stands alone."""
    return ID_NUMBER.sub(r"\1******\2", text)


def redact(value):
    """A JSON value with secrets and personal data replaced, ID numbers masked."""
    if isinstance(value, dict):
        return {
            key: REDACTED if SECRET_NAME.search(str(key)) or key in PERSONAL_NAMES else redact(item)
            for key, item in value.items()
        }
    if isinstance(value, list):
        return [redact(item) for item in value]
    if isinstance(value, str):
        return mask_id_numbers(value)
    return value


def redact_url(url: str) -> str:
    """The URL without user info, secret query parameters or ID numbers."""
    parts = urlsplit(url)
    netloc = parts.hostname or ""
    if parts.port:
        netloc = f"{netloc}:{parts.port}"
    query = urlencode(
        [(k, REDACTED if SECRET_NAME.search(k) else v) for k, v in parse_qsl(parts.query, True)]
    )
    return mask_id_numbers(urlunsplit((parts.scheme, netloc, parts.path, query, "")))


def redact_body(body: dict | bytes | None) -> str:
    """A request or response body as redacted text, cut to the configured length."""
    if body is None or body == b"":
        return ""
    if isinstance(body, bytes):
        try:
            body = json.loads(body)
        except ValueError:
            text = mask_id_numbers(body.decode("utf-8", errors="replace"))
            return _truncate(text)
    return _truncate(json.dumps(redact(body), ensure_ascii=False))


def _truncate(text: str) -> str:
    limit = settings.MOTCUA_CONNECTOR_LOG["body_chars"]
    if len(text) <= limit:
        return text
    return f"{text[:limit]}… [cắt bớt {len(text) - limit} ký tự]"


def system_of(url: str) -> str:
    """The configured connector whose base URL the URL starts with, else the host name."""
    for name, config in settings.MOTCUA_CONNECTORS.items():
        base = config.get("base_url") if isinstance(config, dict) else None
        if base and url.startswith(base.rstrip("/") + "/"):
            return name
    return urlsplit(url).hostname or ""


def connector_call_record(
    *,
    system: str,
    method: str,
    url: str,
    body: dict | None,
    status: int | None,
    answer: bytes,
    duration: float,
    error: str,
    idempotency_key: str,
) -> ConnectorCall:
    """Write the log record of one call, committed at once (see the module docstring)."""
    raw_url, url = url, redact_url(url)
    with transaction.atomic(durable=True):
        return ConnectorCall.objects.create(
            system=system or system_of(url),
            method=method,
            url=url[:1000],
            request_body=redact_body(body),
            status=status,
            response_body=redact_body(answer),
            duration_ms=round(duration * 1000),
            error=mask_id_numbers(error.replace(raw_url, url)),
            idempotency_key=idempotency_key[:64],
            at=timezone.now(),
        )


def connector_log_prune(*, days: int) -> int:
    """Delete the records older than `days` days; returns how many."""
    cutoff = timezone.now() - timedelta(days=days)
    deleted, _ = ConnectorCall.objects.filter(at__lt=cutoff).delete()
    return deleted
