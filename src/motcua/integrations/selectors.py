"""Reads of the LGSP: partner tokens and what a partner system may see."""

import hashlib

from django.db.models import QuerySet
from django.utils import timezone

from motcua.agencies.selectors import agency_ids_under
from motcua.dossiers.models import Dossier
from motcua.dossiers.selectors import dossiers_of_agencies
from motcua.integrations.models import PartnerClient, PartnerToken


def digest(secret: str) -> str:
    """SHA-256 of a client secret or token: what is stored instead of it."""
    return hashlib.sha256(secret.encode()).hexdigest()


def partner_token_for(token: str) -> PartnerToken | None:
    """The live token of an active client, or None (unknown, forged, expired or revoked)."""
    return (
        PartnerToken.objects.select_related("client")
        .filter(digest=digest(token), expires_at__gt=timezone.now(), client__is_active=True)
        .first()
    )


def partner_dossiers(client: PartnerClient) -> QuerySet[Dossier]:
    """The dossiers of the client's agencies and of the units below them."""
    paths = set(client.agencies.values_list("path", flat=True))
    return dossiers_of_agencies(agency_ids_under(paths))
