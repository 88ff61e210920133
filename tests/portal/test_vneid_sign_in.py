"""Citizen sign-in with VNeID: an OpenID Connect code flow with PKCE against the IdP simulator."""

import urllib.error
import urllib.parse
import urllib.request

import pytest
from django.test import Client

from motcua.core.models import Citizen

NHUNG = "025190001234"


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def post_form(url: str, form: dict) -> tuple[int, str, str]:
    """(status, Location, body) of a form POST, redirects not followed."""
    request = urllib.request.Request(url, data=urllib.parse.urlencode(form).encode())
    try:
        with urllib.request.build_opener(NoRedirect).open(request, timeout=5) as response:
            return response.status, response.headers.get("Location", ""), response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.headers.get("Location", ""), error.read().decode()


@pytest.fixture
def idp(start_simulator, settings):
    simulator = start_simulator("idp")
    settings.MOTCUA_OIDC = {**settings.MOTCUA_OIDC, "issuer": simulator.url}
    return simulator


@pytest.fixture
def browser() -> Client:
    return Client(HTTP_HOST="127.0.0.1:8000")


def authorize(browser: Client, idp, next_url="/ca-nhan/ho-so/") -> dict:
    """Our sign-in page sends the browser to the provider with PKCE; returns its parameters."""
    page = browser.get("/dang-nhap/", {"next": next_url})
    assert page.status_code == 302 and page["Location"].startswith(f"{idp.url}/authorize?")
    params = dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(page["Location"]).query))
    assert params["code_challenge_method"] == "S256" and params["code_challenge"]
    assert params["redirect_uri"] == "http://127.0.0.1:8000/dang-nhap/vneid/"
    return params


def log_in_at_provider(idp, params: dict, password="demo") -> str:
    """The citizen types their ID number and password on the provider's page."""
    form = {**params, "id_number": NHUNG, "password": password, "action": "login"}
    status, location, body = post_form(f"{idp.url}/authorize", form)
    assert status == 302, body
    return location.removeprefix("http://127.0.0.1:8000")


@pytest.mark.django_db
def test_a_citizen_signs_in_and_gets_an_account_from_the_identity(idp, browser):
    callback = log_in_at_provider(idp, authorize(browser, idp))
    page = browser.get(callback)
    assert page.status_code == 302 and page["Location"] == "/ca-nhan/ho-so/"
    citizen = Citizen.objects.get(id_number=NHUNG)
    assert citizen.full_name == "Phạm Thị Hồng Nhung" and citizen.assurance
    assert "Phạm Thị Hồng Nhung" in browser.get("/ca-nhan/ho-so/").content.decode()


@pytest.mark.django_db
def test_a_forged_or_replayed_answer_signs_nobody_in(idp, browser):
    callback = log_in_at_provider(idp, authorize(browser, idp))
    forged = callback.replace("state=", "state=x")
    assert browser.get(forged).status_code == 400
    assert not Citizen.objects.exists()
    assert browser.get("/ca-nhan/ho-so/").status_code == 302
    assert browser.get(callback).status_code == 302  # the genuine answer still signs in
    browser.post("/dang-xuat/")
    assert browser.get(callback).status_code == 400  # but only once


@pytest.mark.django_db
def test_cancelling_at_the_provider_returns_home(idp, browser):
    params = authorize(browser, idp)
    status, location, _ = post_form(f"{idp.url}/authorize", {**params, "action": "cancel"})
    assert status == 302 and "error=access_denied" in location
    page = browser.get(location.removeprefix("http://127.0.0.1:8000"))
    assert page.status_code == 302 and page["Location"] == "/"


@pytest.mark.django_db
def test_an_unreachable_provider_is_said_plainly(browser, settings):
    settings.MOTCUA_OIDC = {**settings.MOTCUA_OIDC, "issuer": "http://127.0.0.1:9"}
    page = browser.get("/dang-nhap/")
    assert page.status_code == 503 and "không phản hồi" in page.content.decode()


@pytest.mark.django_db
def test_signing_out_ends_the_session_here_and_at_the_provider(idp, browser):
    browser.get(log_in_at_provider(idp, authorize(browser, idp)))
    page = browser.post("/dang-xuat/")
    assert page.status_code == 302 and page["Location"].startswith(f"{idp.url}/logout?")
    assert browser.get("/ca-nhan/ho-so/").status_code == 302
