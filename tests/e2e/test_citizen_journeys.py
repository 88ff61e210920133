"""Citizens in a real browser, the identity provider and the payment platform running as
simulator processes: sign in with VNeID, apply online with a scan, answer the desk's supplement
request, follow the officers' work to the result and rate it; the same on a 360 px phone; pay
the fees online; and the refusals (someone else's dossier, another agency, forged form posts)."""

import io
from collections.abc import Callable
from pathlib import Path

import pytest
from pypdf import PdfWriter

from motcua.dossiers.models import Dossier
from motcua.payments.models import PaymentOrder
from tests.dossiers.helpers import submit
from tests.e2e.conftest import PHONE, login, screenshot, take

pytestmark = pytest.mark.e2e

NHUNG = "025190001234"  # the demo citizen who applies (tests.dossiers.helpers.submit too)


@pytest.fixture
def scan(tmp_path) -> Callable[[str], str]:
    """Factory: a real one-page PDF on disk, as a scanner would save it; returns its path."""

    def make(name: str) -> str:
        writer = PdfWriter()
        writer.add_blank_page(width=595, height=842)  # A4 in points
        buffer = io.BytesIO()
        writer.write(buffer)
        path = tmp_path / name
        path.write_bytes(buffer.getvalue())
        return str(path)

    return make


def sign_in_at_vneid(page, id_number: str = NHUNG) -> None:
    """On the identity provider's page: the ID number, the password, "Đăng nhập"."""
    page.get_by_role("heading", name="Đăng nhập bằng tài khoản định danh điện tử VNeID").wait_for()
    page.get_by_label("Số định danh cá nhân").fill(id_number)
    page.get_by_label("Mật khẩu").fill("demo")
    page.get_by_role("button", name="Đăng nhập").click()


def apply_online(page, scan_path: str, seen: Callable[[str], object]) -> str:
    """From the home page to the receipt; `seen(name)` is called on each page. The dossier code."""
    page.goto("/")
    page.get_by_label("Tìm thủ tục").fill("dang ky khai sinh")
    page.get_by_role("button", name="Tìm kiếm").click()
    page.get_by_role("link", name="Đăng ký khai sinh").wait_for()
    seen("home")
    page.get_by_role("link", name="Đăng ký khai sinh").click()
    page.get_by_role("heading", name="Đăng ký khai sinh").wait_for()
    seen("procedure")
    page.get_by_role("link", name="Nộp hồ sơ trực tuyến").click()
    sign_in_at_vneid(page)
    page.get_by_role("heading", name="Nộp hồ sơ trực tuyến").wait_for()
    assert page.get_by_label("Họ tên mẹ").input_value() == "Phạm Thị Hồng Nhung"  # from VNeID
    page.get_by_label("Nộp hồ sơ tại").select_option("H44.189")
    page.get_by_label("Họ, chữ đệm, tên của trẻ").fill("Nguyễn Minh Khang")
    page.get_by_label("Ngày sinh").fill("2026-11-01")
    page.get_by_label("Tờ khai đăng ký khai sinh", exact=True).set_input_files(scan_path)
    seen("apply")
    page.get_by_role("button", name="Tiếp tục: xem lại hồ sơ").click()
    page.get_by_role("heading", name="Xem lại hồ sơ trước khi nộp").wait_for()
    assert page.get_by_text("Tờ khai đăng ký khai sinh: to-khai.pdf").is_visible()
    seen("review")
    page.get_by_role("button", name="Nộp hồ sơ").click()
    page.get_by_role("heading", name="Nộp hồ sơ thành công").wait_for()
    seen("receipt")
    return page.locator(".receipt .code").inner_text()


def open_as(office, username: str, code: str) -> None:
    """An officer logs in and opens the dossier from the worklist."""
    login(office, username)
    office.get_by_role("link", name=code).first.click()
    office.get_by_role("heading", name=f"Hồ sơ {code}").wait_for()


def act_as(office, label: str, **fields) -> None:
    take(office, label, **fields)
    office.get_by_text(f"Đã thực hiện: {label}.").wait_for()


