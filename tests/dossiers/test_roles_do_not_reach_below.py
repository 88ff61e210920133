"""A role held at a parent agency reads the dossiers of the units below but acts on none of them:
actions are scoped to the roles held at the dossier's own agency (receiving) or current agency
(processing), exactly; a province official acts where the process gives the province a step."""

import re

import pytest

from motcua.catalog.models import ProcessStep
from motcua.dossiers.models import Dossier
from tests.backoffice.helpers import at_approval, office
from tests.dossiers.helpers import act, submit
from tests.factories import make_staff

LEADER = "/mot-cua/lanh-dao/"
ROW = r'<th scope="row"><a href="/mot-cua/ho-so/([^/]+)/">'


def queue(response) -> list[str]:
    assert response.status_code == 200, response.content
    return re.findall(r'name="codes" value="([^"]+)"', response.content.decode())


def listed(response) -> list[str]:
    assert response.status_code == 200, response.content
    return re.findall(ROW, response.content.decode())


def detail(client, code: str) -> dict:
    response = client.get(f"/api/v1/dossiers/{code}/")
    assert response.status_code == 200, response.content
    return response.json()


@pytest.fixture
def province_leader(province):
    return make_staff("lanhdaotinh", province, "approver", "auditor", full_name="Hoàng Văn Tỉnh")


@pytest.fixture
def province_receiver(province):
    return make_staff("tiepnhantinh", province, "receiver", full_name="Vũ Thị Tỉnh")


def test_a_province_leader_reads_but_cannot_approve_a_commune_dossier(
    api, clock, procedure, commune, receiver, specialist, approver, province_leader
):
    waiting = at_approval(procedure, commune, receiver, specialist)
    client = api(province_leader)
    seen = detail(client, waiting.code)  # read as before
    assert seen["allowed_actions"] == []
    assert "approve" in detail(api(approver), waiting.code)["allowed_actions"]

    refused = act(client, seen, "approve", expect=403)
    assert refused["code"] == "forbidden"
    assert refused["detail"] == "Bạn không có quyền phê duyệt kết quả tại UBND xã Hy Cương."
    assert Dossier.objects.get(pk=waiting.pk).status == "processing"


def test_the_bulk_approve_page_neither_offers_nor_approves_a_commune_dossier(
    clock, procedure, commune, receiver, specialist, approver, province_leader
):
    waiting = at_approval(procedure, commune, receiver, specialist)
    page = office(province_leader)
    assert queue(page.get(LEADER)) == []
    assert queue(office(approver).get(LEADER)) == [waiting.code]

    forged = {"codes": [waiting.code], "decision": "approve", "note": "",
              f"v-{waiting.code}": waiting.version}  # fmt: skip
    html = page.post(LEADER, forged).content.decode()
    assert f"{waiting.code}</a>: Bạn không có quyền phê duyệt kết quả tại UBND xã Hy Cương." in html
    assert Dossier.objects.get(pk=waiting.pk).status == "processing"
    assert waiting.code in listed(page.get("/mot-cua/?tab=tat-ca"))  # still read


def test_a_province_receiver_cannot_receive_or_file_at_a_commune(
    api, procedure, commune, receiver, province_receiver
):
    dossier = submit(api(receiver), procedure, commune, channel="online")
    client = api(province_receiver)
    seen = detail(client, dossier["code"])
    assert seen["allowed_actions"] == []
    assert detail(api(receiver), dossier["code"])["allowed_actions"] == [
        "receive", "request_supplement", "refuse", "withdraw"
    ]  # fmt: skip

    refused = act(client, seen, "receive", expect=403)
    assert refused["detail"] == "Bạn không có quyền tiếp nhận hồ sơ tại UBND xã Hy Cương."
    assert Dossier.objects.get(code=dossier["code"]).status == "submitted"
    filing = client.post("/api/v1/dossiers/", {
        "procedure": procedure.code, "agency": commune.code, "channel": "desk",
        "applicant": {"id_number": "025190001234", "full_name": "Lê Văn A"},
    }, format="json")  # fmt: skip
    assert filing.status_code == 403
    assert filing.json()["detail"] == "Bạn không có quyền nhận hồ sơ tại UBND xã Hy Cương."

    desk = office(province_receiver)
    assert listed(desk.get("/mot-cua/?tab=moi")) == []  # not offered to receive
    assert listed(desk.get("/mot-cua/?tab=tat-ca")) == [dossier["code"]]  # still read


def test_a_province_official_acts_where_the_process_gives_the_province_a_step(
    api, clock, procedure, commune, province, receiver, specialist, province_leader
):
    # The fixture's process: receipt and review at the commune, then approval by the province.
    ProcessStep.objects.filter(procedure=procedure, order=2).update(unit=province)
    waiting = at_approval(procedure, commune, receiver, specialist)
    assert waiting.current_agency_id == province.pk
    assert queue(office(province_leader).get(LEADER)) == [waiting.code]
    seen = detail(api(province_leader), waiting.code)
    assert "approve" in seen["allowed_actions"]
    assert act(api(province_leader), seen, "approve")["status"] == "result_ready"
