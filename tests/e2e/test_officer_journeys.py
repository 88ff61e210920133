"""Officers in a real browser: login and lockout, desk receipt with a scan and Mẫu 01, a dossier
through its internal process to the returned result, the leader's bulk approval, a phone screen."""

import re

import pytest
from django.conf import settings

from motcua.dossiers.models import Dossier
from tests.backoffice.helpers import at_approval, file_dossier
from tests.e2e.conftest import PHONE, login, screenshot, take

pytestmark = pytest.mark.e2e


def test_an_officer_logs_in_and_an_account_locks_after_repeated_failures(
    page, receiver, specialist, procedure, commune
):
    file_dossier(receiver, procedure, commune)
    at_approval(procedure, commune, receiver, specialist, full_name="Lê Văn Tâm")
    file_dossier(receiver, procedure, commune, channel="desk", full_name="Hà Thị Lan")
    login(page, "tiepnhan")
    page.get_by_role("heading", name="Danh sách hồ sơ").wait_for()
    assert page.get_by_role("link", name="Hồ sơ", exact=True).get_attribute("aria-current")
    screenshot(page, "worklist")

    for _ in range(settings.AXES_FAILURE_LIMIT):
        login(page, "tiepnhan", "sai-mat-khau")
    assert page.get_by_role("heading", name="Tài khoản tạm khóa").is_visible()
    login(page, "tiepnhan")
    assert page.get_by_role("heading", name="Tài khoản tạm khóa").is_visible()


def test_desk_receipt_with_a_scan_then_open_the_receipt_form(page, receiver, procedure, tmp_path):
    scan = tmp_path / "to-khai.pdf"
    scan.write_bytes(b"%PDF-1.7\n% ban quet to khai\n")
    login(page, "tiepnhan")
    page.get_by_role("link", name="Tiếp nhận", exact=True).click()
    page.get_by_label("Tìm thủ tục").fill("khai sinh")
    page.get_by_label("Thủ tục hành chính").select_option("1.001193")
    page.get_by_role("button", name="Chọn thủ tục").click()

    page.get_by_label("Số định danh cá nhân").fill("025190001234")
    page.get_by_label("Họ và tên").fill("Phạm Thị Hồng Nhung")
    page.get_by_label("Số điện thoại").fill("0912345678")
    page.get_by_label("Địa chỉ").fill("Khu 3, xã Hy Cương")
    page.get_by_label("Tờ khai đăng ký khai sinh (bản chính, 1)").check()
    page.get_by_label("Bản quét: Tờ khai đăng ký khai sinh").set_input_files(str(scan))
    screenshot(page, "desk-receipt")
    page.get_by_role("button", name="Tiếp nhận hồ sơ").click()

    dossier = Dossier.objects.get()
    page.get_by_role("heading", name=f"Hồ sơ {dossier.code}").wait_for()
    assert dossier.status == "received"
    assert dossier.documents.get().file.name.endswith(".pdf")
    screenshot(page, "dossier")
    receipt = page.get_by_role("link", name=re.compile("Mẫu 01"))
    response = page.context.request.get(receipt.get_attribute("href"))
    assert response.status == 200
    assert response.headers["content-type"] == "application/pdf"
    assert response.body().startswith(b"%PDF-")


def test_a_dossier_goes_through_its_steps_to_the_returned_result(
    page, receiver, specialist, approver, procedure, commune
):
    dossier = file_dossier(receiver, procedure, commune, channel="desk")
    url = f"/mot-cua/ho-so/{dossier.code}/"
    for user, label in [("tiepnhan", "Chuyển xử lý"), ("chuyenvien", "Chuyển xử lý"),
                        ("lanhdao", "Phê duyệt kết quả"), ("tiepnhan", "Trả kết quả")]:  # fmt: skip
        login(page, user)
        page.goto(url)
        take(page, label)
        page.get_by_text(f"Đã thực hiện: {label}.").wait_for()
    assert page.get_by_text("Đã trả kết quả", exact=True).first.is_visible()
    dossier.refresh_from_db()
    assert dossier.status == "returned"
    assert page.locator("#ban-giao ~ .table-wrap tbody tr").count() == 5


def test_the_leader_approves_in_bulk(page, receiver, specialist, approver, procedure, commune):
    waiting = [at_approval(procedure, commune, receiver, specialist) for _ in range(3)]
    login(page, "lanhdao")
    page.get_by_role("link", name="Lãnh đạo").click()
    for dossier in waiting[:2]:
        page.get_by_label(f"Chọn {dossier.code}").check()
    screenshot(page, "leader")
    page.get_by_role("button", name="Phê duyệt các hồ sơ đã chọn").click()
    outcomes = page.locator(".outcomes li")
    assert outcomes.count() == 2
    assert all("Đã phê duyệt" in text for text in outcomes.all_inner_texts())
    statuses = sorted(Dossier.objects.values_list("status", flat=True))
    assert statuses == ["processing", "result_ready", "result_ready"]


@pytest.mark.parametrize("viewport", [PHONE])
def test_the_pages_fit_a_360_px_phone(page, receiver, specialist, approver, procedure, commune):
    dossier = at_approval(procedure, commune, receiver, specialist)
    login(page, "lanhdao")
    for url in ("/mot-cua/", "/mot-cua/lanh-dao/", f"/mot-cua/ho-so/{dossier.code}/"):
        page.goto(url)
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, url
    take(page, "Phê duyệt kết quả")
    page.get_by_text("Đã thực hiện: Phê duyệt kết quả.").wait_for()
    screenshot(page, "dossier-phone")
