"""The actions offered to an officer follow the transition table, their roles and the step."""

from motcua.dossiers.permissions import allowed_actions
from motcua.dossiers.ratings import Criterion
from tests.backoffice.helpers import act, at_approval, file_dossier
from tests.dossiers.helpers import act as act_api
from tests.dossiers.helpers import submit
from tests.factories import make_staff


def offered(user, dossier) -> set[str]:
    dossier.refresh_from_db()
    return {t.action for t in allowed_actions(user, dossier)}


def test_a_new_online_dossier(clock, procedure, commune, receiver, specialist, approver):
    dossier = file_dossier(receiver, procedure, commune)
    assert offered(receiver, dossier) == {"receive", "request_supplement", "refuse", "withdraw"}
    assert offered(specialist, dossier) == {"request_supplement"}
    assert offered(approver, dossier) == {"request_supplement"}


def test_forward_only_for_the_role_of_the_current_step(
    clock, procedure, commune, receiver, specialist, approver
):
    dossier = file_dossier(receiver, procedure, commune, channel="desk")
    assert "forward" in offered(receiver, dossier)
    assert "forward" not in offered(specialist, dossier)
    act(receiver, dossier, "forward")
    assert "forward" in offered(specialist, dossier)
    assert "forward" not in offered(receiver, dossier)
    assert "forward" not in offered(approver, dossier)


def test_limits_the_services_enforce_once(
    clock, procedure, commune, receiver, specialist, approver
):
    dossier = at_approval(procedure, commune, receiver, specialist)
    assert {"request_supplement", "request_payment", "apologise"} <= offered(specialist, dossier)
    act(specialist, dossier, "request_supplement", items=["Giấy chứng sinh"])
    act(receiver, dossier, "submit_supplement")
    act(specialist, dossier, "request_payment")
    act(receiver, dossier, "record_payment", amount=8000)
    act(approver, dossier, "apologise", note="Chờ xác minh",
        new_due_at=dossier.due_at.replace(year=2027))  # fmt: skip
    left = offered(specialist, dossier)
    assert not {"request_supplement", "request_payment", "apologise"} & left


def test_after_approval_only_the_desk_returns_and_rates(
    clock, procedure, commune, receiver, specialist, approver
):
    dossier = at_approval(procedure, commune, receiver, specialist)
    act(approver, dossier, "approve")
    assert offered(receiver, dossier) == {"return_result"}
    assert offered(approver, dossier) == set()
    act(receiver, dossier, "return_result")
    assert offered(receiver, dossier) == {"rate"}
    act(receiver, dossier, "rate", rating=dict.fromkeys(Criterion.values, "satisfied"))
    assert offered(receiver, dossier) == set()


def test_nothing_for_staff_of_another_agency_or_other_roles(
    clock, procedure, commune, receiver, other_receiver, admin_user
):
    dossier = file_dossier(receiver, procedure, commune)
    assert offered(other_receiver, dossier) == set()
    assert offered(make_staff("vanthu", commune, "clerk"), dossier) == set()
    assert offered(admin_user, dossier) == set()  # the province's IT administrator


def test_the_api_lists_what_its_reader_may_do(api, procedure, commune, receiver, specialist):
    """`allowed_actions` of the dossier resource follows the reader's roles, not the state only."""
    code = file_dossier(receiver, procedure, commune).code
    seen = {
        user.username: api(user).get(f"/api/v1/dossiers/{code}/").json()["allowed_actions"]
        for user in (receiver, specialist)
    }
    assert seen == {
        receiver.username: ["receive", "request_supplement", "refuse", "withdraw"],
        specialist.username: ["request_supplement"],
    }


def test_the_api_gives_the_applicant_their_own_actions(api, citizen, receiver, procedure, commune):
    dossier = submit(api(citizen), procedure, commune)
    assert dossier["allowed_actions"] == ["withdraw"]
    asked = act_api(api(receiver), dossier, "request_supplement", items=["Bản sao giấy khai sinh"])
    assert asked["allowed_actions"] == ["submit_supplement", "withdraw"]  # for them, at the desk
    mine = api(citizen).get(f"/api/v1/dossiers/{dossier['code']}/").json()["allowed_actions"]
    assert mine == ["submit_supplement", "withdraw"]
