"""CSDL quốc gia về dân cư: look a citizen up by personal identification number."""

from django.conf import settings

from motcua.integrations.connectors import ConnectorError, request_json

IDENTITY_FIELDS = ("id_number", "full_name", "date_of_birth", "sex", "permanent_address")


def lookup_citizen(id_number: str) -> dict | None:
    """The citizen's identity as the database holds it, or None when it has no such number."""
    config = settings.MOTCUA_CONNECTORS["population"]
    try:
        answer = request_json(
            "GET",
            f"{config['base_url'].rstrip('/')}/api/v1/citizens/{id_number}",
            headers={"Authorization": f"Bearer {config['key']}"},
            timeout=config["timeout"],
            system="population",
        )
    except ConnectorError as error:
        if error.status == 404:
            return None
        raise
    if not all(isinstance(answer.get(name), str) for name in IDENTITY_FIELDS):
        raise ConnectorError("CSDL dân cư trả lời thiếu thông tin nhân thân.")
    return {name: answer[name] for name in IDENTITY_FIELDS}
