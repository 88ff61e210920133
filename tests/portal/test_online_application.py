"""Online application: form from the JSON Schema, scans checked, draft, review, submit."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from motcua.dossiers.models import Dossier
from motcua.integrations.models import PopulationLookup
from motcua.portal.models import Application
from tests.factories import make_staff
from tests.simulators.processes import connect_population

PDF = b"%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


@pytest.fixture
def browser(citizen) -> Client:
    client = Client()
    client.force_login(citizen)
    return client


def scan(name="to-khai.pdf", content=PDF):
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def document_field(procedure) -> str:
    return f"doc_{procedure.required_documents.get().pk}"


def filled(procedure, commune, **extra) -> dict:
    return {"agency": commune.code, "phone": "0912345678", "email": "nhung@example.vn",
            "address": "Khu 3, xã Hy Cương", "tk-ho_ten_tre": "Nguyễn Minh Khang",
            "tk-ngay_sinh": "2026-11-01", "tk-ho_ten_me": "Phạm Thị Hồng Nhung",
            **extra}  # fmt: skip


def test_signing_in_is_required_and_staff_are_sent_away(online_procedure, commune):
    page = Client().get("/nop-ho-so/1.001193/")
    assert page.status_code == 302 and page["Location"].startswith("/dang-nhap/?next=")
    officer = Client()
    officer.force_login(make_staff("canbo", commune, "receiver"))
    assert officer.get("/nop-ho-so/1.001193/").status_code == 403


def test_the_form_comes_from_the_schema_prefilled_from_the_identity(browser, online_procedure):
    html = browser.get("/nop-ho-so/1.001193/").content.decode()
    assert 'name="tk-ngay_sinh"' in html and 'type="date"' in html
    assert 'name="tk-ho_ten_me"' in html and 'value="Phạm Thị Hồng Nhung"' in html
    assert "025190001234" in html


def test_a_draft_keeps_what_was_entered_and_uploaded(browser, online_procedure, commune):
    body = {"intent": "save", "agency": commune.code, "tk-ho_ten_tre": "Khang",
            document_field(online_procedure): scan()}  # fmt: skip
    assert browser.post("/nop-ho-so/1.001193/", body).status_code == 302
    draft = Application.objects.get()
    assert draft.form_data == {"ho_ten_tre": "Khang"} and draft.files.get().original_name == (
        "to-khai.pdf"
    )
    html = browser.get("/nop-ho-so/1.001193/").content.decode()
    assert 'value="Khang"' in html and "Đã tải lên: to-khai.pdf" in html
    assert not Dossier.objects.exists()


def test_a_file_that_is_not_really_a_pdf_is_refused_and_nothing_else_is_lost(
    browser, online_procedure, commune
):
    fake = scan("to-khai.pdf", b"MZ\x90\x00 this is a Windows program")
    body = {"intent": "review", **filled(online_procedure, commune),
            document_field(online_procedure): fake}  # fmt: skip
    page = browser.post("/nop-ho-so/1.001193/", body)
    assert page.status_code == 422
    assert "không phải PDF, JPEG hoặc PNG" in page.content.decode()
    draft = Application.objects.get()
    assert draft.form_data["ho_ten_tre"] == "Nguyễn Minh Khang" and not draft.files.exists()


def test_an_oversized_scan_is_refused(browser, online_procedure, commune, settings):
    settings.MOTCUA = {**settings.MOTCUA, "UPLOAD_MAX_BYTES": 100}
    body = {"intent": "save", **filled(online_procedure, commune),
            document_field(online_procedure): scan(content=PDF + b"0" * 200)}  # fmt: skip
    page = browser.post("/nop-ho-so/1.001193/", body)
    assert page.status_code == 422 and "quá lớn" in page.content.decode()


def test_review_then_submit_gives_a_dossier_with_its_scan_and_a_receipt(
    browser, online_procedure, commune
):
    body = {"intent": "review", **filled(online_procedure, commune),
            document_field(online_procedure): scan()}  # fmt: skip
    page = browser.post("/nop-ho-so/1.001193/", body)
    assert page.status_code == 302 and page["Location"] == "/nop-ho-so/1.001193/xem-lai/"
    review = browser.get("/nop-ho-so/1.001193/xem-lai/").content.decode()
    assert "Nguyễn Minh Khang" in review and "to-khai.pdf" in review
    done = browser.post("/nop-ho-so/1.001193/xem-lai/")
    dossier = Dossier.objects.get()
    assert done["Location"] == f"/ca-nhan/ho-so/{dossier.code}/da-nop/"
    assert (dossier.channel, dossier.status, dossier.applicant_id_number) == (
        "online", "submitted", "025190001234",
    )  # fmt: skip
    assert dossier.form_data["ngay_sinh"] == "2026-11-01"
    assert dossier.documents.get().file.read().startswith(b"%PDF-")
    receipt = browser.get(done["Location"]).content.decode()
    assert "Nộp hồ sơ thành công" in receipt and dossier.code in receipt
    assert browser.post("/nop-ho-so/1.001193/xem-lai/").status_code == 302  # no draft left
    assert Dossier.objects.count() == 1


def test_submitting_without_the_required_scan_is_refused(browser, online_procedure, commune):
    browser.post("/nop-ho-so/1.001193/", {"intent": "save", **filled(online_procedure, commune)})
    page = browser.post("/nop-ho-so/1.001193/xem-lai/")
    assert page.status_code == 422 and "Còn thiếu giấy tờ" in page.content.decode()
    assert not Dossier.objects.exists()


def test_a_forged_post_without_the_csrf_token_is_rejected(citizen, online_procedure, commune):
    client = Client(enforce_csrf_checks=True)
    client.force_login(citizen)
    page = client.post(
        "/nop-ho-so/1.001193/", {"intent": "save", **filled(online_procedure, commune)}
    )
    assert page.status_code == 403 and not Application.objects.exists()


@pytest.fixture
def population_db(settings, population):
    return connect_population(settings, population)


def test_a_new_application_is_prefilled_from_the_population_database_and_logged(
    browser, citizen, online_procedure, population_db
):
    html = browser.get("/nop-ho-so/1.001193/").content.decode()
    assert "được điền sẵn từ Cơ sở dữ liệu quốc gia về dân cư" in html
    # the e-ID gave no address; the population database's permanent address fills it
    assert 'value="Khu 3, xã Hy Cương, tỉnh Phú Thọ"' in html
    lookup = PopulationLookup.objects.get()
    assert (lookup.officer, lookup.id_number, lookup.outcome) == (citizen, "025190001234", "found")
    assert lookup.purpose == "Điền sẵn hồ sơ nộp trực tuyến"


def test_without_the_population_database_the_identity_from_the_e_id_is_used(
    browser, citizen, online_procedure, population_db
):
    population_db.stop()
    response = browser.get("/nop-ho-so/1.001193/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Cơ sở dữ liệu quốc gia về dân cư" not in html
    assert 'value="Phạm Thị Hồng Nhung"' in html  # the mother's name, from the e-ID's claims
    assert PopulationLookup.objects.get().outcome == "failed"
