"""Agencies over HTTP: codes in both forms, the tree behind scoping, and who may change it."""

import pytest

from motcua.agencies.models import Agency
from tests.factories import make_staff

URL = "/api/v1/agencies/"


def new_agency(code: str, parent: str | None, level: str = "commune", **extra) -> dict:
    return {"code": code, "name": f"Đơn vị {code}", "level": level, "parent": parent, **extra}


@pytest.fixture
def commune_admin(commune):
    return make_staff("quantrixa", commune, "admin", full_name="Quản Trị Xã")


@pytest.mark.parametrize(
    ("code", "parent"),
    [("H44.191", "H44"), ("000.00.22.H44", "H44"), ("H44.17.05.13", "H44")],
)
def test_admin_creates_and_reads_an_agency_in_either_code_form(api, admin_user, code, parent):
    client = api(admin_user)

    created = client.post(URL, new_agency(code, parent, is_one_stop=True), format="json")

    assert created.status_code == 201, created.json()
    assert created.json()["code"] == code
    assert created.json()["parent"] == parent
    detail = client.get(f"{URL}{code}/")  # the dots of the code stay in the path
    assert detail.status_code == 200
    body = detail.json()
    assert {k: body[k] for k in ("code", "name", "level", "parent", "is_one_stop")} == {
        "code": code,
        "name": f"Đơn vị {code}",
        "level": "commune",
        "parent": parent,
        "is_one_stop": True,
    }
    assert Agency.objects.get(code=code).parent.code == parent


def test_staff_list_agencies_and_read_one_by_legacy_code(api, receiver, province):
    Agency.objects.create(code="000.00.22.H44", name="Sở cũ", level="department", parent=province)
    client = api(receiver)

    listed = client.get(URL)
    detail = client.get(f"{URL}000.00.22.H44/")

    assert listed.status_code == 200
    assert {a["code"] for a in listed.json()["results"]} >= {"H44", "H44.189", "000.00.22.H44"}
    assert detail.status_code == 200
    assert detail.json()["name"] == "Sở cũ"


def test_unknown_agency_is_404(api, receiver):
    response = api(receiver).get(f"{URL}H99.999/")

    assert response.status_code == 404
    assert response.json()["code"] == "not_found"


@pytest.mark.parametrize(
    "code",
    ["h44.189", "H4.1", "44.H44", "000.23.00.H44", "H44..1", "H44.189-", "H" + "44.1" * 10, ""],
)
def test_invalid_code_is_refused_with_field_error(api, admin_user, code):
    response = api(admin_user).post(URL, new_agency(code, "H44"), format="json")

    assert response.status_code in (400, 422)
    assert "code" in response.json()["fields"]
    assert not Agency.objects.filter(name=f"Đơn vị {code}").exists()


def test_invalid_work_periods_are_refused(api, admin_user):
    body = new_agency("H44.195", "H44", work_periods=[["11:30", "07:30"]])

    response = api(admin_user).post(URL, body, format="json")

    assert response.status_code == 422
    assert "work_periods" in response.json()["fields"]


def test_duplicate_code_is_409(api, admin_user, commune):
    response = api(admin_user).post(URL, new_agency("H44.189", "H44"), format="json")

    assert response.status_code == 409
    assert response.json()["code"] == "duplicate_code"
    assert Agency.objects.filter(code="H44.189").count() == 1


def test_non_admin_staff_cannot_create_or_patch(api, receiver, commune):
    client = api(receiver)

    created = client.post(URL, new_agency("H44.191", "H44"), format="json")
    patched = client.patch(f"{URL}H44.189/", {"name": "Tên mới"}, format="json")

    assert created.status_code == 403
    assert patched.status_code == 403
    assert not Agency.objects.filter(code="H44.191").exists()
    commune.refresh_from_db()
    assert commune.name == "UBND xã Hy Cương"


def test_anonymous_gets_401(api, commune):
    client = api()

    assert client.get(URL).status_code == 401
    assert client.get(f"{URL}H44.189/").status_code == 401
    assert client.post(URL, new_agency("H44.191", "H44"), format="json").status_code == 401


def test_admin_patches_name_and_flags(api, admin_user, commune):
    response = api(admin_user).patch(
        f"{URL}H44.189/", {"name": "UBND xã Hy Cương mới", "is_one_stop": False}, format="json"
    )

    assert response.status_code == 200
    commune.refresh_from_db()
    assert (commune.name, commune.is_one_stop) == ("UBND xã Hy Cương mới", False)


def test_code_cannot_be_changed(api, admin_user, commune):
    response = api(admin_user).patch(f"{URL}H44.189/", {"code": "H44.200"}, format="json")

    assert response.status_code == 422
    assert "code" in response.json()["fields"]
    assert Agency.objects.filter(code="H44.189").exists()


def test_a_unit_created_under_a_commune_is_in_its_admins_scope(
    api, commune_admin, commune, other_commune
):
    client = api(commune_admin)

    created = client.post(URL, new_agency("H44.189.01", "H44.189", "department"), format="json")
    unit = Agency.objects.get(code="H44.189.01")
    patched = client.patch(f"{URL}H44.189.01/", {"name": "Tổ một cửa"}, format="json")
    # Staff placed in the new unit are listed by the commune's admin: the tree is set.
    client.post(
        "/api/v1/staff/",
        {
            "username": "canbo.to1",
            "password": "mat-khau-dai-du",
            "full_name": "Cán Bộ Tổ",
            "agency": "H44.189.01",
            "roles": ["receiver"],
        },
        format="json",
    )
    staff = client.get("/api/v1/staff/")

    assert created.status_code == 201
    assert unit.path == f"{commune.path}{unit.pk}/"
    assert patched.status_code == 200
    assert "canbo.to1" in {s["username"] for s in staff.json()["results"]}


