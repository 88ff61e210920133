"""Hồ sơ của tôi lists the citizen's drafts (hồ sơ nháp) above the dossiers filed."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from motcua.portal.services import application_save, application_submit


@pytest.fixture
def browser(citizen) -> Client:
    client = Client()
    client.force_login(citizen)
    return client


def draft(user, procedure, agency, uploads=None):
    return application_save(actor=user, procedure=procedure, agency=agency,
                            contact={"phone": "0912345678"}, form_data={},
                            uploads=uploads or {})  # fmt: skip


def test_a_draft_is_listed_with_a_link_to_go_on(browser, citizen, online_procedure, commune):
    draft(citizen, online_procedure, commune)

    html = browser.get("/ca-nhan/ho-so/").content.decode()

    assert "Hồ sơ nháp chưa nộp" in html
    assert f'href="/nop-ho-so/{online_procedure.code}/"' in html and "UBND xã Hy Cương" in html


def test_a_submitted_draft_is_listed_once_as_a_dossier(browser, citizen, procedure, commune):
    scans = {
        document: (SimpleUploadedFile("to-khai.pdf", b"%PDF-1.7\n%%EOF\n"), "to-khai.pdf")
        for document in procedure.required_documents.all()
    }
    application = draft(citizen, procedure, commune, scans)
    dossier = application_submit(actor=citizen, application=application)

    html = browser.get("/ca-nhan/ho-so/").content.decode()

    assert dossier.code in html and "Hồ sơ nháp chưa nộp" not in html


def test_another_citizens_draft_is_not_listed(browser, other_citizen, online_procedure, commune):
    draft(other_citizen, online_procedure, commune)

    html = browser.get("/ca-nhan/ho-so/").content.decode()

    assert "Hồ sơ nháp chưa nộp" not in html and "Bạn chưa có hồ sơ nào." in html
