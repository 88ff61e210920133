"""Officers log in at /mot-cua/dang-nhap/; citizens cannot; repeated failures lock the account."""

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.test import Client

from tests.backoffice.helpers import office
from tests.factories import PASSWORD

LOGIN = "/mot-cua/dang-nhap/"
PAGES = ["/mot-cua/", "/mot-cua/tiep-nhan/", "/mot-cua/lanh-dao/", "/mot-cua/ho-so/X-1/"]


def post_login(username: str, password: str, client: Client | None = None):
    return (client or Client()).post(LOGIN, {"username": username, "password": password})


def test_an_officer_logs_in_and_lands_on_the_worklist(receiver):
    client = Client()
    response = post_login("tiepnhan", PASSWORD, client)
    assert response.status_code == 302
    assert response["Location"] == "/mot-cua/"
    page = client.get("/mot-cua/")
    assert page.status_code == 200
    assert "Nguyễn Thị Tiếp" in page.content.decode()


def test_the_login_page_is_in_vietnamese_with_labels():
    page = Client().get(LOGIN).content.decode()
    assert '<label for="id_username">Tên đăng nhập</label>' in page
    assert '<label for="id_password">Mật khẩu</label>' in page


def test_a_wrong_password_is_refused_with_a_vietnamese_message(receiver):
    response = post_login("tiepnhan", "sai-mat-khau")
    assert response.status_code == 200
    assert "Tên đăng nhập hoặc mật khẩu không đúng." in response.content.decode()
    assert "_auth_user_id" not in response.wsgi_request.session


def test_a_citizen_account_cannot_log_in_here(db):
    get_user_model().objects.create_user(username="congdan", password=PASSWORD)
    response = post_login("congdan", PASSWORD)
    assert response.status_code == 200
    assert "không phải tài khoản cán bộ" in response.content.decode()
    assert "_auth_user_id" not in response.wsgi_request.session


@pytest.mark.parametrize("url", PAGES)
def test_every_page_sends_anonymous_users_to_the_login_page(url):
    response = Client().get(url)
    assert response.status_code == 302
    assert response["Location"].startswith(f"{LOGIN}?next=")


@pytest.mark.parametrize("url", PAGES)
def test_a_logged_in_citizen_is_refused_every_page(db, url):
    citizen = get_user_model().objects.create_user(username="congdan", password=PASSWORD)
    response = office(citizen).get(url)
    assert response.status_code == 403
    assert "chỉ dành cho cán bộ" in response.content.decode()


def test_repeated_failures_lock_the_account_with_a_vietnamese_page(receiver):
    limit = settings.AXES_FAILURE_LIMIT
    answers = [post_login("tiepnhan", "sai-mat-khau") for _ in range(limit)]
    assert [r.status_code for r in answers[:-1]] == [200] * (limit - 1)
    locked = post_login("tiepnhan", PASSWORD)  # even the right password now
    for response in (answers[-1], locked):
        assert response.status_code == 429
        page = response.content.decode()
        assert "Tài khoản tạm khóa" in page
        assert f"đăng nhập sai {limit} lần liên tiếp" in page
    assert "_auth_user_id" not in locked.wsgi_request.session


def test_logout_needs_a_post_and_ends_the_session(receiver):
    client = office(receiver)
    assert client.get("/mot-cua/dang-xuat/").status_code == 405
    response = client.post("/mot-cua/dang-xuat/")
    assert response.status_code == 302
    assert client.get("/mot-cua/").status_code == 302


def test_a_login_without_the_csrf_token_is_rejected(receiver):
    client = Client(enforce_csrf_checks=True)
    response = post_login("tiepnhan", PASSWORD, client)
    assert response.status_code == 403
    assert "_auth_user_id" not in client.session
