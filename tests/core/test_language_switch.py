"""The EN/VI switch of every page's header turns the pages into English and back; the API stays
Vietnamese whatever Accept-Language says (API.md: error messages and labels are Vietnamese)."""

import re

import pytest
from django.test import Client

from tests.dossiers.helpers import act, submit

PORTAL_HOME = "/"
STAFF_LOGIN = "/mot-cua/dang-nhap/"


def switch(client: Client, page: str, language: str):
    """Press the language button of `page` as a browser would: the header form, its CSRF token."""
    html = client.get(page).content.decode()
    form = re.search(r'<form class="lang" action="([^"]+)" method="post">(.*?)</form>', html, re.S)
    assert form, "the page has no language switch"
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form[2])[1]
    following = re.search(r'name="next" value="([^"]*)"', form[2])[1]
    assert f'name="language" value="{language}"' in form[2]
    return client.post(
        form[1], {"csrfmiddlewaretoken": token, "next": following, "language": language}
    )


@pytest.mark.parametrize(
    ("page", "vietnamese", "english"),
    [
        (PORTAL_HOME, "Tìm thủ tục hành chính", "Find an administrative procedure"),
        (STAFF_LOGIN, "Đăng nhập cán bộ", "Staff login"),
    ],
)
def test_the_switch_turns_the_page_into_english_and_back(db, page, vietnamese, english):
    client = Client(enforce_csrf_checks=True)
    first = client.get(page).content.decode()
    assert '<html lang="vi">' in first and vietnamese in first and english not in first

    response = switch(client, page, "en")
    assert response.status_code == 302 and response["Location"] == page
    html = client.get(page).content.decode()
    assert '<html lang="en">' in html
    assert english in html and vietnamese not in html
    assert "Skip to main content" in html  # the shared layout too

    switch(client, page, "vi")
    assert vietnamese in client.get(page).content.decode()


def test_staff_login_errors_follow_the_chosen_language(db):
    client = Client(enforce_csrf_checks=True)
    switch(client, STAFF_LOGIN, "en")
    html = client.get(STAFF_LOGIN).content.decode()
    assert '<label for="id_username">Username</label>' in html
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)[1]
    response = client.post(
        STAFF_LOGIN, {"csrfmiddlewaretoken": token, "username": "x", "password": "y"}
    )
    assert "The username or password is incorrect." in response.content.decode()


def test_the_browser_language_is_honoured_on_pages(db):
    html = Client().get(PORTAL_HOME, headers={"accept-language": "en"}).content.decode()
    assert "Find an administrative procedure" in html


def test_the_api_answers_in_vietnamese_to_an_english_client(api, procedure, commune, receiver):
    english = {"HTTP_ACCEPT_LANGUAGE": "en"}
    dossier = act(api(receiver), submit(api(receiver), procedure, commune), "receive")
    url = f"/api/v1/public/dossiers/{dossier['code']}/"

    body = api().get(url, {"id_number": "025190001234"}, **english).json()
    assert body["status_label"] == "đã tiếp nhận"
    assert body["timeline"][1]["label"] == "Tiếp nhận hồ sơ"

    refused = api(receiver).post(
        f"/api/v1/dossiers/{dossier['code']}/actions/receive/",
        {"version": dossier["version"]},
        format="json",
        **english,
    )
    assert refused.status_code == 409
    assert refused.json()["detail"].startswith("Không thể thực hiện 'Tiếp nhận hồ sơ'")
    assert refused["Content-Language"] == "vi"