def test_a_citizen_applies_online_supplements_and_rates_the_returned_result(
    page, office, vneid, online_procedure, receiver, specialist, approver, scan
):
    code = apply_online(page, scan("to-khai.pdf"), lambda name: screenshot(page, f"portal-{name}"))
    dossier = Dossier.objects.get(code=code)
    assert (dossier.channel, dossier.status, dossier.applicant_id_number) == (
        "online", "submitted", NHUNG,
    )  # fmt: skip

    open_as(office, "tiepnhan", code)
    act_as(office, "Tiếp nhận hồ sơ")
    act_as(office, "Yêu cầu bổ sung, hoàn thiện hồ sơ",
           **{"Giấy tờ, nội dung cần bổ sung": "Bản sao giấy chứng sinh"})  # fmt: skip

    page.get_by_role("link", name="Hồ sơ của tôi").click()
    page.get_by_role("heading", name="Hồ sơ của tôi").wait_for()
    screenshot(page, "portal-mine")
    page.get_by_role("link", name=code).click()
    page.get_by_text("Bản sao giấy chứng sinh").wait_for()
    page.get_by_label("Tên giấy tờ bổ sung").fill("Giấy chứng sinh")
    page.get_by_label("Tệp giấy tờ").set_input_files(scan("chung-sinh.pdf"))
    page.get_by_role("button", name="Nộp bổ sung").click()
    page.get_by_text("Đã ghi nhận: Nộp bổ sung hồ sơ.").wait_for()
    assert page.locator(".status").inner_text() == "Đã tiếp nhận"  # back where it was asked

    office.reload()
    act_as(office, "Chuyển xử lý")
    open_as(office, "chuyenvien", code)
    act_as(office, "Chuyển xử lý")
    open_as(office, "lanhdao", code)
    result_file = Path(scan("giay-khai-sinh.pdf"))
    act_as(office, "Phê duyệt kết quả", **{"Số, ký hiệu văn bản kết quả": "12/GKS",
                                           "Tệp kết quả": result_file})  # fmt: skip
    open_as(office, "tiepnhan", code)
    act_as(office, "Trả kết quả")

    page.reload()
    assert page.locator(".status").inner_text() == "Đã trả kết quả"
    assert "12/GKS" in page.get_by_role("region", name="Kết quả giải quyết").inner_text()
    with page.expect_download() as download:
        page.get_by_role("link", name="Tải kết quả").click()
    assert Path(download.value.path()).read_bytes() == result_file.read_bytes()
    screenshot(page, "portal-dossier")
    for criterion, level in [("Tiếp nhận hồ sơ", "Hài lòng"), ("Giải quyết hồ sơ", "Hài lòng"),
                             ("Thái độ phục vụ của cán bộ, công chức", "Hài lòng"),
                             ("Trả kết quả", "Bình thường")]:  # fmt: skip
        page.get_by_role("group", name=criterion).get_by_label(level, exact=True).check()
    page.get_by_role("button", name="Gửi đánh giá").click()
    page.get_by_text("Cảm ơn bạn đã đánh giá.").wait_for()

    page.get_by_role("link", name="Tra cứu hồ sơ").first.click()
    page.get_by_label("Mã hồ sơ").fill(code)
    page.get_by_label("Số định danh cá nhân").fill(NHUNG)
    page.get_by_role("button", name="Tra cứu").click()
    page.get_by_role("heading", name=code).wait_for()
    screenshot(page, "portal-lookup")

    dossier.refresh_from_db()
    assert dossier.status == "returned"
    assert dossier.rating == {"receipt": "satisfied", "processing": "satisfied",
                              "attitude": "satisfied", "result": "neutral"}  # fmt: skip
    scans = [d.file.read() for d in dossier.documents.exclude(file="")]
    assert len(scans) == 2 and all(s.startswith(b"%PDF-") for s in scans)


@pytest.mark.parametrize("viewport", [PHONE])
def test_a_citizen_applies_on_a_360_px_phone(page, vneid, online_procedure, scan):
    def fits(name: str) -> None:
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, name
        if name == "apply":
            screenshot(page, "portal-apply-phone")

    code = apply_online(page, scan("to-khai.pdf"), fits)
    page.get_by_role("link", name="Hồ sơ của tôi").click()
    page.get_by_role("link", name=code).click()
    fits("dossier")
    assert Dossier.objects.get(code=code).documents.get().file.read().startswith(b"%PDF-")


