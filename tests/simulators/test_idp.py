"""The VNeID-style identity provider runs the OpenID Connect code flow with PKCE (S256)."""

import base64
import hashlib
import json
import secrets
import urllib.error
import urllib.parse
import urllib.request
from html.parser import HTMLParser

import pytest
from joserfc import jwt
from joserfc.jwk import KeySet

from motcua.simulators.citizens import BY_ID, VNEID_CONTACTS
from tests.simulators.processes import call

NHUNG = "025190001234"
CLIENT_ID, SECRET = "motcua-demo", "demo-idp-secret"
REDIRECT_URI = "http://127.0.0.1:45678/oidc/callback"
BAD_LOGIN = "Số định danh hoặc mật khẩu không đúng."


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


OPENER = urllib.request.build_opener(NoRedirect)


def send(method, url, form=None, headers=None):
    """(status, headers, body) without following redirects."""
    data = None if form is None else urllib.parse.urlencode(form).encode()
    request = urllib.request.Request(url, data=data, method=method, headers=dict(headers or {}))
    if data is not None:
        request.add_header("Content-Type", "application/x-www-form-urlencoded")
    try:
        with OPENER.open(request, timeout=5) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def location_params(headers):
    location = headers["Location"]
    assert location.startswith(REDIRECT_URI + "?"), location
    return dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(location).query))


def basic(client_id=CLIENT_ID, secret=SECRET):
    pair = f"{urllib.parse.quote_plus(client_id)}:{urllib.parse.quote_plus(secret)}"
    return {"Authorization": "Basic " + base64.b64encode(pair.encode()).decode()}


BASIC = basic()


def pkce_pair():
    verifier = secrets.token_urlsafe(48)
    digest = hashlib.sha256(verifier.encode()).digest()
    return verifier, base64.urlsafe_b64encode(digest).rstrip(b"=").decode()


def auth_params(challenge, **changes):
    params = {
        "response_type": "code",
        "client_id": CLIENT_ID,
        "redirect_uri": REDIRECT_URI,
        "scope": "openid profile",
        "state": "state-" + secrets.token_hex(4),
        "nonce": "nonce-" + secrets.token_hex(4),
        "code_challenge": challenge,
        "code_challenge_method": "S256",
    }
    params.update(changes)
    return {name: value for name, value in params.items() if value is not None}


def log_in(idp, params, id_number=NHUNG, password="demo"):
    """POST the login form; returns the code after checking the redirect's state."""
    form = {**params, "id_number": id_number, "password": password, "action": "login"}
    status, headers, body = send("POST", f"{idp.url}/authorize", form)
    assert status == 302, body.decode()
    answer = location_params(headers)
    assert answer["state"] == params["state"]
    return answer["code"]


def exchange(idp, code, verifier, headers=BASIC, **form):
    fields = {
        "grant_type": "authorization_code",
        "code": code,
        "redirect_uri": REDIRECT_URI,
        "code_verifier": verifier,
        **form,
    }
    status, _, body = send("POST", f"{idp.url}/token", fields, headers)
    return status, json.loads(body)


@pytest.fixture
def idp(start_simulator):
    return start_simulator("idp")


@pytest.fixture
def code_and_verifier(idp):
    verifier, challenge = pkce_pair()
    return log_in(idp, auth_params(challenge)), verifier


class Labels(HTMLParser):
    """Collects `<label for>` targets and the ids and names of inputs."""

    def __init__(self):
        super().__init__()
        self.label_for, self.inputs = set(), {}

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "label":
            self.label_for.add(attrs.get("for"))
        if tag == "input" and attrs.get("id"):
            self.inputs[attrs["name"]] = attrs["id"]


def test_code_flow_with_pkce_gives_a_signed_id_token_and_userinfo(idp):
    discovery = call("GET", f"{idp.url}/.well-known/openid-configuration").json()
    assert discovery["issuer"] == idp.url
    assert discovery["authorization_endpoint"] == f"{idp.url}/authorize"
    assert discovery["code_challenge_methods_supported"] == ["S256"]
    assert discovery["id_token_signing_alg_values_supported"] == ["RS256"]

    verifier, challenge = pkce_pair()
    params = auth_params(challenge)
    url = discovery["authorization_endpoint"] + "?" + urllib.parse.urlencode(params)
    status, _, page = send("GET", url)
    assert status == 200
    html = page.decode()
    assert "Đăng nhập bằng tài khoản định danh điện tử VNeID" in html
    assert "Phạm Thị Hồng Nhung" in html and NHUNG in html
    labels = Labels()
    labels.feed(html)
    assert labels.inputs["id_number"] in labels.label_for
    assert labels.inputs["password"] in labels.label_for

    code = log_in(idp, params)
    status, tokens = exchange(idp, code, verifier)
    assert status == 200, tokens
    assert tokens["token_type"] == "Bearer"
    assert tokens["expires_in"] > 0
    assert tokens["scope"] == "openid profile"

    keys = KeySet.import_key_set(call("GET", discovery["jwks_uri"]).json())
    token = jwt.decode(tokens["id_token"], keys, algorithms=["RS256"])
    assert token.header["kid"]
    claims = token.claims
    assert claims["iss"] == discovery["issuer"]
    assert claims["aud"] == CLIENT_ID
    assert claims["nonce"] == params["nonce"]
    assert claims["acr"] == "vneid-level-2"
    assert claims["iat"] <= claims["exp"] and claims["auth_time"] <= claims["exp"]
    assert claims["sub"] and NHUNG not in claims["sub"]
    assert claims["id_number"] == NHUNG
    assert claims["name"] == "Phạm Thị Hồng Nhung"
    assert claims["birthdate"] == "1990-03-14"
    assert claims["gender"] == "female"
    assert claims["address"] == "Khu 3, xã Hy Cương, tỉnh Phú Thọ"
    assert claims["phone_number"].startswith("+84")
    assert "@" in claims["email"]

    bearer = {"Authorization": "Bearer " + tokens["access_token"]}
    userinfo = call("GET", discovery["userinfo_endpoint"], headers=bearer)
    assert userinfo.status == 200
    profile = {k: v for k, v in claims.items() if k not in ("iss", "aud", "iat", "exp", "nonce")}
    profile = {k: v for k, v in profile.items() if k not in ("auth_time", "acr")}
    assert userinfo.json() == profile


