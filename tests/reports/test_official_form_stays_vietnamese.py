"""An officer reading the reports in English still downloads Biểu số 06 in Vietnamese."""

import io

import pytest
from openpyxl import load_workbook

from tests.integrations.helpers import run_effects
from tests.reports.helpers import desk, resolve

NOV = {"from": "2026-11-01", "to": "2026-11-30"}


@pytest.fixture
def history(api, receiver, specialist, approver, procedure, commune, clock):
    resolve(api, receiver, specialist, approver, desk(api, receiver, procedure, commune))
    run_effects()  # the worker brings the report facts in step


def test_the_page_is_english_and_the_form_vietnamese(client, receiver, history):
    client.force_login(receiver)
    client.post("/i18n/setlang/", {"language": "en", "next": "/bao-cao/thong-ke/"})

    page = client.get("/bao-cao/thong-ke/", NOV).content.decode()
    xlsx = client.get("/bao-cao/thong-ke/", {**NOV, "format": "xlsx"})

    assert "Dossiers received" in page and "Commune level" in page and "Total" in page
    cells = list(load_workbook(io.BytesIO(xlsx.content)).active.iter_rows(values_only=True))
    assert cells[5][:3] == ("STT", "Lĩnh vực", "Số hồ sơ tiếp nhận")
    assert cells[6][2:4] == ("Tổng số", "Trực tuyến")
    assert cells[7][1] == "Cấp xã"
