"""Browser tests: Playwright driving Debian's headless Chromium against a live test server.

The browser is /usr/bin/chromium (`scripts/install-chromium.sh` installs it); Playwright's own
browser download is never used. Without Chromium the tests skip. `screenshot(page, name)` keeps
a PNG under docs/screenshots/ for the documentation.
"""

import os
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.factories import PASSWORD
from tests.payments.fixtures import awaiting, connected, payment_platform, reachable  # noqa: F401

CHROMIUM = Path(os.environ.get("MOTCUA_CHROMIUM", "/usr/bin/chromium"))
SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
DESKTOP, PHONE = {"width": 1280, "height": 900}, {"width": 360, "height": 780}

# Playwright's synchronous API runs an event loop in the test's thread; the ORM calls of the
# fixtures are still synchronous, so Django's async guard is told so (tests only).
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(scope="session")
def browser() -> Iterator:
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} không có: chạy scripts/install-chromium.sh")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True)
        yield launched
        launched.close()


@pytest.fixture
def vneid(start_simulator, settings):
    """The identity-provider simulator, our OpenID Connect client pointed at it."""
    simulator = start_simulator("idp")
    settings.MOTCUA_OIDC = {**settings.MOTCUA_OIDC, "issuer": simulator.url}
    return simulator


@pytest.fixture
def viewport() -> dict:
    """The window size; a test overrides it (e.g. with PHONE) by parametrising this fixture."""
    return DESKTOP


def open_tab(browser, base_url: str, viewport: dict):
    """A tab in a browser context of its own (own cookies: another person at another desk)."""
    context = browser.new_context(base_url=base_url, viewport=viewport, locale="vi-VN")
    context.set_default_timeout(15_000)
    return context.new_page()


@pytest.fixture
def page(browser, live_server, viewport, settings, tmp_path) -> Iterator:
    """A fresh browser tab on the live server (own cookies), its uploads under a temp MEDIA."""
    settings.MEDIA_ROOT = tmp_path / "media"
    tab = open_tab(browser, live_server.url, viewport)
    yield tab
    tab.context.close()


@pytest.fixture
def office(browser, live_server, page) -> Iterator:
    """A second tab, at the officers' desk (desktop size), beside the citizen's `page`."""
    tab = open_tab(browser, live_server.url, DESKTOP)
    yield tab
    tab.context.close()


def login(page, username: str, password: str = PASSWORD) -> None:
    """Log in at the staff login page (after logging out whoever was logged in)."""
    page.context.clear_cookies()
    page.goto("/mot-cua/dang-nhap/")
    page.get_by_label("Tên đăng nhập").fill(username)
    page.get_by_label("Mật khẩu").fill(password)
    page.get_by_role("button", name="Đăng nhập").click()


def take(page, label: str, **fields) -> None:
    """Open the action `label` on a back-office dossier page, fill its fields (a Path value is a
    file to upload), and submit it."""
    page.locator("summary", has_text=re.compile(f"^{re.escape(label)}$")).click()
    form = page.locator("details[open] form")
    for name, value in fields.items():
        field = form.get_by_label(name)
        field.set_input_files(value) if isinstance(value, Path) else field.fill(value)
    form.get_by_role("button", name=label).click()


def screenshot(page, name: str) -> Path:
    """Save a full-page PNG as docs/screenshots/<name>.png."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path
