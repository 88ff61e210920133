"""Staff accounts over HTTP: created by administrators within their scope, passwords never shown."""

import pytest
from django.contrib.auth import get_user_model

from motcua.agencies.models import StaffRole
from tests.factories import make_staff

User = get_user_model()
URL = "/api/v1/staff/"


def new_staff(username: str = "nguyen.van.an", agency: str = "H44.189", **extra) -> dict:
    return {
        "username": username,
        "password": "mat-khau-rat-dai",
        "full_name": "Nguyễn Văn An",
        "agency": agency,
        "roles": ["receiver", "specialist"],
        **extra,
    }


@pytest.fixture
def commune_admin(commune):
    return make_staff("quantrixa", commune, "admin", full_name="Quản Trị Xã")


def test_admin_creates_staff_with_roles_and_the_password_is_never_returned(
    api, admin_user, commune
):
    client = api(admin_user)

    created = client.post(URL, new_staff(), format="json")
    listed = client.get(URL)
    detail = client.get(f"{URL}nguyen.van.an/")

    assert created.status_code == 201, created.json()
    assert created.json()["username"] == "nguyen.van.an"
    assert created.json()["full_name"] == "Nguyễn Văn An"
    assert created.json()["agency"] == "H44.189"
    assert created.json()["roles"] == ["receiver", "specialist"]
    user = User.objects.get(username="nguyen.van.an")
    assert set(user.staff_roles.values_list("agency__code", "role")) == {
        ("H44.189", "receiver"),
        ("H44.189", "specialist"),
    }
    assert user.check_password("mat-khau-rat-dai")
    assert detail.status_code == 200
    for body in [created.json(), detail.json(), *listed.json()["results"]]:
        assert "password" not in body
        assert "mat-khau-rat-dai" not in str(body)
        assert user.password not in str(body)


def test_the_created_user_gets_a_token(api, admin_user, commune):
    api(admin_user).post(URL, new_staff(), format="json")

    token = api().post(
        "/api/v1/auth/token/",
        {"username": "nguyen.van.an", "password": "mat-khau-rat-dai"},
        format="json",
    )

    assert token.status_code == 200
    assert set(token.json()) == {"access", "refresh"}


@pytest.mark.parametrize("roles", [["receiver", "boss"], ["superuser"], []])
def test_invalid_or_missing_role_is_400(api, admin_user, commune, roles):
    response = api(admin_user).post(URL, new_staff(roles=roles), format="json")

    assert response.status_code == 400
    assert "roles" in response.json()["fields"]
    assert not User.objects.filter(username="nguyen.van.an").exists()


@pytest.mark.parametrize(
    ("field", "value"),
    [("password", "ngan"), ("username", "a b"), ("agency", "H99.999"), ("full_name", "")],
)
def test_invalid_fields_are_400(api, admin_user, commune, field, value):
    response = api(admin_user).post(URL, new_staff(**{field: value}), format="json")

    assert response.status_code == 400
    assert field in response.json()["fields"]
    assert not User.objects.filter(username="nguyen.van.an").exists()


def test_duplicate_username_is_409(api, admin_user, receiver):
    response = api(admin_user).post(URL, new_staff(username="tiepnhan"), format="json")

    assert response.status_code == 409
    assert response.json()["code"] == "duplicate_username"
    assert StaffRole.objects.filter(user=receiver).count() == 1


def test_commune_admin_lists_only_staff_of_their_scope(
    api, commune_admin, receiver, other_receiver, admin_user
):
    response = api(commune_admin).get(URL)

    assert response.status_code == 200
    assert {s["username"] for s in response.json()["results"]} == {"quantrixa", "tiepnhan"}
    assert api(commune_admin).get(f"{URL}tiepnhan2/").status_code == 404


def test_province_admin_lists_the_whole_province(api, admin_user, receiver, other_receiver):
    response = api(admin_user).get(URL)

    assert {s["username"] for s in response.json()["results"]} == {
        "quantri",
        "tiepnhan",
        "tiepnhan2",
    }


def test_commune_admin_cannot_create_staff_elsewhere(api, commune_admin, other_commune):
    response = api(commune_admin).post(URL, new_staff(agency="H44.190"), format="json")

    assert response.status_code == 403
    assert not User.objects.filter(username="nguyen.van.an").exists()


def test_non_admin_is_refused(api, receiver):
    client = api(receiver)

    assert client.get(URL).status_code == 403
    assert client.get(f"{URL}tiepnhan/").status_code == 403
    assert client.post(URL, new_staff(), format="json").status_code == 403
    assert not User.objects.filter(username="nguyen.van.an").exists()


def test_anonymous_is_401(api, commune):
    assert api().get(URL).status_code == 401
    assert api().post(URL, new_staff(), format="json").status_code == 401
