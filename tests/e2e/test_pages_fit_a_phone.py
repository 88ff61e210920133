"""The worklist and the statistics page on a 360 px phone, and the worklist's filter button on a
desktop: nothing wider than the screen, every column of a row readable, a button of normal size."""

import pytest

from tests.backoffice.helpers import act, file_dossier
from tests.e2e.conftest import DESKTOP, PHONE, login, screenshot
from tests.integrations.helpers import run_effects

pytestmark = pytest.mark.e2e


@pytest.fixture
def work(receiver, specialist, procedure, commune):
    file_dossier(receiver, procedure, commune, full_name="Nguyễn Thị Phương Thảo")
    desk = file_dossier(receiver, procedure, commune, channel="desk", full_name="Đường Đức Bình")
    act(receiver, desk, "forward")
    run_effects()  # the report facts


def body_width(page) -> int:
    return page.evaluate("document.documentElement.scrollWidth")


@pytest.mark.parametrize("viewport", [PHONE])
def test_the_worklist_and_the_statistics_fit_a_360_px_phone(page, work):
    login(page, "tiepnhan")
    page.goto("/mot-cua/")
    assert body_width(page) <= 360
    # Each row reads as a card: its deadline is on the screen, not cut off to the right.
    deadline = page.locator("tbody tr").first.locator("td").last.bounding_box()
    assert deadline["x"] + deadline["width"] <= 360
    name = page.get_by_text("Nguyễn Thị Phương Thảo").bounding_box()
    assert name["height"] < 50  # a name on one or two lines, not a word per line
    screenshot(page, "worklist-phone")

    page.goto("/bao-cao/thong-ke/")
    page.get_by_role("table").first.wait_for()
    assert body_width(page) <= 360
    screenshot(page, "statistics-phone")

    page.goto("/bao-cao/")
    assert body_width(page) <= 360


@pytest.mark.parametrize("viewport", [DESKTOP])
def test_the_filter_button_is_a_normal_button(page, work):
    login(page, "tiepnhan")
    page.goto("/mot-cua/")

    button = page.get_by_role("button", name="Lọc").bounding_box()

    assert button["height"] < 60 and button["width"] < 300
