"""Scoping: officers reach only the dossiers of their agencies; roles limit what they can do."""

import pytest

from tests.dossiers.helpers import act, submit
from tests.factories import make_staff


@pytest.fixture
def dossier(api, procedure, commune, receiver):
    return submit(api(receiver), procedure, commune)


def test_officer_of_another_commune_gets_404_for_detail_action_and_form(
    api, dossier, other_receiver
):
    client = api(other_receiver)
    assert client.get(f"/api/v1/dossiers/{dossier['code']}/").status_code == 404
    response = act(client, dossier, "receive", expect=404)
    assert response["code"] == "not_found"
    assert client.get(f"/api/v1/dossiers/{dossier['code']}/forms/01.pdf").status_code == 404


def test_list_shows_only_own_agency(
    api, procedure, commune, other_commune, receiver, other_receiver
):
    mine = submit(api(receiver), procedure, commune)
    theirs = submit(api(other_receiver), procedure, other_commune)
    codes = {d["code"] for d in api(receiver).get("/api/v1/dossiers/").json()["results"]}
    assert mine["code"] in codes and theirs["code"] not in codes


def test_province_auditor_sees_commune_dossiers_but_cannot_act(api, dossier, province):
    auditor = make_staff("thanhtra", province, "auditor")
    client = api(auditor)
    assert client.get(f"/api/v1/dossiers/{dossier['code']}/").status_code == 200
    assert act(client, dossier, "receive", expect=403)["code"] == "forbidden"


def test_role_not_allowed_gets_403(api, dossier, specialist):
    response = act(api(specialist), dossier, "receive", expect=403)
    assert "quyền" in response["detail"]


def test_creating_a_dossier_needs_the_receiver_role_in_that_agency(
    api, procedure, other_commune, receiver, specialist
):
    response = api(receiver).post(
        "/api/v1/dossiers/",
        {"procedure": procedure.code, "agency": other_commune.code, "channel": "desk",
         "applicant": {"id_number": "025190001234", "full_name": "Lê Văn A"}},
        format="json",
    )  # fmt: skip
    assert response.status_code == 403


def test_anonymous_gets_401(api, dossier):
    assert api().get("/api/v1/dossiers/").status_code == 401
    assert api().get(f"/api/v1/dossiers/{dossier['code']}/").status_code == 401


def test_step_role_is_enforced_when_forwarding(api, dossier, receiver, approver):
    dossier = act(api(receiver), dossier, "receive")
    dossier = act(api(receiver), dossier, "forward")  # receipt step done by the receiver
    # The next step belongs to the specialist: the receiver cannot hand it over.
    assert act(api(receiver), dossier, "forward", expect=403)["code"] == "forbidden"


def test_hand_over_to_another_agency_moves_the_scope(
    api, dossier, receiver, specialist, department
):
    officer = make_staff("sotuphap", department, "specialist", "approver")
    dossier = act(api(receiver), dossier, "receive")
    dossier = act(api(receiver), dossier, "forward")
    dossier = act(api(specialist), dossier, "forward", to_agency=department.code)
    assert dossier["current_agency"] == department.code
    # The department now sees and handles it; the commune still sees what it filed.
    seen = api(officer).get(f"/api/v1/dossiers/{dossier['code']}/")
    assert seen.status_code == 200
    dossier = act(api(officer), seen.json(), "approve")
    assert dossier["status"] == "result_ready"
    handover = next(e for e in dossier["timeline"] if e["to_agency"] == department.code)
    assert handover["from_agency"] == "H44.189"