def test_the_subject_is_stable_across_logins(idp):
    subjects = []
    for _ in range(2):
        verifier, challenge = pkce_pair()
        status, tokens = exchange(idp, log_in(idp, auth_params(challenge)), verifier)
        assert status == 200
        info = call(
            "GET",
            f"{idp.url}/userinfo",
            headers={"Authorization": "Bearer " + tokens["access_token"]},
        )
        subjects.append(info.json()["sub"])
    assert subjects[0] == subjects[1]


def test_client_secret_post_is_accepted(idp, code_and_verifier):
    code, verifier = code_and_verifier
    status, tokens = exchange(
        idp, code, verifier, headers={}, client_id=CLIENT_ID, client_secret=SECRET
    )
    assert status == 200, tokens
    assert tokens["id_token"]


@pytest.mark.parametrize(
    "changes",
    [
        {"code_challenge": None, "code_challenge_method": None},
        {"code_challenge_method": None},
        {"code_challenge_method": "plain"},
        {"code_challenge": "too-short"},
    ],
    ids=["no-pkce", "no-method", "plain", "malformed"],
)
def test_authorization_without_s256_pkce_is_refused(idp, changes):
    _, challenge = pkce_pair()
    params = auth_params(challenge, **changes)
    status, headers, _ = send("GET", f"{idp.url}/authorize?" + urllib.parse.urlencode(params))
    assert status == 302
    answer = location_params(headers)
    assert answer["error"] == "invalid_request"
    assert answer["state"] == params["state"]
    assert "code" not in answer


@pytest.mark.parametrize(
    ("changes", "error"),
    [
        ({"scope": "profile"}, "invalid_scope"),
        ({"response_type": "token"}, "unsupported_response_type"),
        ({"nonce": None}, "invalid_request"),
    ],
)
def test_other_malformed_authorization_requests_are_refused(idp, changes, error):
    _, challenge = pkce_pair()
    params = auth_params(challenge, **changes)
    status, headers, _ = send("GET", f"{idp.url}/authorize?" + urllib.parse.urlencode(params))
    assert status == 302
    assert location_params(headers)["error"] == error


@pytest.mark.parametrize(
    "redirect_uri",
    [
        "https://evil.example/callback",
        "http://evil.example:45678/callback",
        "http://127.0.0.1.evil.example:45678/callback",
        "http://127.0.0.1/callback",
        "http://user@127.0.0.1:45678/callback",
        "",
    ],
)
def test_a_foreign_redirect_uri_gets_an_error_page_not_a_redirect(idp, redirect_uri):
    _, challenge = pkce_pair()
    params = auth_params(challenge, redirect_uri=redirect_uri)
    status, headers, body = send("GET", f"{idp.url}/authorize?" + urllib.parse.urlencode(params))
    assert status == 400
    assert "Location" not in headers
    assert "redirect_uri" in body.decode()
    form = {**params, "id_number": NHUNG, "password": "demo", "action": "login"}
    status, headers, _ = send("POST", f"{idp.url}/authorize", form)
    assert status == 400
    assert "Location" not in headers


def test_an_unknown_client_gets_an_error_page(idp):
    _, challenge = pkce_pair()
    params = auth_params(challenge, client_id="someone-else")
    status, headers, _ = send("GET", f"{idp.url}/authorize?" + urllib.parse.urlencode(params))
    assert status == 400
    assert "Location" not in headers


@pytest.mark.parametrize(
    ("id_number", "password"), [(NHUNG, "wrong"), ("025190999999", "demo"), ("", "")]
)
def test_wrong_credentials_show_the_form_again(idp, id_number, password):
    _, challenge = pkce_pair()
    form = {**auth_params(challenge), "id_number": id_number, "password": password}
    status, headers, body = send("POST", f"{idp.url}/authorize", {**form, "action": "login"})
    assert status == 200
    assert "Location" not in headers
    assert BAD_LOGIN in body.decode()