def test_commune_admin_cannot_act_outside_their_subtree(api, commune_admin, other_commune):
    client = api(commune_admin)

    under_other = client.post(URL, new_agency("H44.190.01", "H44.190"), format="json")
    under_province = client.post(URL, new_agency("H44.199", "H44"), format="json")
    new_root = client.post(URL, new_agency("H45", None, "province"), format="json")
    patch_other = client.patch(f"{URL}H44.190/", {"name": "Đổi tên"}, format="json")
    patch_province = client.patch(f"{URL}H44/", {"name": "Đổi tên"}, format="json")

    assert under_other.status_code == 403
    assert under_province.status_code == 403
    assert new_root.status_code == 403
    assert patch_other.status_code == 403
    assert patch_province.status_code == 403
    assert not Agency.objects.filter(code__in=["H44.190.01", "H44.199", "H45"]).exists()
    assert not Agency.objects.filter(name="Đổi tên").exists()


def test_commune_admin_cannot_move_a_unit_out_of_their_subtree(api, commune_admin, other_commune):
    client = api(commune_admin)
    client.post(URL, new_agency("H44.189.01", "H44.189", "department"), format="json")

    moved = client.patch(f"{URL}H44.189.01/", {"parent": "H44.190"}, format="json")

    assert moved.status_code == 403
    assert Agency.objects.get(code="H44.189.01").parent.code == "H44.189"


def test_root_admin_creates_a_new_root(api, admin_user):
    response = api(admin_user).post(URL, new_agency("H45", None, "province"), format="json")

    assert response.status_code == 201
    root = Agency.objects.get(code="H45")
    assert root.parent is None
    assert root.path == f"/{root.pk}/"


def test_moving_an_agency_re_roots_its_subtree(api, admin_user, commune, department):
    client = api(admin_user)
    for code, parent in [("H44.189.01", "H44.189"), ("H44.189.01.1", "H44.189.01")]:
        assert client.post(URL, new_agency(code, parent), format="json").status_code == 201
    dept_admin = make_staff("quantriso", department, "admin")
    leaf_url = f"{URL}H44.189.01.1/"
    before = api(dept_admin).patch(leaf_url, {"name": "Trước khi chuyển"}, format="json")

    moved = client.patch(f"{URL}H44.189/", {"parent": "H44.17"}, format="json")

    assert before.status_code == 403
    assert moved.status_code == 200
    assert moved.json()["parent"] == "H44.17"
    commune.refresh_from_db()
    middle = Agency.objects.get(code="H44.189.01")
    leaf = Agency.objects.get(code="H44.189.01.1")
    assert commune.path == f"{department.path}{commune.pk}/"
    assert middle.path == f"{commune.path}{middle.pk}/"
    assert leaf.path == f"{middle.path}{leaf.pk}/"
    # The department's admin now reaches the whole moved subtree.
    after = api(dept_admin).patch(leaf_url, {"name": "Sau khi chuyển"}, format="json")
    assert after.status_code == 200


@pytest.mark.parametrize("new_parent", ["H44.189", "H44.189.01", "H44.189.01.1"])
def test_moving_an_agency_under_itself_is_422(api, admin_user, commune, new_parent):
    client = api(admin_user)
    for code, parent in [("H44.189.01", "H44.189"), ("H44.189.01.1", "H44.189.01")]:
        client.post(URL, new_agency(code, parent), format="json")
    paths = dict(Agency.objects.values_list("code", "path"))

    response = client.patch(f"{URL}H44.189/", {"parent": new_parent}, format="json")

    assert response.status_code == 422
    assert response.json()["code"] == "cycle"
    assert dict(Agency.objects.values_list("code", "path")) == paths
    assert Agency.objects.get(code="H44.189").parent.code == "H44"


def test_unknown_parent_is_400(api, admin_user):
    response = api(admin_user).post(URL, new_agency("H44.191", "H99"), format="json")

    assert response.status_code == 400
    assert "parent" in response.json()["fields"]


def test_invalid_level_is_400(api, admin_user):
    response = api(admin_user).post(URL, new_agency("H44.191", "H44", "village"), format="json")

    assert response.status_code == 400
    assert "level" in response.json()["fields"]


def test_an_agency_carries_its_own_place_for_the_forms_it_issues(api, admin_user):
    client = api(admin_user)
    created = client.post(URL, new_agency("H44.191", "H44", place="Hy Cương"), format="json")
    assert created.status_code == 201, created.json()
    assert created.json()["place"] == "Hy Cương"
    changed = client.patch(f"{URL}H44.191/", {"place": "Vân Phú"}, format="json")
    assert changed.status_code == 200, changed.json()
    assert Agency.objects.get(code="H44.191").place_name == "Vân Phú"
    assert client.get(f"{URL}H44/").json()["place"] == ""  # none: the province's place is used
    assert Agency.objects.get(code="H44").place_name == "Phú Thọ"
