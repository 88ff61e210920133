"""The partner API's guard: bearer tokens of partner systems, scopes and per-client rate limits.

Partner tokens (`mcp_…`) and staff JWTs are both bearer tokens; `PartnerTokenAuthentication`
claims only the former and leaves every other header to the next authentication class, so a
view may accept both (`authentication_classes = [PartnerTokenAuthentication, *defaults]`).
A partner request is not a user: `request.user` stays anonymous and `request.auth` is the
`PartnerToken` (with its client), so staff-only code never mistakes a partner for an officer.
"""

from django.contrib.auth.models import AnonymousUser
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from rest_framework import exceptions
from rest_framework.authentication import BaseAuthentication, get_authorization_header
from rest_framework.permissions import BasePermission
from rest_framework.throttling import SimpleRateThrottle

from motcua.core.errors import Forbidden
from motcua.integrations.models import PartnerClient, PartnerToken
from motcua.integrations.oauth import TOKEN_PREFIX
from motcua.integrations.selectors import partner_token_for


class PartnerTokenAuthentication(BaseAuthentication):
    """`Authorization: Bearer mcp_…` → (anonymous user, the live PartnerToken); else not ours."""

    def authenticate(self, request):
        scheme, _, token = get_authorization_header(request).decode("latin-1").partition(" ")
        if scheme.lower() != "bearer" or not token.startswith(TOKEN_PREFIX):
            return None
        found = partner_token_for(token.strip())
        if found is None:
            raise exceptions.AuthenticationFailed("unknown or expired partner token")
        return AnonymousUser(), found

    def authenticate_header(self, request) -> str:
        return 'Bearer realm="motcua"'


def partner_token(request) -> PartnerToken | None:
    """The partner token the request was authenticated with, if any."""
    return request.auth if isinstance(request.auth, PartnerToken) else None


class HasPartnerScope(BasePermission):
    """A partner token holding the view's `required_scope` (no token → 401, lacking it → 403)."""

    def has_permission(self, request, view) -> bool:
        token = partner_token(request)
        if token is None:
            return False
        if view.required_scope not in token.scopes:
            raise Forbidden(
                f"Mã truy cập không có phạm vi quyền {view.required_scope}.",
                code="insufficient_scope",
            )
        return True


class PartnerRateThrottle(SimpleRateThrottle):
    """Requests per minute of one partner system, its limit read from its own row."""

    scope = "partner"

    def __init__(self):
        """The rate is the client's, known only per request."""

    def get_cache_key(self, request, view) -> str | None:
        token = partner_token(request)
        return f"throttle_partner_{token.client_id}" if token else None

    def allow_request(self, request, view) -> bool:
        token = partner_token(request)
        if token is None:
            return True
        self.rate = f"{token.client.rate_limit}/minute"
        self.num_requests, self.duration = token.client.rate_limit, 60
        return super().allow_request(request, view)


class PartnerAPIMixin:
    """A view of the partner API: partner tokens only, rate-limited, every request logged."""

    partner_api = True  # the access log middleware records the requests of such views
    required_scope: str
    authentication_classes = [PartnerTokenAuthentication]
    permission_classes = [HasPartnerScope]
    throttle_classes = [PartnerRateThrottle]


class PartnerTokenScheme(OpenApiAuthenticationExtension):
    """OpenAPI: OAuth2 client credentials with the token endpoint and the scopes."""

    target_class = PartnerTokenAuthentication
    name = "partnerOAuth2"

    def get_security_definition(self, auto_schema) -> dict:
        return {
            "type": "oauth2",
            "flows": {
                "clientCredentials": {
                    "tokenUrl": "/api/v1/auth/partner-token/",
                    "scopes": {
                        str(value): str(label) for value, label in PartnerClient.Scope.choices
                    },
                }
            },
        }

    def get_security_requirement(self, auto_schema) -> dict:
        scope = getattr(auto_schema.view, "required_scope", None)
        return {self.name: [scope] if scope else []}
