"""OAuth2 client credentials for partner systems (RFC 6749 §4.4) on Authlib's RFC 6749 server.

Authlib parses the token request, authenticates the client (HTTP Basic or form fields), checks
the grant type and the scope and shapes the answers and the §5.2 errors; we supply the clients
(`PartnerClient`), opaque random tokens stored as SHA-256 digests, and a Vietnamese `detail`
next to the RFC's `error` in every refusal.
"""

import secrets

from authlib.integrations.django_oauth2 import AuthorizationServer
from authlib.oauth2.rfc6749 import ClientMixin, grants
from authlib.oauth2.rfc6749.errors import InvalidRequestError, OAuth2Error
from authlib.oauth2.rfc6749.util import scope_to_list
from authlib.oauth2.rfc6750 import BearerTokenGenerator
from django.conf import settings
from django.http import HttpRequest, HttpResponse

from motcua.integrations.models import PartnerClient
from motcua.integrations.selectors import digest
from motcua.integrations.services import partner_token_save

# Partner tokens start with this, so the API tells them from staff JWTs at a glance.
TOKEN_PREFIX = "mcp_"
MESSAGES = {
    "invalid_request": "Yêu cầu cấp mã truy cập thiếu hoặc sai tham số.",
    "invalid_client": "Xác thực hệ thống đối tác không thành công: sai mã ứng dụng hoặc khóa bí "
    "mật, hoặc ứng dụng đã bị khóa.",
    "unauthorized_client": "Hệ thống đối tác không được dùng kiểu cấp mã này.",
    "unsupported_grant_type": "Chỉ hỗ trợ grant_type=client_credentials.",
    "invalid_scope": "Phạm vi quyền yêu cầu không hợp lệ hoặc vượt quá phạm vi đã được cấp.",
    "insecure_transport": "Điểm cấp mã truy cập chỉ nhận kết nối HTTPS.",
}


class OAuthClient(ClientMixin):
    """A PartnerClient as Authlib sees it: a confidential client of the client credentials grant."""

    def __init__(self, partner: PartnerClient):
        self.partner = partner

    def get_client_id(self) -> str:
        return self.partner.client_id

    def check_client_secret(self, client_secret: str) -> bool:
        return secrets.compare_digest(digest(client_secret), self.partner.secret_digest)

    def check_endpoint_auth_method(self, method: str, endpoint: str) -> bool:
        return endpoint == "token" and method in ClientCredentialsGrant.TOKEN_ENDPOINT_AUTH_METHODS

    def check_grant_type(self, grant_type: str) -> bool:
        return grant_type == ClientCredentialsGrant.GRANT_TYPE

    def get_allowed_scope(self, scope: str | None) -> str | None:
        """All of the client's scopes when none is asked; None (invalid_scope) if it asks more."""
        allowed = self.partner.scopes
        if not scope:
            return " ".join(allowed) or None
        asked = scope_to_list(scope)
        return " ".join(s for s in allowed if s in asked) if set(asked) <= set(allowed) else None


class ClientCredentialsGrant(grants.ClientCredentialsGrant):
    TOKEN_ENDPOINT_AUTH_METHODS = ["client_secret_basic", "client_secret_post"]


def _new_token(**_) -> str:
    return TOKEN_PREFIX + secrets.token_urlsafe(32)


def _expires_in(client, grant_type: str) -> int:
    return settings.MOTCUA_PARTNERS["token_seconds"]


class PartnerAuthorizationServer(AuthorizationServer):
    """The token endpoint's server: only the client credentials grant, only active clients."""

    def __init__(self):
        super().__init__(PartnerClient, None)
        self.scopes_supported = PartnerClient.Scope.values
        self.register_grant(ClientCredentialsGrant)
        generator = BearerTokenGenerator(_new_token, expires_generator=_expires_in)
        self.register_token_generator("default", generator)

    def query_client(self, client_id: str) -> OAuthClient | None:
        partner = PartnerClient.objects.filter(client_id=client_id, is_active=True).first()
        return OAuthClient(partner) if partner else None

    def save_token(self, token: dict, request) -> None:
        partner = request.client.partner
        partner_token_save(
            client=partner,
            token=token["access_token"],
            scopes=scope_to_list(token["scope"]),
            expires_in=token["expires_in"],
        )
        request._request.partner_client = partner  # for the access log

    def handle_error_response(self, request, error: OAuth2Error) -> HttpResponse:
        status, body, headers = error(self.get_error_uri(request, error))
        detail = MESSAGES.get(body["error"], "Yêu cầu cấp mã truy cập không hợp lệ.")
        body = {**body, "code": body["error"], "detail": detail, "fields": {}}
        return self.handle_response(status, body, headers)

    def token_response(self, request: HttpRequest) -> HttpResponse:
        """Answer one token request (a missing grant_type is invalid_request, RFC 6749 §5.2)."""
        try:
            if not request.POST.get("grant_type"):
                raise InvalidRequestError("Missing 'grant_type' parameter.")
            return self.create_token_response(request)
        except OAuth2Error as error:  # also Authlib's refusal of plain HTTP
            return self.handle_error_response(None, error)


server = PartnerAuthorizationServer()
