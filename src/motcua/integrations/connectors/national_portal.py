"""Cổng Dịch vụ công quốc gia: every dossier and each change of its status, synced in real time."""

from django.conf import settings

from motcua.integrations.connectors import ConnectorError, request_json

BATCH = 500  # the most codes one status query may carry


def _call(method: str, path: str, body: dict, headers: dict[str, str] | None = None) -> dict:
    config = settings.MOTCUA_CONNECTORS["national_portal"]
    return request_json(
        method,
        f"{config['base_url'].rstrip('/')}{path}",
        body=body,
        headers={"Authorization": f"Bearer {config['key']}", **(headers or {})},
        timeout=config["timeout"],
        system="national_portal",
    )


def sync_dossier(payload: dict, idempotency_key: str) -> dict:
    """Push one dossier event; the answer must acknowledge it. The key makes a replay harmless."""
    answer = _call("POST", "/api/v1/dossiers/sync", payload, {"Idempotency-Key": idempotency_key})
    if answer.get("acknowledged") is not True:
        raise ConnectorError("Cổng Dịch vụ công quốc gia không xác nhận đã nhận.")
    return answer


def dossier_statuses(codes: list[str]) -> dict[str, str]:
    """The status the portal holds for each of `codes` (at most BATCH); a code it does not know
    is absent from the answer."""
    if len(codes) > BATCH:
        raise ValueError(f"at most {BATCH} codes per query")
    answer = _call("POST", "/api/v1/dossiers/statuses", {"codes": codes})
    held = answer.get("dossiers")
    if not isinstance(held, list) or not all(
        isinstance(row, dict) and isinstance(row.get("code"), str)
        and isinstance(row.get("status"), str)
        for row in held
    ):  # fmt: skip
        raise ConnectorError("Cổng Dịch vụ công quốc gia trả lời trạng thái không đúng định dạng.")
    return {row["code"]: row["status"] for row in held}
