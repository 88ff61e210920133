"""`guards.refusal` is the one answer to "may this actor take this action now": the service raises
it, the offered actions are those it does not refuse, and it says why in Vietnamese."""

import pytest

from motcua.catalog.models import ProcessStep
from motcua.core.errors import Conflict, Forbidden, RuleBroken
from motcua.dossiers.actors import Actor
from motcua.dossiers.guards import GUARDS, refusal
from motcua.dossiers.models import Dossier
from motcua.dossiers.permissions import allowed_actions
from motcua.dossiers.workflow import TRANSITIONS
from tests.backoffice.helpers import act, file_dossier
from tests.dossiers.helpers import act as act_api
from tests.factories import make_staff


def test_every_action_of_the_table_has_its_guards():
    assert set(GUARDS) == set(TRANSITIONS)


def test_an_approver_decides_only_at_the_approval_step(
    api, clock, procedure, commune, receiver, specialist, approver
):
    dossier = file_dossier(receiver, procedure, commune, channel="desk")
    act(receiver, dossier, "forward")  # at the specialist's review
    seen = api(approver).get(f"/api/v1/dossiers/{dossier.code}/").json()
    assert not {"approve", "reject"} & set(seen["allowed_actions"])
    refused = act_api(api(approver), seen, "approve", expect=403)
    assert refused["detail"] == "Bạn không có quyền thực hiện bước thẩm định tại UBND xã Hy Cương."
    act_api(api(approver), seen, "reject", note="Không đủ điều kiện", expect=403)
    assert Dossier.objects.get(pk=dossier.pk).status == "processing"


def test_a_province_leader_decides_only_where_the_process_gives_them_the_step(
    api, clock, procedure, commune, province, receiver
):
    """The province holds the review step (a specialist's), not the approval: its leader, an
    approver there, reads the dossier but does not decide it."""
    ProcessStep.objects.filter(procedure=procedure, order=1).update(unit=province)
    leader = make_staff("lanhdaotinh", province, "approver", full_name="Hoàng Văn Tỉnh")
    dossier = file_dossier(receiver, procedure, commune, channel="desk")
    act(receiver, dossier, "forward")
    dossier.refresh_from_db()
    assert dossier.current_agency_id == province.pk
    seen = api(leader).get(f"/api/v1/dossiers/{dossier.code}/").json()
    assert "approve" not in seen["allowed_actions"]
    refused = act_api(api(leader), seen, "approve", expect=403)
    assert refused["detail"].startswith("Bạn không có quyền thực hiện bước thẩm định tại")


def test_what_is_offered_is_what_is_not_refused_without_input(
    clock, procedure, commune, receiver, specialist
):
    dossier = file_dossier(receiver, procedure, commune)
    actor = Actor.of(receiver)
    assert refusal(actor, dossier, "refuse") is None  # offered: the note is asked when acting
    no_note = refusal(actor, dossier, "refuse", {"version": dossier.version, "note": " "})
    assert (no_note.kind, no_note.status, no_note.code) == (RuleBroken, 422, "note_required")
    assert no_note.detail == "Cần ghi rõ lý do từ chối tiếp nhận."
    stale = refusal(actor, dossier, "refuse", {"version": 0, "note": "Sai thẩm quyền"})
    assert (stale.kind, stale.code) == (Conflict, "stale_version")
    not_theirs = refusal(Actor.of(specialist), dossier, "receive")
    assert (not_theirs.kind, not_theirs.status) == (Forbidden, 403)
    assert not_theirs.detail == "Bạn không có quyền tiếp nhận hồ sơ tại UBND xã Hy Cương."
    assert refusal(actor, dossier, "return_result").code == "invalid_state"
    offered = [t.action for t in allowed_actions(actor, dossier)]
    assert offered == [a for a in TRANSITIONS if refusal(actor, dossier, a) is None]


@pytest.mark.parametrize("user", ["receiver", "specialist"])
def test_a_refusal_raised_by_the_service_is_the_one_given(
    request, clock, procedure, commune, receiver, user
):
    dossier = file_dossier(receiver, procedure, commune, channel="desk")
    actor = request.getfixturevalue(user)
    given = refusal(actor, dossier, "withdraw", {"version": dossier.version, "note": ""})
    with pytest.raises(given.kind) as raised:
        act(actor, dossier, "withdraw")
    assert (raised.value.code, raised.value.detail) == (given.code, given.detail)
