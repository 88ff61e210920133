"""Bad requests get the error body of API.md with a Vietnamese message, never a 500."""

import json

import pytest
from django.test import override_settings
from rest_framework.test import APIClient

VIETNAMESE = set("ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ")


def assert_error(response, status: int, code: str | None = None) -> dict:
    """The response is the API error body with `status` (and `code` when given)."""
    assert response.status_code == status, response.content
    assert response["Content-Type"].startswith("application/json")
    body = json.loads(response.content)
    assert set(body) == {"code", "detail", "fields"}
    assert isinstance(body["code"], str)
    assert isinstance(body["fields"], dict)
    assert VIETNAMESE & set(body["detail"].lower()), body["detail"]
    if code is not None:
        assert body["code"] == code
    return body


@pytest.fixture
def admin_client(admin_user, commune):
    client = APIClient()
    client.force_authenticate(admin_user)
    return client


@pytest.mark.parametrize(
    "path", ["/api/v1/agencies/", "/api/v1/procedures/", "/api/v1/staff/", "/api/v1/auth/token/"]
)
@pytest.mark.parametrize("body", ['{"code": "H44.191",', "{'code': 1}", "\xff\xfe", "NaN"])
def test_malformed_json_is_400_malformed(admin_client, path, body):
    response = admin_client.post(path, data=body, content_type="application/json")

    assert_error(response, 400, "malformed")


def test_deeply_nested_json_is_400_not_500(admin_client):
    body = "[" * 100_000 + "]" * 100_000

    response = admin_client.post("/api/v1/procedures/", data=body, content_type="application/json")

    assert_error(response, 400, "malformed")


@pytest.mark.parametrize("depth", [300, 900])
def test_deeply_nested_form_schema_is_400_not_500(admin_client, other_commune, depth):
    # Written by hand: json.dumps itself would give up on such nesting.
    nested = '{"type": "object", "properties": {"x": ' * depth + "{}" + "}}" * depth
    body = (
        '{"code": "1.000894", "name": "Đăng ký kết hôn", "field": "HT", "processing_days": "5", '
        f'"form_schema": {nested}}}'
    )

    response = admin_client.post(
        "/api/v1/procedures/", data=body.encode(), content_type="application/json"
    )

    fields = assert_error(response, 400)["fields"]
    if depth < 500:  # the parser reads it; the schema check refuses it as a field error
        assert "form_schema" in fields


@pytest.mark.parametrize(
    ("path", "body", "field"),
    [
        ("/api/v1/agencies/", {"code": 44, "name": "X", "level": 3, "is_one_stop": "?"}, "level"),
        ("/api/v1/agencies/", {"code": "H44.191", "name": ["X"], "level": "commune"}, "name"),
        ("/api/v1/agencies/", {"code": "H44.191", "name": "X", "level": "commune",
                               "is_one_stop": "có lẽ"}, "is_one_stop"),
        ("/api/v1/staff/", {"username": "abc", "password": "mat-khau-dai", "full_name": "A",
                            "agency": "H44.189", "roles": "receiver"}, "roles"),
        ("/api/v1/procedures/", {"code": "1.000894", "name": "X", "field": "HT",
                                 "processing_days": "ba ngày"}, "processing_days"),
        ("/api/v1/procedures/", {"code": "1.000894", "name": "X", "field": "HT",
                                 "processing_days": 3, "fees": "miễn phí"}, "fees"),
        ("/api/v1/calendar/days/", {"date": "30/04/2026", "kind": "off", "reason": "X"}, "date"),
    ],
)  # fmt: skip
def test_wrong_types_are_400_with_field_errors(admin_client, path, body, field):
    response = admin_client.post(path, body, format="json")

    fields = assert_error(response, 400, "invalid")["fields"]
    assert field in fields


def test_a_json_array_where_an_object_is_expected_is_400(admin_client):
    response = admin_client.post("/api/v1/agencies/", [1, 2], format="json")

    assert_error(response, 400, "invalid")


def test_wrong_query_types_are_400(admin_client):
    response = admin_client.get("/api/v1/calendar/due/", {"start": "hôm nay", "working_days": "ba"})

    fields = assert_error(response, 400, "invalid")["fields"]
    assert {"start", "working_days"} <= set(fields)


