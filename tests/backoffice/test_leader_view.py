"""The leader's page: dossiers waiting for my approval, bulk decisions, the agency's tiles."""

import re
from datetime import datetime

from motcua.core.calendar import LOCAL_TZ
from motcua.dossiers.models import Dossier
from tests.backoffice.helpers import act, at_approval, file_dossier, office

LEADER = "/mot-cua/lanh-dao/"


def queue(response) -> list[str]:
    assert response.status_code in (200, 400), response.content
    return re.findall(r'name="codes" value="([^"]+)"', response.content.decode())


def decide(client, dossiers, decision: str, note: str = "", versions=None):
    data = {"codes": [d.code for d in dossiers], "decision": decision, "note": note}
    for d in dossiers:
        data[f"v-{d.code}"] = (versions or {}).get(d.code, d.version)
    return client.post(LEADER, data)


def test_the_queue_holds_the_dossiers_at_my_approval_step(
    clock, procedure, commune, receiver, specialist, approver, other_receiver
):
    waiting = at_approval(procedure, commune, receiver, specialist)
    file_dossier(receiver, procedure, commune, channel="desk")  # still at the receiver's step
    assert queue(office(approver).get(LEADER)) == [waiting.code]
    assert queue(office(specialist).get(LEADER)) == []
    assert queue(office(other_receiver).get(LEADER)) == []


def test_bulk_approval_reports_each_dossier(
    clock, procedure, commune, receiver, specialist, approver
):
    first, second, stale = (at_approval(procedure, commune, receiver, specialist) for _ in "abc")
    response = decide(office(approver), [first, second, stale], "approve",
                      versions={stale.code: stale.version - 1})  # fmt: skip
    html = response.content.decode()
    assert response.status_code == 200
    assert f"{first.code}</a>: Đã phê duyệt" in html
    assert f"{second.code}</a>: Đã phê duyệt" in html
    assert f"{stale.code}</a>: Hồ sơ đã được người khác cập nhật" in html
    statuses = dict(Dossier.objects.values_list("code", "status"))
    assert statuses == {first.code: "result_ready", second.code: "result_ready",
                        stale.code: "processing"}  # fmt: skip
    assert queue(response) == [stale.code]


def test_rejecting_needs_a_reason(clock, procedure, commune, receiver, specialist, approver):
    dossier = at_approval(procedure, commune, receiver, specialist)
    response = decide(office(approver), [dossier], "reject")
    assert response.status_code == 400
    assert "Không duyệt hồ sơ phải nêu rõ lý do." in response.content.decode()
    assert 'checked><input type="hidden" name="v-' in response.content.decode()  # kept ticked
    dossier.refresh_from_db()
    assert dossier.status == "processing"
    response = decide(office(approver), [dossier], "reject", note="Không đủ điều kiện")
    assert f"{dossier.code}</a>: Đã ghi không giải quyết" in response.content.decode()
    dossier.refresh_from_db()
    assert dossier.status == "rejected"


def test_a_forged_code_is_refused_by_the_service(
    clock, procedure, commune, receiver, specialist, approver, other_commune, other_receiver
):
    elsewhere = file_dossier(other_receiver, procedure, other_commune, channel="desk")
    not_yet = file_dossier(receiver, procedure, commune, channel="desk")
    html = decide(office(approver), [elsewhere, not_yet], "approve").content.decode()
    assert f"{elsewhere.code}</a>: Không tìm thấy hồ sơ." in html
    assert f"{not_yet.code}</a>: Không thể thực hiện" in html
    assert not Dossier.objects.filter(status="result_ready").exists()


def test_a_bulk_post_without_the_csrf_token_is_rejected(
    clock, procedure, commune, receiver, specialist, approver
):
    dossier = at_approval(procedure, commune, receiver, specialist)
    response = decide(office(approver, enforce_csrf_checks=True), [dossier], "approve")
    assert response.status_code == 403
    dossier.refresh_from_db()
    assert dossier.status == "processing"


def test_the_tiles_count_and_link_to_the_worklist(
    clock, procedure, commune, receiver, specialist, approver
):
    late = file_dossier(receiver, procedure, commune, channel="desk")
    done = at_approval(procedure, commune, receiver, specialist)
    act(approver, done, "approve")
    clock.set(datetime(2026, 11, 19, 9, tzinfo=LOCAL_TZ))  # `late` is past its due date now
    file_dossier(receiver, procedure, commune, channel="desk")  # received today, due soon: no
    html = office(approver).get(LEADER).content.decode()
    tiles = dict(re.findall(r'\?([^"]+)"><strong>(\d+)</strong>', html))
    assert tiles == {"han=hom-nay": "1", "han=qua-han": "1", "han=sap-den-han": "0",
                     "tab=tra-ket-qua": "1"}  # fmt: skip
    assert late.code in office(approver).get("/mot-cua/?han=qua-han").content.decode()
