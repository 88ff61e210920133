"""The dossier page: all about it, only this officer's actions, every refusal as a message."""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from motcua.backoffice.selectors import form_answers
from motcua.dossiers.models import Dossier, DossierDocument
from tests.backoffice.helpers import act, at_approval, file_dossier, office


def page(client, dossier) -> str:
    response = client.get(f"/mot-cua/ho-so/{dossier.code}/")
    assert response.status_code == 200, response.content
    return response.content.decode()


def offered(html: str) -> set[str]:
    return set(re.findall(r'/thao-tac/([a-z_]+)/"', html))


def post(client, dossier, action: str, **data):
    body = {f"{action}-{k}": v for k, v in {"version": dossier.version, **data}.items()}
    return client.post(f"/mot-cua/ho-so/{dossier.code}/thao-tac/{action}/", body)


def test_the_page_shows_the_dossier_and_the_receivers_actions(clock, procedure, commune, receiver):
    dossier = file_dossier(receiver, procedure, commune)
    html = page(office(receiver), dossier)
    for text in (
        dossier.code,
        "Phạm Thị Hồng Nhung",
        "Đăng ký khai sinh",
        "Chờ tiếp nhận",
        "Tờ khai đăng ký khai sinh",
        "Lệ phí",
        "Nộp hồ sơ",
        "Cổng Dịch vụ công quốc gia",
    ):
        assert text in html, text  # fmt: skip
    assert offered(html) == {"receive", "request_supplement", "refuse", "withdraw"}
    assert 'name="receive-version" value="1"' in html


def test_each_officer_sees_only_the_actions_of_their_role_and_step(
    clock, procedure, commune, receiver, specialist, approver
):
    dossier = file_dossier(receiver, procedure, commune, channel="desk")  # at step 0 (receiver)
    assert "forward" in offered(page(office(receiver), dossier))
    assert "forward" not in offered(page(office(specialist), dossier))
    act(receiver, dossier, "forward")  # now at the specialist's step
    assert "forward" in offered(page(office(specialist), dossier))
    assert offered(page(office(approver), dossier)) == {"request_supplement", "apologise", "pause"}
    act(specialist, dossier, "forward")  # now at the approver's step: they decide (or send on)
    assert offered(page(office(approver), dossier)) == {
        "request_supplement", "forward", "approve", "reject", "apologise", "pause",
    }  # fmt: skip


def test_the_page_says_why_an_action_of_the_officer_is_not_available_now(
    clock, procedure, commune, receiver, specialist
):
    dossier = file_dossier(receiver, procedure, commune, channel="desk")
    act(receiver, dossier, "forward")
    act(specialist, dossier, "request_supplement", items=["Giấy chứng sinh"])
    act(receiver, dossier, "submit_supplement")
    html = page(office(specialist), dossier)
    assert "request_supplement" not in offered(html)
    assert (
        "<li>Yêu cầu bổ sung, hoàn thiện hồ sơ: Hồ sơ chỉ được yêu cầu bổ sung một lần trong quá "
        "trình giải quyết (Nghị định 118/2025, Điều 11).</li>"
    ) in html
    assert "Phê duyệt kết quả:" not in html  # not theirs to take: not listed


def test_an_action_done_through_the_page_moves_the_dossier(clock, procedure, commune, receiver):
    dossier = file_dossier(receiver, procedure, commune)
    response = post(office(receiver), dossier, "receive", note="Đủ hồ sơ")
    assert response.status_code == 302
    dossier.refresh_from_db()
    assert dossier.status == "received"
    assert "Tiếp nhận hồ sơ" in page(office(receiver), dossier)


def test_another_agencys_dossier_is_not_found(clock, procedure, commune, receiver, other_receiver):
    dossier = file_dossier(receiver, procedure, commune)
    client = office(other_receiver)
    assert client.get(f"/mot-cua/ho-so/{dossier.code}/").status_code == 404
    response = post(client, dossier, "receive")
    assert response.status_code == 404
    assert "Không tìm thấy hồ sơ." in response.content.decode()
    dossier.refresh_from_db()
    assert dossier.status == "submitted"


def test_a_forged_action_not_offered_is_refused_with_its_message(
    clock, procedure, commune, receiver, specialist
):
    dossier = file_dossier(receiver, procedure, commune)
    assert "receive" not in offered(page(office(specialist), dossier))
    forbidden = post(office(specialist), dossier, "receive")
    assert forbidden.status_code == 403
    assert "Bạn không có quyền tiếp nhận hồ sơ" in forbidden.content.decode()
    wrong_state = post(office(receiver), dossier, "return_result", method="desk")
    assert wrong_state.status_code == 409
    assert "Không thể thực hiện &#x27;Trả kết quả&#x27;" in wrong_state.content.decode()
    dossier.refresh_from_db()
    assert dossier.status == "submitted"


def test_a_stale_form_gets_the_409_message(clock, procedure, commune, receiver):
    dossier = file_dossier(receiver, procedure, commune)
    stale_version = dossier.version
    act(receiver, dossier, "receive")
    response = office(receiver).post(
        f"/mot-cua/ho-so/{dossier.code}/thao-tac/forward/", {"forward-version": stale_version}
    )
    assert response.status_code == 409
    assert "Hồ sơ đã được người khác cập nhật" in response.content.decode()


