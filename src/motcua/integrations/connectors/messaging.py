"""SMS and Zalo ZNS gateway: send a message to a phone number, ask how its delivery went."""

from urllib.parse import quote

from django.conf import settings

from motcua.integrations.connectors import ConnectorError, request_json

DELIVERY_STATES = {"sent", "delivered", "failed"}


def _call(method: str, path: str, *, body: dict | None = None, key: str = "") -> dict:
    config = settings.MOTCUA_CONNECTORS["messaging"]
    headers = {"Authorization": f"Bearer {config['key']}"}
    if key:
        headers["Idempotency-Key"] = key
    return request_json(
        method,
        f"{config['base_url'].rstrip('/')}{path}",
        body=body,
        headers=headers,
        timeout=config["timeout"],
    )


def _message_id(answer: dict) -> str:
    message_id = answer.get("message_id")
    if not isinstance(message_id, str) or not message_id:
        raise ConnectorError("Nhà mạng không trả về mã tin nhắn.")
    return message_id


def send_sms(phone: str, text: str, idempotency_key: str) -> str:
    """Send an SMS to `phone` (84xxxxxxxxx); the provider's message id."""
    return _message_id(_call("POST", "/sms", body={"phone": phone, "text": text},
                             key=idempotency_key))  # fmt: skip


def send_zns(phone: str, template_id: str, params: dict, idempotency_key: str) -> str:
    """Send a Zalo ZNS template message to the Zalo account of `phone`; the message id."""
    body = {"phone": phone, "template_id": template_id, "params": params}
    return _message_id(_call("POST", "/zns", body=body, key=idempotency_key))


def message_status(message_id: str) -> dict:
    """The delivery report of a message: `{status: sent|delivered|failed, at, error}`."""
    answer = _call("GET", f"/messages/{quote(message_id, safe='')}")
    if answer.get("status") not in DELIVERY_STATES:
        raise ConnectorError("Báo cáo gửi tin không đúng định dạng.")
    return answer
