"""The payment platform's simulator: signed merchant requests, a payment page without
JavaScript, signed callbacks retried until the merchant answers 200, the daily statement."""

import re
import threading
from datetime import datetime, timedelta, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qsl, urlencode

import pytest

from motcua.integrations.connectors.payment_signing import signature_valid, signed
from tests.payments.helpers import browse, decide
from tests.simulators.processes import KEYS, call

MERCHANT = "MOTCUA-H44"


@pytest.fixture
def sim(start_simulator):
    return start_simulator("payment")


class Merchant:
    """A stand-in merchant server that records callbacks, failing the first `failures`."""

    def __init__(self, failures: int = 0):
        self.received: list[dict] = []
        self.failures = failures
        self.arrived = threading.Event()
        merchant = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers["Content-Length"])).decode()
                merchant.received.append(dict(parse_qsl(body, keep_blank_values=True)))
                ok = len(merchant.received) > merchant.failures
                self.send_response(200 if ok else 500)
                self.end_headers()
                if ok:
                    merchant.arrived.set()

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.url = f"http://127.0.0.1:{self.server.server_port}/callback"

    def close(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def merchant():
    started: list[Merchant] = []

    def make(failures: int = 0) -> Merchant:
        started.append(Merchant(failures))
        return started[-1]

    yield make
    for one in started:
        one.close()


def create(sim, order_id="TT01", amount=8000, secret=KEYS["payment"], callback="http://x/"):
    body = signed({"merchant": MERCHANT, "order_id": order_id, "amount": amount,
                   "description": "Lệ phí hồ sơ H44.189-261123-0001",
                   "return_url": "http://127.0.0.1:8000/thanh-toan/ket-qua/",
                   "callback_url": callback}, secret)  # fmt: skip
    return call("POST", f"{sim.url}/payments", body)


def test_only_the_signed_merchant_creates_payments_and_an_order_is_created_once(sim):
    assert create(sim, secret="wrong").status == 401
    first = create(sim)
    assert first.status == 200, first.body
    assert first.json()["payment_url"] == f"{sim.url}/pay/{first.json()['transaction_id']}"
    assert create(sim).json() == first.json()  # the order id is the idempotency key
    assert create(sim, amount=9000).status == 409


def test_the_page_is_a_plain_form_with_labelled_choices(sim):
    page = browse(create(sim).json()["payment_url"])
    assert page.status == 200
    assert '<html lang="vi">' in page.html and "<script" not in page.html
    assert "8000 đồng" in page.html
    assert '<label for="channel-bank">Tài khoản ngân hàng</label>' in page.html
    assert re.search(r'<button type="submit" name="decision" value="pay">Thanh toán</button>',
                     page.html)  # fmt: skip
    assert (
        '<button type="submit" name="decision" value="cancel">Hủy giao dịch</button>' in page.html
    )


def test_paying_calls_the_merchant_back_signed_and_sends_the_browser_back(sim, merchant):
    shop = merchant()
    payment_url = create(sim, callback=shop.url).json()["payment_url"]

    page = decide(payment_url, "Thanh toán")

    assert page.status == 303
    query = dict(parse_qsl(page.location.split("?", 1)[1], keep_blank_values=True))
    assert page.location.startswith("http://127.0.0.1:8000/thanh-toan/ket-qua/?")
    assert shop.received == [query]
    assert signature_valid(query, KEYS["payment"])
    assert (query["order_id"], query["amount"], query["status"]) == ("TT01", "8000", "paid")
    assert query["receipt_number"].startswith("BL")
    assert browse(payment_url).status == 409  # a settled transaction cannot be paid again
    assert browse(payment_url.replace("/pay/", "/pay/X")).status == 404


def test_a_callback_is_retried_until_the_merchant_answers_200(sim, merchant):
    shop = merchant(failures=2)
    decide(create(sim, callback=shop.url).json()["payment_url"], "Hủy giao dịch")
    assert shop.arrived.wait(timeout=10)
    assert len(shop.received) == 3
    assert shop.received[0] == shop.received[2]
    assert shop.received[0]["status"] == "cancelled" and shop.received[0]["receipt_number"] == ""


def test_the_daily_statement_lists_the_settled_transactions_of_the_day(sim, merchant):
    shop = merchant()
    decide(create(sim, "TT01", callback=shop.url).json()["payment_url"], "Thanh toán")
    create(sim, "TT02", callback=shop.url)  # never settled
    today = datetime.now(timezone(timedelta(hours=7))).date()

    def statement(day, secret=KEYS["payment"]):
        query = urlencode(signed({"merchant": MERCHANT, "date": day.isoformat()}, secret))
        return call("GET", f"{sim.url}/transactions?{query}")

    lines = statement(today).json()["transactions"]
    assert [(t["order_id"], t["amount"], t["status"]) for t in lines] == [("TT01", 8000, "paid")]
    assert statement(today - timedelta(days=1)).json()["transactions"] == []
    assert statement(today, secret="wrong").status == 401
