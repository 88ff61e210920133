"""Wrong state, stale version, broken rules: refused with 409/422 and nothing changed."""

import pytest

from motcua.core.errors import RuleBroken
from motcua.dossiers.models import Dossier
from motcua.dossiers.ratings import Criterion
from motcua.dossiers.services import dossier_act
from tests.dossiers.helpers import act, submit


@pytest.fixture
def received(api, procedure, commune, receiver):
    return submit(api(receiver), procedure, commune, channel="desk")


def test_stale_version_is_409_and_changes_nothing(api, received, receiver):
    stale = {**received, "version": received["version"] - 1}
    response = act(api(receiver), stale, "forward", expect=409)
    assert response["code"] == "stale_version"
    assert Dossier.objects.get(code=received["code"]).status == "received"


def test_action_not_allowed_in_state_is_409(api, received, receiver):
    response = act(api(receiver), received, "return_result", expect=409)
    assert response["code"] == "invalid_state"


def test_unknown_action_is_404(api, received, receiver):
    assert act(api(receiver), received, "teleport", expect=404)["code"] == "unknown_action"


def test_missing_version_is_400(api, received, receiver):
    response = api(receiver).post(
        f"/api/v1/dossiers/{received['code']}/actions/forward/", {}, format="json"
    )
    assert response.status_code == 400 and "version" in response.json()["fields"]


def test_only_one_supplement_during_processing(api, received, receiver, specialist):
    dossier = act(api(receiver), received, "forward")
    dossier = act(api(specialist), dossier, "request_supplement", items=["Giấy tờ A"])
    dossier = act(api(receiver), dossier, "submit_supplement")
    response = act(api(specialist), dossier, "request_supplement", items=["B"], expect=422)
    assert response["code"] == "supplement_limit"


def test_supplement_request_must_list_items(api, received, receiver):
    response = act(api(receiver), received, "request_supplement", expect=422, items=[])
    assert response["code"] == "items_required"


def test_refuse_withdraw_reject_and_pause_need_a_reason(
    api, procedure, commune, receiver, approver, received
):
    online = submit(api(receiver), procedure, commune)
    assert act(api(receiver), online, "refuse", expect=422)["code"] == "note_required"
    assert act(api(receiver), received, "withdraw", expect=422)["code"] == "note_required"
    assert act(api(approver), received, "pause", expect=422)["code"] == "note_required"
    dossier = act(api(receiver), received, "forward")
    dossier = act(api(approver), dossier, "forward", expect=403)  # specialist's step
    assert dossier["code"] == "forbidden"


def test_refusal_at_receipt_and_withdrawal_are_final(api, procedure, commune, receiver, received):
    online = submit(api(receiver), procedure, commune)
    refused = act(api(receiver), online, "refuse", note="Không thuộc thẩm quyền")
    assert refused["status"] == "refused"
    assert act(api(receiver), refused, "receive", expect=409)["code"] == "invalid_state"
    withdrawn = act(api(receiver), received, "withdraw", note="Người nộp xin rút")
    assert withdrawn["status"] == "withdrawn"
    assert act(api(receiver), withdrawn, "forward", expect=409)["code"] == "invalid_state"


def test_payment_must_match_what_is_owed(api, received, receiver, specialist):
    dossier = act(api(receiver), received, "forward")
    dossier = act(api(specialist), dossier, "request_payment")
    over = act(api(receiver), dossier, "record_payment", amount=9000, expect=422)
    assert over["code"] == "invalid_amount"
    partial = act(api(receiver), dossier, "record_payment", amount=3000)
    assert partial["status"] == "awaiting_payment"
    paid = act(api(receiver), partial, "record_payment", amount=5000)
    assert paid["status"] == "processing"
    assert [p["amount"] for p in paid["payments"]] == [3000, 5000]


def test_apology_needs_a_later_date(api, received, receiver, specialist):
    dossier = act(api(receiver), received, "forward")
    response = act(
        api(specialist), dossier, "apologise", expect=422, note="Chậm",
        new_due_at=received["due_at"],
    )  # fmt: skip
    assert response["code"] == "invalid_new_due"