def test_cancel_returns_access_denied_with_the_state(idp):
    _, challenge = pkce_pair()
    params = auth_params(challenge)
    status, headers, _ = send("POST", f"{idp.url}/authorize", {**params, "action": "cancel"})
    assert status == 302
    answer = location_params(headers)
    assert answer == {"error": "access_denied", "state": params["state"]}


def test_a_wrong_verifier_is_refused_and_uses_the_code_up(idp, code_and_verifier):
    code, verifier = code_and_verifier
    status, answer = exchange(idp, code, pkce_pair()[0])
    assert (status, answer["error"]) == (400, "invalid_grant")
    status, answer = exchange(idp, code, verifier)
    assert (status, answer["error"]) == (400, "invalid_grant")


def test_a_missing_verifier_is_refused(idp, code_and_verifier):
    code, _ = code_and_verifier
    status, answer = exchange(idp, code, "")
    assert (status, answer["error"]) == (400, "invalid_request")


def test_a_code_is_single_use(idp, code_and_verifier):
    code, verifier = code_and_verifier
    assert exchange(idp, code, verifier)[0] == 200
    status, answer = exchange(idp, code, verifier)
    assert (status, answer["error"]) == (400, "invalid_grant")


def test_a_code_expires_after_a_minute(idp, code_and_verifier):
    code, verifier = code_and_verifier
    assert call("POST", f"{idp.url}/_clock", {"advance": 61}).status == 200
    status, answer = exchange(idp, code, verifier)
    assert (status, answer["error"]) == (400, "invalid_grant")


def test_a_code_is_bound_to_its_redirect_uri(idp, code_and_verifier):
    code, verifier = code_and_verifier
    status, answer = exchange(
        idp, code, verifier, redirect_uri="http://127.0.0.1:45678/other/callback"
    )
    assert (status, answer["error"]) == (400, "invalid_grant")


@pytest.mark.parametrize(
    "headers",
    [basic(secret="wrong"), basic(client_id="someone-else"), {}],
    ids=["wrong-secret", "unknown-client", "no-credentials"],
)
def test_wrong_client_credentials_are_invalid_client(idp, code_and_verifier, headers):
    code, verifier = code_and_verifier
    status, answer = exchange(idp, code, verifier, headers=headers)
    assert (status, answer["error"]) == (401, "invalid_client")


def test_wrong_client_secret_post_is_invalid_client(idp, code_and_verifier):
    code, verifier = code_and_verifier
    status, answer = exchange(
        idp, code, verifier, headers={}, client_id=CLIENT_ID, client_secret="wrong"
    )
    assert (status, answer["error"]) == (401, "invalid_client")


def test_another_grant_type_is_unsupported(idp):
    status, _, body = send(
        "POST", f"{idp.url}/token", {"grant_type": "client_credentials"}, basic()
    )
    assert (status, json.loads(body)["error"]) == (400, "unsupported_grant_type")


@pytest.mark.parametrize("authorization", [None, "Bearer not-a-token", "Basic abc"])
def test_userinfo_needs_a_live_access_token(idp, authorization):
    headers = {"Authorization": authorization} if authorization else {}
    reply = call("GET", f"{idp.url}/userinfo", headers=headers)
    assert reply.status == 401
    assert reply.json()["error"] == "invalid_token"


def test_an_access_token_expires(idp, code_and_verifier):
    code, verifier = code_and_verifier
    _, tokens = exchange(idp, code, verifier)
    bearer = {"Authorization": "Bearer " + tokens["access_token"]}
    assert call("GET", f"{idp.url}/userinfo", headers=bearer).status == 200
    advance = {"advance": tokens["expires_in"] + 1}
    assert call("POST", f"{idp.url}/_clock", advance).status == 200
    assert call("GET", f"{idp.url}/userinfo", headers=bearer).status == 401


def test_logout_returns_to_a_loopback_address_with_the_state(idp):
    back = "http://localhost:45678/da-dang-xuat"
    query = urllib.parse.urlencode({"post_logout_redirect_uri": back, "state": "xyz"})
    status, headers, _ = send("GET", f"{idp.url}/logout?{query}")
    assert (status, headers["Location"]) == (302, back + "?state=xyz")
    query = urllib.parse.urlencode({"post_logout_redirect_uri": "https://evil.example/"})
    status, headers, _ = send("GET", f"{idp.url}/logout?{query}")
    assert status == 400
    assert "Location" not in headers
    status, _, body = send("GET", f"{idp.url}/logout")
    assert status == 200
    assert "Đã đăng xuất" in body.decode()


def test_every_vneid_citizen_is_in_the_population_database():
    assert len(VNEID_CONTACTS) >= 3
    assert NHUNG in VNEID_CONTACTS
    assert set(VNEID_CONTACTS) <= set(BY_ID)
