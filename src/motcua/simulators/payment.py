"""Simulator of the national payment platform (Nền tảng thanh toán trực tuyến).

- `POST /payments` (JSON signed by the merchant: `merchant, order_id, amount, description,
  return_url, callback_url, signature`) creates a transaction and answers
  `{transaction_id, payment_url}`; the same order again gets the same transaction.
- `GET /pay/<id>` is the payment page (plain HTML form, no JavaScript): "Thanh toán" or
  "Hủy giao dịch". On submit the platform posts the signed result to the merchant's callback URL
  (form-encoded; retried in the background until it answers 200) and sends the browser to the
  return URL with the same signed parameters.
- `GET /transactions?merchant=&date=YYYY-MM-DD&signature=` is the daily statement: the
  transactions settled on that (Vietnam) date.

Signatures are HMAC-SHA256 over the sorted `key=value` pairs (`connectors/payment_signing.py`,
standard library only).
State lives in memory only.
"""

from __future__ import annotations

import html
import itertools
import os
import sys
import threading
import time
import urllib.error
import urllib.request
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import Any
from urllib.parse import parse_qsl, urlencode

from motcua.integrations.connectors.payment_signing import signature_valid, signed
from motcua.simulators.base import App, Request, Response, error_response, json_response

NAME = "payment"
DEFAULT_PORT = 8104
PORT_ENV = "MOTCUA_SIM_PAYMENT_PORT"
MERCHANT_ENV = "MOTCUA_SIM_PAYMENT_MERCHANT"
SECRET_ENV = "MOTCUA_SIM_PAYMENT_SECRET"
DEFAULT_MERCHANT = "MOTCUA-H44"
DEFAULT_SECRET = "demo-payment-secret"
ATTEMPTS_ENV = "MOTCUA_SIM_PAYMENT_CALLBACK_ATTEMPTS"
RETRY_ENV = "MOTCUA_SIM_PAYMENT_RETRY_SECONDS"
VIETNAM = timezone(timedelta(hours=7))
CREATE_FIELDS = ("merchant", "order_id", "amount", "description", "return_url", "callback_url")


@dataclass
class Transaction:
    id: str
    order_id: str
    amount: int
    description: str
    return_url: str
    callback_url: str
    status: str = "pending"  # pending, paid, cancelled
    paid_at: datetime | None = None
    receipt_number: str = ""

    def result(self, merchant: str, secret: str) -> dict[str, str]:
        """The signed result the merchant receives, by callback and on the return URL."""
        return signed(
            {"merchant": merchant, "order_id": self.order_id, "transaction_id": self.id,
             "amount": self.amount, "status": self.status,
             "paid_at": self.paid_at.isoformat(timespec="seconds") if self.paid_at else "",
             "receipt_number": self.receipt_number},
            secret,
        )  # fmt: skip

    def statement_line(self) -> dict[str, Any]:
        return {"transaction_id": self.id, "order_id": self.order_id, "amount": self.amount,
                "status": self.status,
                "paid_at": self.paid_at.isoformat(timespec="seconds") if self.paid_at else None,
                "receipt_number": self.receipt_number}  # fmt: skip


def _page(title: str, body: str, status: int = 200) -> Response:
    document = (
        '<!doctype html><html lang="vi"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{html.escape(title)} — Nền tảng thanh toán trực tuyến</title></head>"
        f"<body><main><h1>{html.escape(title)}</h1>{body}</main></body></html>"
    )
    return Response(status, document.encode("utf-8"), "text/html; charset=utf-8")


def _payment_form(txn: Transaction) -> str:
    e = html.escape
    return (
        f"<dl><dt>Nội dung</dt><dd>{e(txn.description)}</dd>"
        f"<dt>Mã đơn hàng</dt><dd>{e(txn.order_id)}</dd>"
        f'<dt>Số tiền</dt><dd id="amount">{txn.amount} đồng</dd></dl>'
        f'<form method="post" action="/pay/{e(txn.id)}">'
        "<fieldset><legend>Phương thức thanh toán</legend>"
        '<input type="radio" id="channel-bank" name="channel" value="bank" checked>'
        '<label for="channel-bank">Tài khoản ngân hàng</label>'
        '<input type="radio" id="channel-wallet" name="channel" value="wallet">'
        '<label for="channel-wallet">Ví điện tử</label></fieldset>'
        '<button type="submit" name="decision" value="pay">Thanh toán</button> '
        '<button type="submit" name="decision" value="cancel">Hủy giao dịch</button>'
        "</form>"
    )


