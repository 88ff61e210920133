"""Simulator of the national e-identity provider (VNeID) as an OpenID Connect provider.

Authorization-code flow with PKCE (S256 only) for one registered client, whose redirect URIs may
be any loopback address `http://127.0.0.1:<port>/…` or `http://localhost:<port>/…`. The citizens
who can log in are `citizens.VNEID_CONTACTS`, all found in the population-database simulator too.
ID tokens are RS256 JWTs signed with a key made at start (or read from `MOTCUA_SIM_IDP_KEY_FILE`);
the issuer is `MOTCUA_SIM_IDP_ISSUER`, else the base URL the request was sent to. Codes, tokens and
the clock offset live in memory; `POST /_clock {"advance": s}` moves the clock on, for tests.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import re
import secrets
import threading
import time
import urllib.parse
import uuid
from dataclasses import dataclass
from typing import Any

from joserfc import jwt
from joserfc.jwk import RSAKey

from motcua.simulators.base import (
    App,
    Request,
    Response,
    error_response,
    html_response,
    json_response,
    redirect,
)
from motcua.simulators.citizens import BY_ID, VNEID_CONTACTS
from motcua.simulators.idp_pages import login_page, message_page
from motcua.simulators.keys import signing_key

NAME = "idp"
DEFAULT_PORT = 8101
PORT_ENV = "MOTCUA_SIM_IDP_PORT"
ISSUER_ENV = "MOTCUA_SIM_IDP_ISSUER"
KEY_FILE_ENV = "MOTCUA_SIM_IDP_KEY_FILE"
CLIENT_ID_ENV, DEFAULT_CLIENT_ID = "MOTCUA_SIM_IDP_CLIENT_ID", "motcua-demo"
CLIENT_SECRET_ENV, DEFAULT_CLIENT_SECRET = "MOTCUA_SIM_IDP_CLIENT_SECRET", "demo-idp-secret"
PASSWORD_ENV, DEFAULT_PASSWORD = "MOTCUA_SIM_IDP_PASSWORD", "demo"

CODE_TTL = 60
TOKEN_TTL = 600
ACR = "vneid-level-2"
SCOPES = ("openid", "profile")
PROFILE_CLAIMS = (
    "id_number",
    "name",
    "birthdate",
    "gender",
    "address",
    "phone_number",
    "email",
)
ID_TOKEN_CLAIMS = ("iss", "aud", "sub", "iat", "exp", "nonce", "auth_time", "acr")
AUTH_PARAMS = (
    "response_type",
    "client_id",
    "redirect_uri",
    "scope",
    "state",
    "nonce",
    "code_challenge",
    "code_challenge_method",
)
LOOPBACK_HOSTS = ("127.0.0.1", "localhost")
PKCE_VALUE = re.compile(r"[A-Za-z0-9\-._~]{43,128}")
SUBJECT_NAMESPACE = uuid.UUID("5b0a2f6e-4c1d-4f5e-9a53-2d6f1e8c7b90")
GENDERS = {"Nam": "male", "Nữ": "female"}
NO_STORE = [("Cache-Control", "no-store"), ("Pragma", "no-cache")]


@dataclass(frozen=True)
class Grant:
    """What an authorization code or an access token stands for."""

    client_id: str
    redirect_uri: str
    scope: str
    nonce: str
    code_challenge: str
    id_number: str
    auth_time: int
    expires_at: float


class Refusal(Exception):
    """An authorization request refused back to the client (RFC 6749 §4.1.2.1)."""

    def __init__(self, error: str, description: str) -> None:
        super().__init__(description)
        self.error = error
        self.description = description


def subject(id_number: str) -> str:
    """The stable opaque `sub` of a citizen: not the ID number itself."""
    return str(uuid.uuid5(SUBJECT_NAMESPACE, id_number))


def citizen_claims(id_number: str) -> dict[str, Any]:
    """The identity claims of a citizen with a VNeID account."""
    person, contact = BY_ID[id_number], VNEID_CONTACTS[id_number]
    return {
        "sub": subject(id_number),
        "id_number": id_number,
        "name": person["full_name"],
        "birthdate": person["date_of_birth"],
        "gender": GENDERS[person["sex"]],
        "address": person["permanent_address"],
        **contact,
    }


def is_loopback_uri(uri: str) -> bool:
    """An `http://127.0.0.1:<port>/…` or `http://localhost:<port>/…` address, nothing else."""
    try:
        parts = urllib.parse.urlsplit(uri)
        port = parts.port
    except ValueError:
        return False
    return (
        parts.scheme == "http"
        and parts.hostname in LOOPBACK_HOSTS
        and port is not None
        and parts.username is None
        and not parts.fragment
    )


def with_params(uri: str, params: dict[str, str]) -> str:
    """`uri` with `params` added to its query string."""
    parts = urllib.parse.urlsplit(uri)
    query = "&".join(q for q in (parts.query, urllib.parse.urlencode(params)) if q)
    return urllib.parse.urlunsplit(parts._replace(query=query))


def s256(verifier: str) -> str:
    """The PKCE S256 challenge of `verifier` (RFC 7636 §4.2)."""
    digest = hashlib.sha256(verifier.encode("ascii")).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")


def oauth_error(status: int, error: str, description: str, *headers: tuple[str, str]) -> Response:
    """An error of the token or userinfo endpoint (RFC 6749 §5.2)."""
    response = json_response(status, {"error": error, "error_description": description})
    response.headers.extend([*NO_STORE, *headers])
    return response


def error_page(message: str) -> Response:
    """An authorization request that cannot go back to the client is refused on a page."""
    return html_response(400, message_page("Yêu cầu đăng nhập không hợp lệ", message))


class Provider:
    """The provider's configuration and in-memory state: client, key, codes, tokens, clock."""

    def __init__(self) -> None:
        self.issuer = os.environ.get(ISSUER_ENV, "").strip().rstrip("/")
        self.client_id = os.environ.get(CLIENT_ID_ENV) or DEFAULT_CLIENT_ID
        self.client_secret = os.environ.get(CLIENT_SECRET_ENV) or DEFAULT_CLIENT_SECRET
        self.password = os.environ.get(PASSWORD_ENV) or DEFAULT_PASSWORD
        self.key = RSAKey.import_key(
            signing_key(KEY_FILE_ENV), parameters={"use": "sig", "alg": "RS256"}
        )
        self.key.ensure_kid()
        self.lock = threading.Lock()
        self.codes: dict[str, Grant] = {}
        self.tokens: dict[str, Grant] = {}
        self.offset = 0.0

    def now(self) -> float:
        return time.time() + self.offset

    def issuer_for(self, request: Request) -> str:
        if self.issuer:
            return self.issuer
        environ = request.environ
        host = environ.get("HTTP_HOST") or f"{environ['SERVER_NAME']}:{environ['SERVER_PORT']}"
        return f"http://{host}"

    def authorization_request(self, params: dict[str, str]) -> dict[str, str]:
        """The checked request parameters; a Refusal to send back, or ValueError for a page."""
        if params.get("client_id") != self.client_id:
            raise ValueError("Ứng dụng yêu cầu đăng nhập (client_id) chưa được đăng ký.")
        if not is_loopback_uri(params.get("redirect_uri", "")):
            raise ValueError("Địa chỉ quay về (redirect_uri) không được phép.")
        if params.get("response_type") != "code":
            raise Refusal("unsupported_response_type", "response_type must be code")
        if "openid" not in params.get("scope", "").split():
            raise Refusal("invalid_scope", "scope must contain openid")
        for name in ("state", "nonce"):
            if not params.get(name):
                raise Refusal("invalid_request", f"{name} is required")
        if params.get("code_challenge_method") != "S256":
            raise Refusal("invalid_request", "PKCE with code_challenge_method=S256 is required")
        if not PKCE_VALUE.fullmatch(params.get("code_challenge", "")):
            raise Refusal("invalid_request", "code_challenge is missing or malformed")
        return {name: params[name] for name in AUTH_PARAMS}

    def check_password(self, id_number: str, password: str) -> bool:
        known = id_number in VNEID_CONTACTS
        matches = hmac.compare_digest(password.encode(), self.password.encode())
        return known and matches

    def issue_code(self, auth: dict[str, str], id_number: str) -> str:
        code = secrets.token_urlsafe(32)
        scope = " ".join(s for s in SCOPES if s in auth["scope"].split())
        grant = Grant(
            client_id=auth["client_id"],
            redirect_uri=auth["redirect_uri"],
            scope=scope,
            nonce=auth["nonce"],
            code_challenge=auth["code_challenge"],
            id_number=id_number,
            auth_time=int(self.now()),
            expires_at=self.now() + CODE_TTL,
        )
        with self.lock:
            self.codes[code] = grant
        return code

    def redeem(self, code: str, client_id: str, redirect_uri: str, verifier: str) -> Grant:
        """The grant behind `code`, used up now; Refusal `invalid_grant` when it does not hold."""
        with self.lock:
            grant = self.codes.pop(code, None)
        if grant is None or grant.expires_at <= self.now():
            raise Refusal("invalid_grant", "the code is unknown, used or expired")
        if grant.client_id != client_id or grant.redirect_uri != redirect_uri:
            raise Refusal("invalid_grant", "the code was issued to another client or redirect_uri")
        if not PKCE_VALUE.fullmatch(verifier) or not hmac.compare_digest(
            s256(verifier), grant.code_challenge
        ):
            raise Refusal("invalid_grant", "code_verifier does not match the code_challenge")
        return grant

    def tokens_for(self, grant: Grant, issuer: str) -> dict[str, Any]:
        access_token = secrets.token_urlsafe(32)
        now = int(self.now())
        with self.lock:
            self.tokens[access_token] = Grant(**{**vars(grant), "expires_at": now + TOKEN_TTL})
        claims = {
            **citizen_claims(grant.id_number),
            "iss": issuer,
            "aud": grant.client_id,
            "iat": now,
            "exp": now + TOKEN_TTL,
            "nonce": grant.nonce,
            "auth_time": grant.auth_time,
            "acr": ACR,
        }
        id_token = jwt.encode({"alg": "RS256", "kid": self.key.kid}, claims, self.key)
        return {
            "access_token": access_token,
            "token_type": "Bearer",
            "expires_in": TOKEN_TTL,
            "id_token": id_token,
            "scope": grant.scope,
        }

    def token_holder(self, access_token: str) -> str | None:
        """The ID number behind a live access token."""
        with self.lock:
            grant = self.tokens.get(access_token)
        if grant is None or grant.expires_at <= self.now():
            return None
        return grant.id_number

    def client_of(self, request: Request, form: dict[str, str]) -> str | Response:
        """The authenticated client id (basic or post), or the error response."""
        header = request.header("Authorization") or ""
        scheme, _, credentials = header.partition(" ")
        if scheme.lower() == "basic":
            if "client_secret" in form:
                return oauth_error(400, "invalid_request", "use one client authentication method")
            try:
                decoded = base64.b64decode(credentials.strip(), validate=True).decode("utf-8")
            except ValueError:
                decoded = ""
            client_id, _, secret = (urllib.parse.unquote_plus(p) for p in decoded.partition(":"))
        else:
            client_id, secret = form.get("client_id", ""), form.get("client_secret", "")
        if client_id == self.client_id and hmac.compare_digest(
            secret.encode(), self.client_secret.encode()
        ):
            return client_id
        return oauth_error(
            401, "invalid_client", "client authentication failed", ("WWW-Authenticate", "Basic")
        )


