"""Nền tảng thanh toán trực tuyến: create a payment for an order, read the daily statement.

Every request carries the merchant code and is signed (HMAC-SHA256, `payment_signing`) with the
shared secret; the order id is the idempotency key (the platform answers a repeated order with
the same transaction).
"""

from datetime import date
from urllib.parse import urlencode

from django.conf import settings

from motcua.integrations.connectors import ConnectorError, request_json
from motcua.integrations.connectors.payment_signing import signed


def _config() -> dict:
    return settings.MOTCUA_CONNECTORS["payment"]


def _url(path: str) -> str:
    return f"{_config()['base_url'].rstrip('/')}{path}"


def create_payment(
    *, order_id: str, amount: int, description: str, return_url: str, callback_url: str
) -> dict[str, str]:
    """Ask for a payment page; `{"transaction_id", "payment_url"}` to send the payer to."""
    config = _config()
    body = signed(
        {"merchant": config["merchant"], "order_id": order_id, "amount": amount,
         "description": description, "return_url": return_url, "callback_url": callback_url},
        config["secret"],
    )  # fmt: skip
    answer = request_json(
        "POST", _url("/payments"), body=body, headers={}, timeout=config["timeout"]
    )
    found = {name: answer.get(name) for name in ("transaction_id", "payment_url")}
    if not all(isinstance(value, str) and value for value in found.values()):
        raise ConnectorError("Nền tảng thanh toán không trả về trang thanh toán.")
    return found


def daily_statement(day: date) -> list[dict]:
    """The platform's transactions of `day` (its local date):
    `[{"transaction_id", "order_id", "amount", "status", "paid_at", "receipt_number"}]`."""
    config = _config()
    query = signed({"merchant": config["merchant"], "date": day.isoformat()}, config["secret"])
    answer = request_json(
        "GET", _url(f"/transactions?{urlencode(query)}"), headers={}, timeout=config["timeout"]
    )
    transactions = answer.get("transactions")
    if not isinstance(transactions, list) or not all(
        isinstance(t, dict) and isinstance(t.get("order_id"), str) and type(t.get("amount")) is int
        for t in transactions
    ):
        raise ConnectorError("Bảng kê giao dịch của nền tảng thanh toán không đúng định dạng.")
    return transactions
