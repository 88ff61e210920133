"""Partner systems for the tests: registered through the service, tokens asked over HTTP."""

import base64
from urllib.parse import urlencode

from motcua.integrations.services import partner_client_create

TOKEN_URL = "/api/v1/auth/partner-token/"
FORM = "application/x-www-form-urlencoded"


def make_partner(actor, agencies, scopes=("dossiers:read",), rate_limit=60, **kw):
    """A registered partner system and its secret."""
    return partner_client_create(
        actor=actor, name="Hệ thống thử nghiệm", scopes=list(scopes), rate_limit=rate_limit,
        agencies=agencies, **kw,
    )  # fmt: skip


def basic(client_id: str, secret: str) -> str:
    return "Basic " + base64.b64encode(f"{client_id}:{secret}".encode()).decode()


def ask_token(api_client, client_id: str, secret: str, *, basic_auth=True, **form):
    """POST the token request over HTTPS; credentials by HTTP Basic or as form fields."""
    data = {"grant_type": "client_credentials", **form}
    headers = {}
    if basic_auth:
        headers["HTTP_AUTHORIZATION"] = basic(client_id, secret)
    else:
        data.update(client_id=client_id, client_secret=secret)
    return api_client.post(TOKEN_URL, urlencode(data), content_type=FORM, secure=True, **headers)


def bearer(api_client, token: str):
    api_client.credentials(HTTP_AUTHORIZATION=f"Bearer {token}")
    return api_client