class Platform:
    """Transactions by id, and the callbacks to deliver."""

    def __init__(self, merchant: str, secret: str) -> None:
        self.merchant, self.secret = merchant, secret
        self.lock = threading.Lock()
        self.transactions: dict[str, Transaction] = {}
        self.by_order: dict[str, str] = {}
        self.receipts = itertools.count(1)
        self.attempts = int(os.environ.get(ATTEMPTS_ENV) or 5)
        self.retry_seconds = float(os.environ.get(RETRY_ENV) or 2)

    def create(self, fields: dict[str, Any]) -> Transaction | None:
        """The transaction of the order, created once; None when the order had another amount."""
        with self.lock:
            known = self.by_order.get(fields["order_id"])
            if known is not None:
                txn = self.transactions[known]
                return txn if txn.amount == fields["amount"] else None
            txn = Transaction(
                uuid.uuid4().hex[:16].upper(), fields["order_id"], fields["amount"],
                fields["description"], fields["return_url"], fields["callback_url"],
            )  # fmt: skip
            self.transactions[txn.id] = txn
            self.by_order[txn.order_id] = txn.id
            return txn

    def settle(self, txn: Transaction, pay: bool) -> bool:
        """Pay or cancel a pending transaction; False when it was settled already."""
        with self.lock:
            if txn.status != "pending":
                return False
            txn.status = "paid" if pay else "cancelled"
            txn.paid_at = datetime.now(VIETNAM).replace(microsecond=0)
            if pay:
                txn.receipt_number = f"BL{txn.paid_at:%Y%m%d}{next(self.receipts):06d}"
            return True

    def notify(self, txn: Transaction) -> None:
        """Post the result to the merchant now; retry in the background until it answers 200."""
        body = urlencode(txn.result(self.merchant, self.secret)).encode()
        if not self._post(txn.callback_url, body):
            threading.Thread(target=self._retry, args=(txn.callback_url, body), daemon=True).start()

    def _retry(self, url: str, body: bytes) -> None:
        for _ in range(self.attempts - 1):
            time.sleep(self.retry_seconds)
            if self._post(url, body):
                return

    def _post(self, url: str, body: bytes) -> bool:
        request = urllib.request.Request(  # noqa: S310 (the merchant's own callback URL)
            url, data=body, method="POST",
            headers={"Content-Type": "application/x-www-form-urlencoded"},
        )  # fmt: skip
        try:
            with urllib.request.urlopen(request, timeout=5) as response:  # noqa: S310
                return response.status == 200
        except (urllib.error.URLError, OSError) as error:
            sys.stderr.write(f"[{NAME}] callback to {url} failed: {error}\n")
            return False


def _create_fields(data: Any, platform: Platform) -> dict[str, Any] | Response:
    """The checked fields of a payment request, or the error response."""
    if not isinstance(data, dict) or not all(isinstance(data.get(n), str) for n in CREATE_FIELDS):
        return error_response(400, "missing_fields", "Thiếu trường bắt buộc.")
    if data["merchant"] != platform.merchant or not signature_valid(data, platform.secret):
        return error_response(401, "bad_signature", "Sai mã đơn vị hoặc chữ ký.")
    if not data["amount"].isdigit() or int(data["amount"]) <= 0:
        return error_response(400, "invalid_amount", "Số tiền phải là số nguyên dương (đồng).")
    if not all(data[n].startswith(("http://", "https://")) for n in ("return_url", "callback_url")):
        return error_response(400, "invalid_url", "Địa chỉ trả về không hợp lệ.")
    return {**{n: data[n] for n in CREATE_FIELDS}, "amount": int(data["amount"])}


def create_app(merchant: str | None = None, secret: str | None = None) -> App:
    """The payment-platform WSGI app; merchant and secret default to the environment."""
    platform = Platform(
        merchant or os.environ.get(MERCHANT_ENV) or DEFAULT_MERCHANT,
        secret or os.environ.get(SECRET_ENV) or DEFAULT_SECRET,
    )
    app = App(NAME, platform.secret)

    @app.route("POST", r"/payments", auth=False)
    def create(request: Request) -> Response:
        try:
            fields = _create_fields(request.json(), platform)
        except ValueError:
            return error_response(400, "invalid_json", "Nội dung không phải JSON hợp lệ.")
        if isinstance(fields, Response):
            return fields
        txn = platform.create(fields)
        if txn is None:
            return error_response(409, "order_conflict", "Mã đơn hàng đã dùng với số tiền khác.")
        host = request.header("Host") or f"127.0.0.1:{DEFAULT_PORT}"
        return json_response(
            200, {"transaction_id": txn.id, "payment_url": f"http://{host}/pay/{txn.id}"}
        )

    def found(request: Request) -> Transaction | None:
        return platform.transactions.get(request.params["id"])

    @app.route("GET", r"/pay/(?P<id>[A-Z0-9]+)", auth=False)
    def page(request: Request) -> Response:
        txn = found(request)
        if txn is None:
            return _page("Không tìm thấy giao dịch", "<p>Giao dịch không tồn tại.</p>", 404)
        if txn.status != "pending":
            state = "đã thanh toán" if txn.status == "paid" else "đã hủy"
            return _page("Giao dịch đã kết thúc", f"<p>Giao dịch {state}.</p>", 409)
        return _page("Thanh toán phí, lệ phí", _payment_form(txn))

    @app.route("POST", r"/pay/(?P<id>[A-Z0-9]+)", auth=False)
    def decide(request: Request) -> Response:
        txn = found(request)
        form = dict(parse_qsl(request.body.decode("utf-8", "replace")))
        if txn is None or form.get("decision") not in ("pay", "cancel"):
            return _page("Yêu cầu không hợp lệ", "<p>Không xử lý được yêu cầu.</p>", 400)
        if not platform.settle(txn, form["decision"] == "pay"):
            return _page("Giao dịch đã kết thúc", "<p>Giao dịch đã được xử lý trước đó.</p>", 409)
        platform.notify(txn)
        separator = "&" if "?" in txn.return_url else "?"
        location = (
            txn.return_url + separator + urlencode(txn.result(platform.merchant, platform.secret))
        )
        return Response(303, b"", "text/plain; charset=utf-8", [("Location", location)])

    @app.route("GET", r"/transactions", auth=False)
    def statement(request: Request) -> Response:
        query = dict(parse_qsl(request.environ.get("QUERY_STRING", "")))
        if query.get("merchant") != platform.merchant or not signature_valid(
            query, platform.secret
        ):
            return error_response(401, "bad_signature", "Sai mã đơn vị hoặc chữ ký.")
        day = query.get("date", "")
        with platform.lock:
            lines = [
                t.statement_line() for t in platform.transactions.values()
                if t.paid_at is not None and t.paid_at.date().isoformat() == day
            ]  # fmt: skip
        return json_response(
            200, {"merchant": platform.merchant, "date": day, "transactions": lines}
        )

    return app
