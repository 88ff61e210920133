"""The citizen's "Thanh toán trực tuyến" button: a CSRF-protected POST that sends the browser to
the payment platform's page, for the applicant's own dossier only and only while fees are owed."""

import pytest
from django.test import Client

from motcua.payments.models import PaymentOrder
from tests.dossiers.helpers import submit


@pytest.fixture
def browser(citizen) -> Client:
    client = Client()
    client.force_login(citizen)
    return client


def pay_url(code: str) -> str:
    return f"/ca-nhan/ho-so/{code}/thanh-toan/"


def test_the_dossier_page_offers_payment_and_the_button_goes_to_the_platform(
    browser, awaiting, connected
):
    dossier = awaiting()
    page = browser.get(f"/ca-nhan/ho-so/{dossier['code']}/").content.decode()
    assert "Thanh toán trực tuyến" in page and "còn phải nộp 8.000 đồng" in page
    assert f'action="{pay_url(dossier["code"])}"' in page

    response = browser.post(pay_url(dossier["code"]))

    order = PaymentOrder.objects.get()
    assert response.status_code == 302
    assert response["Location"] == order.payment_url
    assert order.payment_url.startswith(f"{connected.url}/pay/")
    assert (order.dossier.code, order.amount, order.state) == (dossier["code"], 8000, "created")


def test_a_dossier_not_waiting_for_payment_says_so_and_starts_nothing(
    browser, api, receiver, procedure, commune, connected
):
    dossier = submit(api(receiver), procedure, commune, channel="desk")
    page = browser.get(f"/ca-nhan/ho-so/{dossier['code']}/").content.decode()
    assert "Thanh toán trực tuyến" not in page

    response = browser.post(pay_url(dossier["code"]))

    assert response.status_code == 409
    assert "không chờ thanh toán" in response.content.decode()
    assert not PaymentOrder.objects.exists()


def test_another_citizens_dossier_is_not_found(awaiting, other_citizen, connected):
    dossier = awaiting()
    stranger = Client()
    stranger.force_login(other_citizen)
    response = stranger.post(pay_url(dossier["code"]))
    assert response.status_code == 404
    assert "Không tìm thấy" in response.content.decode()
    assert response["Content-Type"].startswith("text/html")
    assert not PaymentOrder.objects.exists()


def test_only_a_signed_in_citizen_posting_the_form_may_start_it(
    browser, awaiting, citizen, receiver, connected
):
    dossier = awaiting()
    assert browser.get(pay_url(dossier["code"])).status_code == 405
    anonymous = Client().post(pay_url(dossier["code"]))
    assert anonymous.status_code == 302 and anonymous["Location"].startswith("/dang-nhap/")
    officer = Client()
    officer.force_login(receiver)
    assert officer.post(pay_url(dossier["code"])).status_code == 403
    forged = Client(enforce_csrf_checks=True)
    forged.force_login(citizen)
    refused = forged.post(pay_url(dossier["code"]))
    assert refused.status_code == 403
    assert "Biểu mẫu không hợp lệ hoặc đã hết hạn" in refused.content.decode()
    assert not PaymentOrder.objects.exists()


def test_a_platform_that_does_not_answer_is_said_plainly(browser, awaiting, settings):
    settings.MOTCUA_CONNECTORS = {
        **settings.MOTCUA_CONNECTORS,
        "payment": {**settings.MOTCUA_CONNECTORS["payment"], "base_url": "http://127.0.0.1:9"},
    }
    dossier = awaiting()
    response = browser.post(pay_url(dossier["code"]))
    assert response.status_code == 503
    assert "Nền tảng thanh toán chưa trả lời" in response.content.decode()
    assert PaymentOrder.objects.get().state == "failed"