def test_a_rule_broken_keeps_the_officers_input(clock, procedure, commune, receiver):
    dossier = file_dossier(receiver, procedure, commune)
    response = post(office(receiver), dossier, "request_supplement", items="", note="Ghi chú dài")
    assert response.status_code == 400  # the form needs the items
    response = post(office(receiver), dossier, "refuse", note="")
    assert response.status_code == 422
    html = response.content.decode()
    assert "Cần ghi rõ lý do từ chối tiếp nhận." in html
    assert "<details open>" in html


def test_an_unknown_action_is_not_found(clock, procedure, commune, receiver):
    dossier = file_dossier(receiver, procedure, commune)
    assert post(office(receiver), dossier, "destroy").status_code == 404


def test_a_post_without_the_csrf_token_is_rejected(clock, procedure, commune, receiver):
    dossier = file_dossier(receiver, procedure, commune)
    client = office(receiver, enforce_csrf_checks=True)
    assert post(client, dossier, "receive").status_code == 403
    dossier.refresh_from_db()
    assert dossier.status == "submitted"


def test_the_printable_forms_that_apply_are_linked_and_open_with_the_session(
    clock, procedure, commune, receiver
):
    dossier = file_dossier(receiver, procedure, commune, channel="desk")
    client = office(receiver)
    html = page(client, dossier)
    links = re.findall(r"/api/v1/dossiers/[^/]+/forms/(\d\d)\.pdf", html)
    assert links == ["01", "06", "07"]
    pdf = client.get(f"/api/v1/dossiers/{dossier.code}/forms/01.pdf")
    assert pdf.status_code == 200
    assert pdf["Content-Type"] == "application/pdf"


def test_scans_are_served_only_to_officers_who_see_the_dossier(
    clock, procedure, commune, receiver, other_receiver, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    dossier = file_dossier(receiver, procedure, commune, channel="desk")
    scan = SimpleUploadedFile("scan.pdf", b"%PDF-1.7 scan")
    document = DossierDocument.objects.create(
        dossier=dossier, name="Bản quét", file=scan, added_at=dossier.submitted_at
    )
    url = f"/mot-cua/ho-so/{dossier.code}/giay-to/{document.pk}/"
    assert url in page(office(receiver), dossier)
    response = office(receiver).get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"%PDF-1.7 scan"
    assert office(other_receiver).get(url).status_code == 404
    assert Client().get(url).status_code == 302


def test_the_handover_lines_and_results_are_shown(
    clock, procedure, commune, receiver, specialist, approver
):
    dossier = at_approval(procedure, commune, receiver, specialist)
    act(approver, dossier, "approve", number="125/GKS")
    html = page(office(receiver), dossier)
    assert "Quá trình giao, nhận hồ sơ (Mẫu 06)" in html
    assert html.count("Giao: UBND xã Hy Cương") == 4  # receive, two forwards, approve
    assert "số 125/GKS" in html
    assert offered(html) == {"return_result"}


@pytest.mark.parametrize("count", [1, 3])
def test_the_page_costs_a_fixed_number_of_queries(
    clock, procedure, commune, receiver, django_assert_max_num_queries, count
):
    dossier = file_dossier(receiver, procedure, commune, channel="desk")
    for _ in range(count):
        DossierDocument.objects.create(dossier=dossier, name="Giấy", added_at=dossier.submitted_at)
    client = office(receiver)
    with django_assert_max_num_queries(19):
        client.get(f"/mot-cua/ho-so/{dossier.code}/")
    assert Dossier.objects.count() == 1


def test_form_answers_are_labelled_by_the_schemas_titles():
    schema = {"properties": {"name": {"title": "Họ tên"}, "kind": {"type": "string"}}}
    answers = {"kind": "Nữ", "name": "Lan", "legacy": 1}
    assert form_answers(schema, answers) == [("Họ tên", "Lan"), ("kind", "Nữ"), ("legacy", 1)]


def test_the_approver_attaches_the_result_file_the_applicant_downloads_once_returned(
    clock, procedure, commune, receiver, specialist, approver, citizen
):
    dossier = at_approval(procedure, commune, receiver, specialist)
    signed = SimpleUploadedFile("ket-qua.pdf", b"%PDF-1.7 giay khai sinh", "application/pdf")
    response = post(office(approver), dossier, "approve", number="125/GKS", file=signed)
    assert response.status_code == 302, response.content
    result = dossier.results.get()
    assert result.file.name.endswith(".pdf") and "ket-qua" not in result.file.name

    url = f"/ca-nhan/ho-so/{dossier.code}/ket-qua/{result.pk}/"
    assert office(citizen).get(url).status_code == 404  # a paper result: not before it is returned
    act(receiver, dossier, "return_result", method="desk")
    response = office(citizen).get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"%PDF-1.7 giay khai sinh"


def test_a_result_file_that_is_not_a_document_is_refused_and_nothing_changes(
    clock, procedure, commune, receiver, specialist, approver
):
    dossier = at_approval(procedure, commune, receiver, specialist)
    fake = SimpleUploadedFile("ket-qua.pdf", b"<html>not a pdf</html>", "application/pdf")
    response = post(office(approver), dossier, "approve", number="125/GKS", file=fake)
    assert response.status_code == 400
    assert "không phải PDF, JPEG hoặc PNG" in response.content.decode()
    dossier.refresh_from_db()
    assert dossier.status == "processing" and not dossier.results.exists()