@pytest.mark.parametrize("path", ["/api/v1/agencies/", "/api/v1/auth/token/"])
def test_body_over_the_limit_is_413(admin_client, path):
    body = json.dumps({"code": "H44.191", "name": "x" * 500, "level": "commune"})

    with override_settings(DATA_UPLOAD_MAX_MEMORY_SIZE=200):
        refused = admin_client.post(path, data=body, content_type="application/json")

    error = assert_error(refused, 413, "too_large")
    assert "200 byte" in error["detail"]  # the limit, in a unit the reader can use


def test_body_under_the_limit_passes(admin_client):
    body = json.dumps({"code": "H44.191", "name": "Xã mới", "level": "commune", "parent": "H44"})

    with override_settings(DATA_UPLOAD_MAX_MEMORY_SIZE=len(body.encode())):
        response = admin_client.post(
            "/api/v1/agencies/", data=body, content_type="application/json"
        )

    assert response.status_code == 201


@pytest.mark.parametrize(
    "path", ["/api/v1/khong-co/", "/api/khong-co", "/api/v1/agencies/H44.189/con/", "/api/v2/"]
)
def test_unknown_url_under_api_is_404_json(admin_client, path):
    assert_error(admin_client.get(path), 404, "not_found")


@pytest.mark.parametrize("path", ["/khong-co/", "/thu-tuc/9.999999/", "/ca-nhan/ho-so/X-1/"])
def test_unknown_page_is_a_404_page_in_vietnamese(client, citizen, path):
    client.force_login(citizen)
    response = client.get(path)
    assert response.status_code == 404
    assert response["Content-Type"].startswith("text/html")
    assert "Không tìm thấy trang hoặc hồ sơ bạn yêu cầu" in response.content.decode()


def test_unknown_object_is_404_json(admin_client):
    assert_error(admin_client.get("/api/v1/agencies/H99.999/"), 404, "not_found")
    assert_error(admin_client.get("/api/v1/procedures/9.999999/"), 404, "not_found")


def test_invalid_cursor_is_404_json(admin_client):
    assert_error(admin_client.get("/api/v1/agencies/", {"cursor": "rac"}), 404, "not_found")


@pytest.mark.parametrize("path", ["/api/v1/agencies/", "/api/v1/auth/token/"])
def test_form_encoded_body_is_415(admin_client, path):
    response = admin_client.post(path, {"code": "H44.191", "name": "X", "level": "commune"})

    assert_error(response, 415, "unsupported_media_type")


def test_method_not_allowed_is_405_json(admin_client):
    assert_error(admin_client.delete("/api/v1/agencies/H44.189/"), 405, "method_not_allowed")
    assert_error(admin_client.put("/api/v1/agencies/H44.189/", {}, format="json"), 405)


def test_unauthenticated_and_forbidden_bodies(receiver, commune):
    anonymous = APIClient().get("/api/v1/agencies/")
    client = APIClient()
    client.force_authenticate(receiver)
    forbidden = client.post(
        "/api/v1/agencies/", {"code": "H44.191", "name": "X", "level": "commune"}, format="json"
    )

    assert_error(anonymous, 401, "unauthenticated")
    assert_error(forbidden, 403, "forbidden")


def test_rule_and_conflict_bodies(admin_client):
    conflict = admin_client.post(
        "/api/v1/agencies/", {"code": "H44.189", "name": "X", "level": "commune"}, format="json"
    )
    rule = admin_client.post(
        "/api/v1/agencies/", {"code": "H4", "name": "X", "level": "commune"}, format="json"
    )

    assert_error(conflict, 409, "duplicate_code")
    assert_error(rule, 422)


def test_a_page_form_over_the_limit_gets_a_page_saying_how_to_go_on(client, settings):
    settings.MOTCUA = {**settings.MOTCUA, "FORM_BODY_MAX_BYTES": 1024}
    response = client.post("/tra-cuu/", {"code": "x" * 2000})
    assert response.status_code == 413
    assert response["Content-Type"].startswith("text/html")
    html = response.content.decode()
    assert "Các tệp gửi một lần tổng cộng tối đa 1 KB" in html


def test_a_page_form_under_the_limit_is_not_refused(client, settings):
    settings.MOTCUA = {**settings.MOTCUA, "FORM_BODY_MAX_BYTES": 1024}
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 100  # the API's limit does not apply to pages
    assert client.post("/tra-cuu/", {"code": "x" * 500}).status_code != 413
