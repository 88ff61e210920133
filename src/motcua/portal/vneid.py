"""Đăng nhập VNeID: the OpenID Connect client (authorisation code + PKCE) for citizens.

Authlib does the protocol (discovery, PKCE S256, state and nonce in the session, ID token
signature and claims against the provider's JWKS); this module only configures it from
settings.MOTCUA_OIDC, so pointing the issuer at the national provider is a configuration change.
"""

from functools import cache

from authlib.integrations.django_client import DjangoOAuth2App, OAuth
from django.conf import settings

SESSION_ID_TOKEN = "vneid_id_token"


@cache
def _client(issuer: str, client_id: str, client_secret: str, timeout: float) -> DjangoOAuth2App:
    registry = OAuth()
    return registry.register(
        "vneid",
        client_id=client_id,
        client_secret=client_secret,
        server_metadata_url=f"{issuer.rstrip('/')}/.well-known/openid-configuration",
        client_kwargs={
            "scope": "openid profile",
            "code_challenge_method": "S256",
            "default_timeout": timeout,
        },
    )


def vneid_client() -> DjangoOAuth2App:
    """The client for the configured identity provider (one per configuration)."""
    config = settings.MOTCUA_OIDC
    return _client(
        config["issuer"], config["client_id"], config["client_secret"], config["timeout"]
    )