def create_app() -> App:
    """The identity-provider WSGI app, configured from `MOTCUA_SIM_IDP_*` variables."""
    app = App(NAME, api_key="")
    provider = Provider()

    def citizens() -> list[tuple[str, str]]:
        return [(number, BY_ID[number]["full_name"]) for number in VNEID_CONTACTS]

    @app.route("GET", r"/\.well-known/openid-configuration", auth=False)
    def discovery(request: Request) -> Response:
        issuer = provider.issuer_for(request)
        return json_response(
            200,
            {
                "issuer": issuer,
                "authorization_endpoint": f"{issuer}/authorize",
                "token_endpoint": f"{issuer}/token",
                "userinfo_endpoint": f"{issuer}/userinfo",
                "jwks_uri": f"{issuer}/jwks",
                "end_session_endpoint": f"{issuer}/logout",
                "response_types_supported": ["code"],
                "grant_types_supported": ["authorization_code"],
                "code_challenge_methods_supported": ["S256"],
                "subject_types_supported": ["public"],
                "id_token_signing_alg_values_supported": ["RS256"],
                "token_endpoint_auth_methods_supported": [
                    "client_secret_basic",
                    "client_secret_post",
                ],
                "scopes_supported": list(SCOPES),
                "claims_supported": [*ID_TOKEN_CLAIMS, *PROFILE_CLAIMS],
                "acr_values_supported": [ACR],
            },
        )

    @app.route("GET", r"/jwks", auth=False)
    def jwks(request: Request) -> Response:
        return json_response(200, {"keys": [provider.key.as_dict(private=False)]})

    def checked(params: dict[str, str]) -> dict[str, str] | Response:
        """The authorization request, or the page or redirect refusing it."""
        try:
            return provider.authorization_request(params)
        except ValueError as error:
            return error_page(str(error))
        except Refusal as refusal:
            answer = {"error": refusal.error, "error_description": refusal.description}
            if params.get("state"):
                answer["state"] = params["state"]
            return redirect(with_params(params["redirect_uri"], answer))

    @app.route("GET", r"/authorize", auth=False)
    def authorize_page(request: Request) -> Response:
        auth = checked(request.query())
        if isinstance(auth, Response):
            return auth
        return html_response(200, login_page(auth, citizens()))

    @app.route("POST", r"/authorize", auth=False)
    def log_in(request: Request) -> Response:
        form = request.form()
        auth = checked(form)
        if isinstance(auth, Response):
            return auth
        back = auth["redirect_uri"]
        if form.get("action") == "cancel":
            return redirect(with_params(back, {"error": "access_denied", "state": auth["state"]}))
        id_number = form.get("id_number", "").strip()
        if not provider.check_password(id_number, form.get("password", "")):
            page = login_page(
                auth,
                citizens(),
                error="Số định danh hoặc mật khẩu không đúng.",
                id_number=id_number,
            )
            return html_response(200, page)
        code = provider.issue_code(auth, id_number)
        return redirect(with_params(back, {"code": code, "state": auth["state"]}))

    @app.route("POST", r"/token", auth=False)
    def token(request: Request) -> Response:
        form = request.form()
        client = provider.client_of(request, form)
        if isinstance(client, Response):
            return client
        if form.get("grant_type") != "authorization_code":
            return oauth_error(
                400, "unsupported_grant_type", "grant_type must be authorization_code"
            )
        missing = [n for n in ("code", "redirect_uri", "code_verifier") if not form.get(n)]
        if missing:
            return oauth_error(400, "invalid_request", "missing: " + ", ".join(missing))
        try:
            grant = provider.redeem(
                form["code"], client, form["redirect_uri"], form["code_verifier"]
            )
        except Refusal as refusal:
            return oauth_error(400, refusal.error, refusal.description)
        response = json_response(200, provider.tokens_for(grant, provider.issuer_for(request)))
        response.headers.extend(NO_STORE)
        return response

    def userinfo(request: Request) -> Response:
        scheme, _, access_token = (request.header("Authorization") or "").partition(" ")
        id_number = (
            provider.token_holder(access_token.strip()) if scheme.lower() == "bearer" else None
        )
        if id_number is None:
            challenge = ("WWW-Authenticate", 'Bearer error="invalid_token"')
            return oauth_error(
                401, "invalid_token", "the access token is missing, unknown or expired", challenge
            )
        return json_response(200, citizen_claims(id_number))

    app.route("GET", r"/userinfo", auth=False)(userinfo)
    app.route("POST", r"/userinfo", auth=False)(userinfo)

    @app.route("GET", r"/logout", auth=False)
    def logout(request: Request) -> Response:
        params = request.query()
        back = params.get("post_logout_redirect_uri", "")
        if not back:
            return html_response(200, message_page("Đã đăng xuất", "Bạn đã đăng xuất khỏi VNeID."))
        if not is_loopback_uri(back):
            return error_page("Địa chỉ quay về sau khi đăng xuất không được phép.")
        state = params.get("state")
        return redirect(with_params(back, {"state": state}) if state else back)

    @app.route("POST", r"/_clock", auth=False)
    def advance_clock(request: Request) -> Response:
        try:
            seconds = request.json().get("advance")
        except (ValueError, AttributeError):
            seconds = None
        if isinstance(seconds, bool) or not isinstance(seconds, int | float) or seconds < 0:
            return error_response(400, "invalid_advance", "Số giây phải là số không âm.")
        with provider.lock:
            provider.offset += seconds
        return json_response(200, {"offset": provider.offset})

    return app