def test_rating_once_and_only_valid_levels(api, received, receiver, specialist, approver):
    dossier = act(api(receiver), received, "forward")
    dossier = act(api(specialist), dossier, "forward")
    dossier = act(api(approver), dossier, "approve")
    assert act(api(receiver), dossier, "rate", rating={"a": "great"}, expect=409)["code"] == (
        "invalid_state"
    )
    dossier = act(api(receiver), dossier, "return_result")
    assert act(api(receiver), dossier, "rate", rating={"a": "great"}, expect=422)["code"] == (
        "invalid_rating"
    )
    dossier = act(
        api(receiver), dossier, "rate", rating=dict.fromkeys(Criterion.values, "satisfied")
    )
    assert act(api(receiver), dossier, "rate", rating={"a": "neutral"}, expect=409)["code"] == (
        "already_rated"
    )


def test_last_step_cannot_be_forwarded(api, received, receiver, specialist, approver):
    dossier = act(api(receiver), received, "forward")
    dossier = act(api(specialist), dossier, "forward")
    assert act(api(approver), dossier, "forward", expect=422)["code"] == "last_step"


def test_bad_submissions_are_refused_clearly(api, procedure, commune, receiver):
    client = api(receiver)
    base = {"procedure": procedure.code, "agency": commune.code, "channel": "online",
            "applicant": {"id_number": "025190001234", "full_name": "Lê Văn A"}}  # fmt: skip
    bad_id = {**base, "applicant": {"id_number": "12AB", "full_name": "Lê Văn A"}}
    response = client.post("/api/v1/dossiers/", bad_id, format="json")
    assert response.status_code == 422 and "id_number" in response.json()["fields"]
    unknown = client.post("/api/v1/dossiers/", {**base, "procedure": "9.999999"}, format="json")
    assert unknown.status_code == 400 and "procedure" in unknown.json()["fields"]
    wrong_type = client.post("/api/v1/dossiers/", {**base, "form_data": "x"}, format="json")
    assert wrong_type.status_code == 400
    channel = client.post("/api/v1/dossiers/", {**base, "channel": "fax"}, format="json")
    assert channel.status_code == 400 and "channel" in channel.json()["fields"]
    assert Dossier.objects.count() == 0


def test_form_data_is_checked_against_the_procedure_schema(api, procedure, commune, receiver):
    procedure.form_schema = {
        "type": "object",
        "required": ["child_name"],
        "properties": {"child_name": {"type": "string", "minLength": 2}},
    }
    procedure.save()
    base = {"procedure": procedure.code, "agency": commune.code, "channel": "online",
            "applicant": {"id_number": "025190001234", "full_name": "Lê Văn A"}}  # fmt: skip
    response = api(receiver).post("/api/v1/dossiers/", {**base, "form_data": {}}, format="json")
    assert response.status_code == 422 and response.json()["code"] == "invalid_form"
    ok = api(receiver).post(
        "/api/v1/dossiers/", {**base, "form_data": {"child_name": "Lê Minh An"}}, format="json"
    )
    assert ok.status_code == 201


def test_info_only_procedure_takes_no_online_dossier(api, procedure, commune, receiver):
    procedure.online_level = "info"
    procedure.save()
    base = {"procedure": procedure.code, "agency": commune.code, "channel": "online",
            "applicant": {"id_number": "025190001234", "full_name": "Lê Văn A"}}  # fmt: skip
    response = api(receiver).post("/api/v1/dossiers/", base, format="json")
    assert response.status_code == 422 and response.json()["code"] == "not_online"


def test_a_supplement_document_needs_a_name(api, received, receiver):
    """The pages reach the service directly (the API's serializer refuses a blank name first)."""
    dossier = act(api(receiver), received, "request_supplement", items=["Giấy tờ A"])
    documents = [{"name": "Đơn"}, {"name": "  "}]
    before = Dossier.objects.get(code=dossier["code"]).documents.count()
    with pytest.raises(RuleBroken, match="Mỗi giấy tờ phải có tên"):
        dossier_act(actor=receiver, code=dossier["code"], action="submit_supplement",
                    version=dossier["version"], documents=documents)  # fmt: skip
    kept = Dossier.objects.get(code=dossier["code"])
    assert kept.status == "supplement_requested" and kept.documents.count() == before
