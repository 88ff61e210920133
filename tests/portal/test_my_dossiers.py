"""Hồ sơ của tôi: status and timeline, supplement by upload, result download, rating, withdrawal."""

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from motcua.dossiers.models import Dossier
from tests.dossiers.helpers import act, submit

PDF = b"%PDF-1.7\n%%EOF\n"


@pytest.fixture
def browser(citizen) -> Client:
    client = Client()
    client.force_login(citizen)
    return client


@pytest.fixture
def filed(api, citizen, procedure, commune) -> dict:
    return submit(api(citizen), procedure, commune)


def test_the_list_shows_only_my_dossiers(browser, filed, api, other_citizen, procedure, commune):
    body = {"id_number": "001085000777", "full_name": "Đỗ Minh Quân"}
    theirs = submit(api(other_citizen), procedure, commune, applicant=body)
    html = browser.get("/ca-nhan/ho-so/").content.decode()
    assert filed["code"] in html and theirs["code"] not in html
    assert browser.get(f"/ca-nhan/ho-so/{theirs['code']}/").status_code == 404


def test_a_supplement_request_is_answered_by_upload(browser, filed, api, receiver):
    asked = act(api(receiver), filed, "request_supplement", items=["Bản sao giấy chứng sinh"])
    html = browser.get(f"/ca-nhan/ho-so/{filed['code']}/").content.decode()
    assert "Bản sao giấy chứng sinh" in html and "Nộp bổ sung" in html
    upload = SimpleUploadedFile("chung-sinh.pdf", PDF, content_type="application/pdf")
    page = browser.post(
        f"/ca-nhan/ho-so/{filed['code']}/bo-sung/",
        {"version": asked["version"], "name": "Giấy chứng sinh", "files": [upload]},
    )
    assert page.status_code == 302
    dossier = Dossier.objects.get(code=filed["code"])
    assert dossier.status == "submitted"
    added = dossier.documents.get(name__startswith="Giấy chứng sinh")
    assert added.file.read() == PDF


def test_a_supplement_that_is_not_a_scan_changes_nothing(browser, filed, api, receiver):
    asked = act(api(receiver), filed, "request_supplement", items=["Giấy chứng sinh"])
    upload = SimpleUploadedFile("x.pdf", b"<html><script>", content_type="application/pdf")
    page = browser.post(
        f"/ca-nhan/ho-so/{filed['code']}/bo-sung/", {"version": asked["version"], "files": [upload]}
    )
    assert page.status_code == 302
    assert Dossier.objects.get(code=filed["code"]).status == "supplement_requested"
    follow = browser.get(page["Location"]).content.decode()
    assert "không phải PDF, JPEG hoặc PNG" in follow


def returned(api, dossier, receiver, specialist, approver) -> dict:
    dossier = act(api(receiver), dossier, "receive")
    dossier = act(api(receiver), dossier, "forward")
    dossier = act(api(specialist), dossier, "forward")
    dossier = act(api(approver), dossier, "approve", number="12/GKS", electronic=True)
    return act(api(receiver), dossier, "return_result", method="online")


def test_the_result_is_downloaded_and_rated(browser, filed, api, receiver, specialist, approver):
    done = returned(api, filed, receiver, specialist, approver)
    result = Dossier.objects.get(code=filed["code"]).results.get()
    result.file.save("ket-qua.pdf", ContentFile(PDF))
    html = browser.get(f"/ca-nhan/ho-so/{filed['code']}/").content.decode()
    assert "Tải kết quả" in html and "Đánh giá mức độ hài lòng" in html
    download = browser.get(f"/ca-nhan/ho-so/{filed['code']}/ket-qua/{result.pk}/")
    assert download.status_code == 200 and b"".join(download.streaming_content) == PDF
    rating = {"receipt": "satisfied", "processing": "neutral", "attitude": "satisfied",
              "result": "satisfied"}  # fmt: skip
    page = browser.post(
        f"/ca-nhan/ho-so/{filed['code']}/danh-gia/", {"version": done["version"], **rating}
    )
    assert page.status_code == 302
    assert Dossier.objects.get(code=filed["code"]).rating == rating


def test_another_citizen_cannot_download_or_act(
    filed, api, receiver, specialist, approver, other_citizen
):
    done = returned(api, filed, receiver, specialist, approver)
    result = Dossier.objects.get(code=filed["code"]).results.get()
    result.file.save("ket-qua.pdf", ContentFile(PDF))
    intruder = Client()
    intruder.force_login(other_citizen)
    assert intruder.get(f"/ca-nhan/ho-so/{filed['code']}/ket-qua/{result.pk}/").status_code == 404
    page = intruder.post(
        f"/ca-nhan/ho-so/{filed['code']}/danh-gia/",
        {"version": done["version"], "receipt": "dissatisfied"},
    )
    assert page.status_code == 404
    assert Dossier.objects.get(code=filed["code"]).rating is None


def test_withdrawal_needs_a_reason(browser, filed):
    url = f"/ca-nhan/ho-so/{filed['code']}/rut/"
    page = browser.post(url, {"version": filed["version"], "note": ""})
    assert page.status_code == 422 and "Cần ghi rõ" in page.content.decode()
    browser.post(url, {"version": filed["version"], "note": "Tôi nộp nhầm thủ tục"})
    assert Dossier.objects.get(code=filed["code"]).status == "withdrawn"


def test_a_stale_form_is_refused_with_the_reason(browser, filed, api, receiver):
    act(api(receiver), filed, "receive")
    page = browser.post(f"/ca-nhan/ho-so/{filed['code']}/rut/",
                        {"version": filed["version"], "note": "Không cần nữa"})  # fmt: skip
    assert page.status_code == 409 and "tải lại" in page.content.decode()