def test_a_citizen_cancels_a_payment_then_pays_online(page, vneid, reachable, awaiting):
    code = awaiting()["code"]
    page.goto(f"/ca-nhan/ho-so/{code}/")
    sign_in_at_vneid(page)
    page.get_by_text("còn phải nộp 8.000 đồng").wait_for()

    page.get_by_role("button", name="Thanh toán trực tuyến").click()
    page.get_by_role("heading", name="Thanh toán phí, lệ phí").wait_for()
    page.get_by_role("button", name="Hủy giao dịch").click()
    page.get_by_role("heading", name="Chưa thanh toán").wait_for()
    page.get_by_role("link", name="Xem hồ sơ của tôi").click()
    assert page.locator(".status").inner_text() == "Chờ nghĩa vụ tài chính"
    assert page.get_by_text("còn phải nộp 8.000 đồng").is_visible()
    assert Dossier.objects.get(code=code).status == "awaiting_payment"

    page.get_by_role("button", name="Thanh toán trực tuyến").click()
    page.get_by_text("8000 đồng").wait_for()
    screenshot(page, "payment-platform")
    page.get_by_role("button", name="Thanh toán", exact=True).click()
    page.get_by_role("heading", name="Đã thanh toán").wait_for()
    receipt = page.locator("#receipt-number").inner_text()
    assert receipt.startswith("BL")
    screenshot(page, "payment-result")
    page.get_by_role("link", name="Xem hồ sơ của tôi").click()
    assert page.locator(".status").inner_text() == "Đã tiếp nhận"
    assert page.get_by_text(f"Đã nộp 8.000 đồng — biên lai {receipt}").is_visible()
    assert page.get_by_role("button", name="Thanh toán trực tuyến").count() == 0
    orders = PaymentOrder.objects.filter(dossier__code=code).order_by("id")
    assert [order.state for order in orders] == ["failed", "paid"]


def forge(page, url: str, fields: dict[str, str]) -> int:
    """Inject a form into the current page, as a forging site would, and submit it; the status
    of the page the browser ends on."""
    with page.expect_navigation() as navigation:
        page.evaluate(
            """([url, fields]) => {
                const form = Object.assign(document.createElement("form"),
                                           {method: "post", action: url});
                for (const [name, value] of Object.entries(fields)) {
                    form.append(Object.assign(document.createElement("input"),
                                              {type: "hidden", name, value}));
                }
                document.body.append(form);
                form.submit();
            }""",
            [url, fields],
        )
    return navigation.value.status


def csrf_token(page) -> str:
    return page.locator("input[name=csrfmiddlewaretoken]").first.get_attribute("value")


def test_a_citizen_sees_neither_someone_elses_dossier_nor_obeys_a_forged_post(
    page, vneid, api, receiver, procedure, commune
):
    mine = submit(api(receiver), procedure, commune, channel="desk")
    hung = {"id_number": "025085004512", "full_name": "Nguyễn Văn Hùng"}
    theirs = submit(api(receiver), procedure, commune, channel="desk", applicant=hung)
    page.goto("/ca-nhan/ho-so/")
    sign_in_at_vneid(page)
    page.get_by_role("link", name=mine["code"]).wait_for()
    assert page.get_by_role("link", name=theirs["code"]).count() == 0

    response = page.goto(f"/ca-nhan/ho-so/{theirs['code']}/")
    assert response.status == 404
    assert page.get_by_role("heading", name="Không tìm thấy").is_visible()

    page.goto(f"/ca-nhan/ho-so/{mine['code']}/")
    withdraw = f"/ca-nhan/ho-so/{mine['code']}/rut/"
    fields = {"version": str(mine["version"]), "note": "Không muốn nữa"}
    assert page.request.post(withdraw, form=fields).status == 403
    assert forge(page, withdraw, fields) == 403
    assert page.get_by_text("Biểu mẫu không hợp lệ hoặc đã hết hạn").is_visible()
    assert Dossier.objects.get(code=mine["code"]).status == "received"


def test_an_officer_cannot_act_outside_their_agency_nor_by_a_forged_post(
    page, receiver, other_receiver, procedure, commune, api
):
    dossier = submit(api(receiver), procedure, commune)
    receive = f"/mot-cua/ho-so/{dossier['code']}/thao-tac/receive/"
    fields = {"receive-version": str(dossier["version"])}

    login(page, "tiepnhan2")  # the desk of another commune
    page.get_by_role("heading", name="Danh sách hồ sơ").wait_for()
    assert page.get_by_role("link", name=dossier["code"]).count() == 0
    response = page.goto(f"/mot-cua/ho-so/{dossier['code']}/")
    assert response.status == 404
    assert page.get_by_role("heading", name="Không thực hiện được").is_visible()
    page.goto("/mot-cua/")
    assert forge(page, receive, {**fields, "csrfmiddlewaretoken": csrf_token(page)}) == 404

    login(page, "tiepnhan")  # the right desk, but the post does not come from our page
    page.get_by_role("link", name=dossier["code"]).wait_for()
    assert page.request.post(receive, form=fields).status == 403
    assert forge(page, receive, fields) == 403
    assert Dossier.objects.get(code=dossier["code"]).status == "submitted"
    assert forge(page, receive, {**fields, "csrfmiddlewaretoken": csrf_token(page)}) == 200
    assert page.get_by_text("Đã thực hiện: Tiếp nhận hồ sơ.").is_visible()  # with it, it works
    assert Dossier.objects.get(code=dossier["code"]).status == "received"
