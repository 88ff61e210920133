"""Receiving at the desk: procedure, applicant (prefilled from the population database), the
procedure's own form, the checklist and scans; refusals keep the rest of the input."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from motcua.dossiers.models import Dossier
from motcua.integrations.models import PopulationLookup
from tests.backoffice.helpers import APPLICANT, office
from tests.factories import make_procedure
from tests.simulators.processes import connect_population

DESK = "/mot-cua/tiep-nhan/"
BIRTH_FORM = {
    "type": "object",
    "title": "Tờ khai đăng ký khai sinh",
    "required": ["ho_ten_tre", "ngay_sinh", "gioi_tinh"],
    "properties": {
        "ho_ten_tre": {"type": "string", "title": "Họ, chữ đệm, tên của trẻ", "minLength": 2},
        "ngay_sinh": {"type": "string", "format": "date", "title": "Ngày sinh"},
        "gioi_tinh": {"type": "string", "title": "Giới tính", "enum": ["Nam", "Nữ"]},
        "sinh_doi": {"type": "boolean", "title": "Sinh đôi"},
    },
}


@pytest.fixture
def births(procedure):
    procedure.form_schema = BIRTH_FORM
    procedure.save()
    return procedure


def body(procedure, *, scan=None, **overrides) -> dict:
    doc = procedure.required_documents.get()
    data = {
        "thu_tuc": procedure.code,
        "agency": procedure.agencies.order_by("code").first().pk,
        "channel": "desk",
        **APPLICANT,
        "tk-ho_ten_tre": "Nguyễn Minh Khang",
        "tk-ngay_sinh": "2026-11-01",
        "tk-gioi_tinh": "Nam",
        f"doc_{doc.pk}": "on",
    }
    if scan is not None:
        data[f"scan_{doc.pk}"] = scan
    return {**data, **overrides}


def pdf(size: int = 100) -> SimpleUploadedFile:
    return SimpleUploadedFile("to-khai.pdf", b"%PDF-1.7\n" + b"0" * size, "application/pdf")


def test_the_receiver_picks_a_procedure_of_their_agency(procedure, receiver, other_receiver):
    make_procedure(code="9.999999", name="Thủ tục của nơi khác")
    html = office(receiver).get(DESK).content.decode()
    assert "1.001193 — Đăng ký khai sinh" in html
    assert "9.999999" not in html
    assert "Đăng ký khai sinh" in office(receiver).get(DESK, {"q": "dang ky KHAI"}).content.decode()
    assert "Đăng ký khai sinh" not in office(receiver).get(DESK, {"q": "ket hon"}).content.decode()
    assert office(receiver).get(DESK, {"thu_tuc": "9.999999"}).status_code == 404


def test_the_form_has_the_procedures_fields_and_checklist(births, receiver):
    html = office(receiver).get(DESK, {"thu_tuc": births.code}).content.decode()
    for text in (
        'for="id_tk-ho_ten_tre"',
        'type="date"',
        '<option value="Nữ">',
        "Sinh đôi",
        "Tờ khai đăng ký khai sinh (bản chính, 1)",
        'accept="application/pdf',
    ):
        assert text in html, text  # fmt: skip


def test_a_desk_receipt_with_a_scan_opens_the_dossier_with_its_receipt_form(
    clock, births, receiver, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    client = office(receiver)
    response = client.post(DESK, body(births, scan=pdf()))
    dossier = Dossier.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/mot-cua/ho-so/{dossier.code}/"
    assert dossier.status == "received"
    assert dossier.form_data == {"ho_ten_tre": "Nguyễn Minh Khang", "ngay_sinh": "2026-11-01",
                                 "gioi_tinh": "Nam", "sinh_doi": False}  # fmt: skip
    document = dossier.documents.get()
    assert (document.source, document.name) == ("desk", "Tờ khai đăng ký khai sinh")
    assert document.file.name.endswith(".pdf") and "to-khai" not in document.file.name
    assert document.file.read().startswith(b"%PDF-")
    html = client.get(response["Location"]).content.decode()
    assert f"/api/v1/dossiers/{dossier.code}/forms/01.pdf" in html
    assert "Đã tiếp nhận hồ sơ" in html
    assert "<dt>Họ, chữ đệm, tên của trẻ</dt><dd>Nguyễn Minh Khang</dd>" in html
    assert "<dt>Sinh đôi</dt><dd>Không</dd>" in html


@pytest.mark.parametrize(
    ("content", "name"),
    [(b"MZ\x90\x00\x03 windows program", "to-khai.pdf"), (b"<html><script>", "to-khai.pdf")],
)
def test_a_scan_that_is_not_really_a_pdf_is_refused_and_the_input_kept(
    clock, births, receiver, content, name
):
    fake = SimpleUploadedFile(name, content, "application/pdf")
    response = office(receiver).post(DESK, body(births, scan=fake))
    assert response.status_code == 400
    html = response.content.decode()
    assert "không phải PDF, JPEG hoặc PNG" in html
    assert 'value="Phạm Thị Hồng Nhung"' in html
    assert 'value="Nguyễn Minh Khang"' in html
    assert not Dossier.objects.exists()


def test_an_oversized_scan_is_refused_with_the_limit(clock, births, receiver, settings):
    settings.MOTCUA = {**settings.MOTCUA, "UPLOAD_MAX_BYTES": 1024}
    response = office(receiver).post(DESK, body(births, scan=pdf(size=2048 - 9)))
    assert response.status_code == 400
    html = response.content.decode()
    assert "quá lớn" in html
    assert 'value="0912345678"' in html
    assert not Dossier.objects.exists()


def test_a_form_the_schema_refuses_is_shown_per_field(clock, births, receiver):
    response = office(receiver).post(DESK, body(births, **{"tk-gioi_tinh": "Khác"}))
    assert response.status_code == 400
    assert "Giới tính" in response.content.decode()
    assert not Dossier.objects.exists()


def test_a_service_refusal_keeps_the_input(clock, births, receiver):
    response = office(receiver).post(DESK, body(births, id_number="12345"))
    assert response.status_code == 422
    html = response.content.decode()
    assert "Thông tin người nộp không hợp lệ." in html
    assert "Số định danh cá nhân có 12 chữ số" in html
    assert 'value="Nguyễn Minh Khang"' in html


def test_a_post_without_the_csrf_token_is_rejected(clock, births, receiver):
    response = office(receiver, enforce_csrf_checks=True).post(DESK, body(births))
    assert response.status_code == 403
    assert not Dossier.objects.exists()


@pytest.fixture
def connected(settings, population):
    return connect_population(settings, population, timeout=2)


def test_the_population_lookup_prefills_the_applicant_and_keeps_the_rest(
    births, receiver, connected
):
    data = body(births, full_name="", address="", lookup="1")
    response = office(receiver).post(DESK, data)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'value="Phạm Thị Hồng Nhung"' in html
    assert 'value="Nguyễn Minh Khang"' in html  # the form's own fields are kept
    assert "Đã điền thông tin từ CSDL quốc gia về dân cư." in html
    assert PopulationLookup.objects.get().outcome == "found"
    assert not Dossier.objects.exists()


def test_an_unknown_citizen_is_said_so(births, receiver, connected):
    response = office(receiver).post(DESK, body(births, id_number="025199999999", lookup="1"))
    assert response.status_code == 404
    assert "CSDL dân cư không có số định danh cá nhân này." in response.content.decode()


def test_a_population_database_that_does_not_answer_is_said_so(births, receiver, connected):
    connected.stop()
    response = office(receiver).post(DESK, body(births, lookup="1"))
    assert response.status_code == 503
    assert "CSDL quốc gia về dân cư chưa trả lời" in response.content.decode()
