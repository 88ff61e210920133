"""The public lookup page, where the QR code of Mẫu 01 leads: status for code + ID number."""

import pytest
from django.test import Client

from motcua.dossiers.forms.content import receipt
from motcua.dossiers.models import Dossier
from tests.dossiers.helpers import submit

ID_NUMBER = "025190001234"  # the applicant of tests.dossiers.helpers.submit


@pytest.fixture
def dossier(api, procedure, commune, receiver):
    return Dossier.objects.get(
        code=submit(api(receiver), procedure, commune, channel="desk")["code"]
    )


def test_the_qr_code_of_the_receipt_opens_the_lookup_with_the_code_filled_in(dossier):
    url = receipt(dossier).qr_url
    path = url.removeprefix("http://127.0.0.1:8000")
    page = Client().get(path)
    assert page.status_code == 200
    assert f'value="{dossier.code}"' in page.content.decode()


def test_code_and_id_number_show_status_due_date_and_timeline(dossier):
    page = Client().get("/tra-cuu/", {"ma": dossier.code, "so_dinh_danh": ID_NUMBER})
    text = page.content.decode()
    assert page.status_code == 200
    assert "Đã tiếp nhận" in text
    assert "Hẹn trả kết quả" in text
    assert "Tiếp nhận hồ sơ" in text and "Nộp hồ sơ" in text
    assert "Nguyễn Thị Tiếp" not in text  # no staff names in public
    assert "0912345678" not in text  # nor the applicant's phone


def test_a_wrong_id_number_is_404_with_a_vietnamese_message(dossier):
    page = Client().get("/tra-cuu/", {"ma": dossier.code, "so_dinh_danh": "025190009999"})
    assert page.status_code == 404
    assert "Không tìm thấy hồ sơ với mã và số định danh này." in page.content.decode()


def test_guessing_on_the_page_is_throttled(dossier, settings):
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"public_lookup": "2/minute"},
    }
    statuses = [
        Client().get("/tra-cuu/", {"ma": dossier.code, "so_dinh_danh": str(n)}).status_code
        for n in range(4)
    ]
    assert statuses == [404, 404, 429, 429]
