"""Sáp nhập: a merged commune's open dossiers move to its successor; old codes still work."""

import pytest

from motcua.agencies.models import Agency
from motcua.dossiers.models import Dossier
from tests.dossiers.helpers import act, submit
from tests.factories import make_staff


@pytest.fixture
def province_admin(province):
    return make_staff("quantri.tinh", province, "admin")


@pytest.fixture
def filed(api, procedure, commune, receiver):
    """An open dossier being processed and a returned one, both at the commune."""
    desk = api(receiver)
    open_one = act(desk, submit(desk, procedure, commune, channel="desk"), "forward")
    done = submit(desk, procedure, commune, channel="online")
    done = act(desk, done, "refuse", note="Không thuộc thẩm quyền")
    return open_one, done


def merge(client, code: str, into: str):
    return client.post(
        f"/api/v1/agencies/{code}/merge/", {"into": into, "on": "2026-11-30"}, format="json"
    )


def test_open_dossiers_move_and_closed_ones_keep_their_agency(
    api, filed, province_admin, commune, other_commune, other_receiver
):
    open_one, done = filed
    response = merge(api(province_admin), commune.code, other_commune.code)
    assert response.status_code == 200, response.content
    assert response.json()["moved_dossiers"] == 1
    assert response.json()["agency"]["valid_to"] == "2026-11-30"

    moved = Dossier.objects.get(code=open_one["code"])  # the code stays as it was
    assert (moved.agency, moved.current_agency) == (other_commune, other_commune)
    assert moved.version == open_one["version"] + 1
    timeline = api(other_receiver).get(f"/api/v1/dossiers/{moved.code}/").json()["timeline"]
    assert timeline[-1]["action"] == "transfer"
    assert Dossier.objects.get(code=done["code"]).agency == commune  # history as it was
    public = api().get(f"/api/v1/public/dossiers/{moved.code}/", {"id_number": "025190001234"})
    assert public.json()["timeline"][-1]["label"].startswith("Chuyển cơ quan giải quyết")


def test_no_new_dossier_is_filed_with_a_merged_agency(
    api, procedure, province_admin, receiver, commune, other_commune
):
    assert merge(api(province_admin), commune.code, other_commune.code).status_code == 200
    body = {
        "procedure": procedure.code,
        "agency": commune.code,
        "channel": "desk",
        "applicant": {"id_number": "025190001234", "full_name": "Phạm Thị Hồng Nhung"},
    }
    response = api(receiver).post("/api/v1/dossiers/", body, format="json")
    assert response.status_code == 422
    assert response.json()["code"] == "agency_merged"


def test_merge_refusals(api, filed, province_admin, receiver, province, commune, other_commune):
    assert merge(api(receiver), commune.code, other_commune.code).status_code == 403
    assert merge(api(province_admin), commune.code, commune.code).status_code == 422
    assert merge(api(province_admin), province.code, commune.code).status_code == 422  # below it
    assert merge(api(province_admin), "H44.999", commune.code).status_code == 404
    assert merge(api(province_admin), commune.code, "H44.999").status_code == 400
    assert merge(api(province_admin), commune.code, other_commune.code).status_code == 200
    again = merge(api(province_admin), commune.code, other_commune.code)
    assert again.status_code == 409 and again.json()["code"] == "already_merged"
    assert Agency.objects.get(code=commune.code).merged_into == other_commune
    assert Dossier.objects.filter(agency=other_commune).count() == 1
