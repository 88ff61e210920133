"""Partner systems get tokens by OAuth2 client credentials (RFC 6749 §4.4); refusals per §5.2."""

from urllib.parse import urlencode

import pytest

from motcua.integrations.models import PartnerToken
from motcua.integrations.selectors import digest
from tests.integrations.partners import FORM, TOKEN_URL, ask_token, basic, make_partner


@pytest.fixture
def partner(admin_user, commune):
    return make_partner(admin_user, [commune], scopes=["dossiers:read", "reports:read"])


@pytest.mark.parametrize("basic_auth", [True, False], ids=["http-basic", "form-fields"])
def test_a_partner_gets_a_bearer_token_with_its_scopes(api, partner, basic_auth):
    client, secret = partner
    response = ask_token(api(), client.client_id, secret, basic_auth=basic_auth)
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["token_type"] == "Bearer"
    assert body["expires_in"] == 3600
    assert body["scope"] == "dossiers:read reports:read"
    assert response["Cache-Control"] == "no-store"
    stored = PartnerToken.objects.get()
    assert stored.digest == digest(body["access_token"])  # only the digest is kept
    assert body["access_token"] not in {stored.digest, *stored.scopes}


def test_a_partner_may_ask_for_fewer_scopes_but_not_more(api, admin_user, commune):
    client, secret = make_partner(admin_user, [commune], scopes=["dossiers:read", "reports:read"])
    narrow = ask_token(api(), client.client_id, secret, scope="reports:read")
    assert narrow.json()["scope"] == "reports:read"
    assert PartnerToken.objects.get().scopes == ["reports:read"]

    only_dossiers, secret2 = make_partner(admin_user, [commune], scopes=["dossiers:read"])
    wider = ask_token(api(), only_dossiers.client_id, secret2, scope="dossiers:read reports:read")
    assert (wider.status_code, wider.json()["error"]) == (400, "invalid_scope")
    unknown = ask_token(api(), only_dossiers.client_id, secret2, scope="dossiers:write")
    assert unknown.json()["error"] == "invalid_scope"
    assert "Phạm vi quyền" in unknown.json()["detail"]


def test_a_wrong_secret_is_invalid_client_with_401_on_basic(api, partner):
    client, secret = partner
    response = ask_token(api(), client.client_id, secret + "x")
    assert response.status_code == 401
    assert response["WWW-Authenticate"].startswith("Basic")
    body = response.json()
    assert (body["error"], body["code"]) == ("invalid_client", "invalid_client")
    assert "Xác thực hệ thống đối tác không thành công" in body["detail"]
    assert ask_token(api(), client.client_id, "", basic_auth=False).json()["error"] == (
        "invalid_client"
    )
    assert not PartnerToken.objects.exists()


@pytest.mark.parametrize("basic_auth", [True, False], ids=["http-basic", "form-fields"])
def test_an_unknown_client_is_invalid_client(api, partner, basic_auth):
    _, secret = partner
    response = ask_token(api(), "mc-khong-co", secret, basic_auth=basic_auth)
    assert response.status_code == (401 if basic_auth else 400)
    assert response.json()["error"] == "invalid_client"


def test_an_inactive_client_gets_no_token(api, admin_user, commune):
    client, secret = make_partner(admin_user, [commune], is_active=False)
    response = ask_token(api(), client.client_id, secret)
    assert (response.status_code, response.json()["error"]) == (401, "invalid_client")


@pytest.mark.parametrize(
    ("grant_type", "error"),
    [("password", "unsupported_grant_type"), ("authorization_code", "unsupported_grant_type"),
     ("", "invalid_request")],
)  # fmt: skip
def test_only_the_client_credentials_grant_is_served(api, partner, grant_type, error):
    client, secret = partner
    response = ask_token(api(), client.client_id, secret, grant_type=grant_type)
    assert (response.status_code, response.json()["error"]) == (400, error)
    assert response.json()["detail"]
    assert not PartnerToken.objects.exists()


def test_the_token_endpoint_wants_https_and_post(api, partner):
    client, secret = partner
    plain = api().post(
        TOKEN_URL, urlencode({"grant_type": "client_credentials"}), content_type=FORM,
        HTTP_AUTHORIZATION=basic(client.client_id, secret),
    )  # fmt: skip
    assert (plain.status_code, plain.json()["error"]) == (400, "insecure_transport")
    assert "HTTPS" in plain.json()["detail"]
    assert api().get(TOKEN_URL, secure=True).status_code == 405


def test_behind_a_tls_proxy_the_forwarded_scheme_counts(api, partner, settings):
    client, secret = partner
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    response = api().post(
        TOKEN_URL, urlencode({"grant_type": "client_credentials"}), content_type=FORM,
        HTTP_AUTHORIZATION=basic(client.client_id, secret), HTTP_X_FORWARDED_PROTO="https",
    )  # fmt: skip
    assert response.status_code == 200, response.content
