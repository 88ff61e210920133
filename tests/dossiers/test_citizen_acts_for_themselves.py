"""A citizen signed in with VNeID files online in their own name and acts only on their dossiers."""

from motcua.core.citizens import citizen_sign_in
from motcua.core.models import Citizen
from tests.dossiers.helpers import act, submit


def test_a_citizen_files_online_in_their_own_name(api, citizen, procedure, commune):
    dossier = submit(api(citizen), procedure, commune)
    assert dossier["status"] == "submitted"
    assert dossier["timeline"][0]["actor"] == "Phạm Thị Hồng Nhung"


def test_a_citizen_cannot_file_in_another_name_or_at_the_desk(
    api, other_citizen, citizen, procedure, commune
):
    nhung = {"id_number": "025190001234", "full_name": "Phạm Thị Hồng Nhung"}
    body = {"procedure": procedure.code, "agency": commune.code, "channel": "online",
            "applicant": nhung}  # fmt: skip
    assert api(other_citizen).post("/api/v1/dossiers/", body, format="json").status_code == 403
    desk = {**body, "channel": "desk"}
    assert api(citizen).post("/api/v1/dossiers/", desk, format="json").status_code == 403


def test_a_citizen_sees_only_their_own_dossiers(api, citizen, other_citizen, procedure, commune):
    code = submit(api(citizen), procedure, commune)["code"]
    assert [d["code"] for d in api(citizen).get("/api/v1/dossiers/").json()["results"]] == [code]
    assert api(other_citizen).get("/api/v1/dossiers/").json()["results"] == []
    assert api(other_citizen).get(f"/api/v1/dossiers/{code}/").status_code == 404


def test_the_applicant_supplements_and_rates_but_cannot_process(
    api, citizen, other_citizen, receiver, approver, procedure, commune
):
    dossier = submit(api(citizen), procedure, commune)
    act(api(citizen), dossier, "receive", expect=403)
    dossier = act(api(receiver), dossier, "request_supplement", items=["Bản sao giấy chứng sinh"])
    act(api(other_citizen), dossier, "submit_supplement", expect=404)
    dossier = act(api(citizen), dossier, "submit_supplement")
    assert dossier["status"] == "submitted"
    dossier = act(api(receiver), dossier, "receive")
    dossier = act(api(receiver), dossier, "forward")
    act(api(citizen), dossier, "approve", expect=403)
    dossier = act(api(citizen), dossier, "withdraw", note="Tôi không cần giấy này nữa")
    assert dossier["status"] == "withdrawn"


def test_signing_in_again_refreshes_the_identity_and_keeps_the_account(db):
    first = citizen_sign_in(claims={"sub": "abc", "id_number": "025190001234", "name": "A"})
    again = citizen_sign_in(
        claims={
            "sub": "abc",
            "id_number": "025190001234",
            "name": "Phạm Thị Hồng Nhung",
            "birthdate": "1990-05-17",
            "gender": "female",
        }
    )
    assert again.pk == first.pk and again.user_id == first.user_id
    assert (again.full_name, str(again.birth_date), again.gender) == (
        "Phạm Thị Hồng Nhung", "1990-05-17", "nữ",
    )  # fmt: skip
    assert not again.user.has_usable_password()
    assert Citizen.objects.count() == 1


def test_claims_without_a_valid_id_number_are_refused(db):
    import pytest

    from motcua.core.errors import RuleBroken

    with pytest.raises(RuleBroken):
        citizen_sign_in(claims={"sub": "abc", "id_number": "12ab", "name": "A"})
