"""The main pages pass axe-core's WCAG 2.1 A and AA rules (labels, contrast, names, landmarks).

axe-core runs inside the page in Chromium (the `axe-playwright-python` package carries the
script, so nothing is fetched); a violation fails the test with axe's own report of it.
"""

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.conf import settings
from django.test import Client

from tests.backoffice.helpers import at_approval, file_dossier
from tests.e2e.conftest import DESKTOP, PHONE, login

pytestmark = pytest.mark.e2e

WCAG_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}


def assert_accessible(page, path: str) -> None:
    page.goto(path)
    results = Axe().run(page, options=WCAG_AA)
    assert results.violations_count == 0, f"{path}\n{results.generate_report()}"


def sign_in(page, user) -> None:
    """Give the browser the session of `user` (the citizen's VNeID login is tested elsewhere)."""
    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    page.context.clear_cookies()
    page.context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": page.url}])


@pytest.fixture(params=[DESKTOP, PHONE], ids=["desktop", "phone"])
def viewport(request):
    return request.param


def test_public_pages(page, procedure):
    for path in ("/", "/?q=khai+sinh", f"/thu-tuc/{procedure.code}/", "/tra-cuu/"):
        assert_accessible(page, path)
    assert_accessible(page, "/mot-cua/dang-nhap/")


def test_citizen_pages(page, citizen, receiver, procedure, commune):
    dossier = file_dossier(citizen, procedure, commune)
    page.goto("/")
    sign_in(page, citizen)
    for path in (
        f"/nop-ho-so/{procedure.code}/",
        "/ca-nhan/ho-so/",
        f"/ca-nhan/ho-so/{dossier.code}/",
    ):
        assert_accessible(page, path)


def test_officer_pages(page, receiver, specialist, approver, procedure, commune):
    dossier = at_approval(procedure, commune, receiver, specialist)
    login(page, "tiepnhan")
    for path in ("/mot-cua/", f"/mot-cua/tiep-nhan/?procedure={procedure.code}"):
        assert_accessible(page, path)
    login(page, approver.username)
    for path in (
        "/mot-cua/lanh-dao/",
        f"/mot-cua/ho-so/{dossier.code}/",
        "/bao-cao/",
        "/bao-cao/thong-ke/",
    ):
        assert_accessible(page, path)
