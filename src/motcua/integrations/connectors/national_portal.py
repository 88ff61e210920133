"""Cổng Dịch vụ công quốc gia: every dossier and each change of its status, synced in real time."""

from django.conf import settings

from motcua.integrations.connectors import ConnectorError, request_json


def sync_dossier(payload: dict, idempotency_key: str) -> dict:
    """Push one dossier event; the answer must acknowledge it. The key makes a replay harmless."""
    config = settings.MOTCUA_CONNECTORS["national_portal"]
    answer = request_json(
        "POST",
        f"{config['base_url'].rstrip('/')}/api/v1/dossiers/sync",
        body=payload,
        headers={"Authorization": f"Bearer {config['key']}", "Idempotency-Key": idempotency_key},
        timeout=config["timeout"],
        system="national_portal",
    )
    if answer.get("acknowledged") is not True:
        raise ConnectorError("Cổng Dịch vụ công quốc gia không xác nhận đã nhận.")
    return answer
