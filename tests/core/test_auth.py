"""Staff token login: tokens for the right password, 401 for a wrong one, lockout after repeats."""

import pytest
from django.conf import settings
from rest_framework.test import APIClient

from tests.factories import PASSWORD, make_staff

TOKEN_URL = "/api/v1/auth/token/"
VIETNAMESE = set("ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ")


@pytest.fixture
def officer(commune):
    return make_staff("canbo", commune, "receiver")


def login(username: str, password: str, client: APIClient | None = None):
    client = client or APIClient()
    return client.post(TOKEN_URL, {"username": username, "password": password}, format="json")


def assert_error_body(response, code: str) -> None:
    body = response.json()
    assert set(body) == {"code", "detail", "fields"}
    assert body["code"] == code
    assert VIETNAMESE & set(body["detail"].lower()), body["detail"]


def test_right_credentials_give_tokens_that_authenticate(officer):
    response = login("canbo", PASSWORD)

    assert response.status_code == 200
    assert set(response.json()) == {"access", "refresh"}
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {response.json()['access']}")
    assert client.get("/api/v1/agencies/").status_code == 200
    officer.refresh_from_db()
    assert officer.last_login is not None


def test_refresh_token_gives_a_new_access_token(officer):
    refresh = login("canbo", PASSWORD).json()["refresh"]

    response = APIClient().post("/api/v1/auth/token/refresh/", {"refresh": refresh}, format="json")

    assert response.status_code == 200
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {response.json()['access']}")
    assert client.get("/api/v1/agencies/").status_code == 200


def test_no_or_bad_bearer_token_is_401(officer):
    anonymous = APIClient()
    forged = APIClient()
    forged.credentials(HTTP_AUTHORIZATION="Bearer not.a.token")

    for response in (anonymous.get("/api/v1/agencies/"), forged.get("/api/v1/agencies/")):
        assert response.status_code == 401
        assert_error_body(response, response.json()["code"])


def test_refresh_token_is_not_an_access_token(officer):
    refresh = login("canbo", PASSWORD).json()["refresh"]
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {refresh}")

    assert client.get("/api/v1/agencies/").status_code == 401


@pytest.mark.parametrize(("username", "password"), [("canbo", "sai-mat-khau"), ("khongco", "x")])
def test_wrong_credentials_are_401_with_vietnamese_body(officer, username, password):
    response = login(username, password)

    assert response.status_code == 401
    assert_error_body(response, "authentication_failed")


def test_missing_password_is_400(officer):
    response = APIClient().post(TOKEN_URL, {"username": "canbo"}, format="json")

    assert response.status_code == 400
    assert "password" in response.json()["fields"]


def test_inactive_account_gets_no_token(officer):
    officer.is_active = False
    officer.save()

    assert login("canbo", PASSWORD).status_code == 401


def test_failures_below_the_limit_do_not_lock(officer):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert login("canbo", "sai-mat-khau").status_code == 401

    assert login("canbo", PASSWORD).status_code == 200
    # A success resets the count: as many failures again still leave the account open.
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        login("canbo", "sai-mat-khau")
    assert login("canbo", PASSWORD).status_code == 200


def test_repeated_failures_lock_the_account(officer):
    limit = settings.AXES_FAILURE_LIMIT
    assert limit == 5
    answers = [login("canbo", "sai-mat-khau") for _ in range(limit)]

    right_password = login("canbo", PASSWORD)

    assert [r.status_code for r in answers[:-1]] == [401] * (limit - 1)
    assert answers[-1].status_code == 403  # the failure that reaches the limit locks
    assert_error_body(answers[-1], "locked")
    assert right_password.status_code == 403
    assert_error_body(right_password, "locked")
    assert "access" not in right_password.json()


def test_lockout_is_per_account_whatever_the_address(officer, commune):
    make_staff("canbokhac", commune, "receiver")
    for i in range(settings.AXES_FAILURE_LIMIT):
        client = APIClient(REMOTE_ADDR=f"10.0.0.{i + 1}")
        login("canbo", "sai-mat-khau", client)

    locked = login("canbo", PASSWORD, APIClient(REMOTE_ADDR="10.0.0.99"))
    other = login("canbokhac", PASSWORD, APIClient(REMOTE_ADDR="10.0.0.1"))

    assert locked.status_code == 403
    assert other.status_code == 200
