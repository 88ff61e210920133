"""Writes of the LGSP: the outbox (queued in the transaction of the change it reports), the
logged lookups in the national population database, and the partner systems' credentials."""

import re
import secrets
from datetime import datetime, timedelta

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from motcua.agencies.services import require_admin
from motcua.core.audit import audit_record
from motcua.core.errors import (
    Conflict,
    Forbidden,
    NotFound,
    RuleBroken,
    TooManyRequests,
    Unavailable,
)
from motcua.dossiers.models import Dossier
from motcua.dossiers.selectors import citizen_id_number, dossier_for
from motcua.integrations.connectors import ConnectorError
from motcua.integrations.connectors.population import lookup_citizen
from motcua.integrations.models import (
    Exchange,
    PartnerClient,
    PartnerRequest,
    PartnerToken,
    PopulationLookup,
)
from motcua.integrations.selectors import digest
from motcua.integrations.tasks import delivery_enqueue


def dossier_sync_payload(dossier: Dossier, event: str, at: datetime) -> dict:
    """What the national portal is told about `event`: the dossier as it stands at that moment."""
    return {
        "code": dossier.code,
        "event": event,
        "at": at.isoformat(),
        "status": dossier.status,
        "procedure": dossier.procedure.code,
        "agency": dossier.agency.code,
        "channel": dossier.channel,
        "submitted_at": dossier.submitted_at.isoformat(),
        "received_at": dossier.received_at.isoformat() if dossier.received_at else None,
        "due_at": dossier.due_at.isoformat() if dossier.due_at else None,
        "completed_at": dossier.completed_at.isoformat() if dossier.completed_at else None,
        "version": dossier.version,
    }


def dossier_sync_enqueue(*, dossier: Dossier, payload: dict) -> Exchange:
    """Queue the sync of a dossier event (`dossier_sync_payload`), in the caller's transaction."""
    exchange = Exchange.objects.create(
        dossier=dossier, system=Exchange.System.NATIONAL_PORTAL, event=payload["event"],
        payload=payload,
    )  # fmt: skip
    delivery_enqueue(exchange)
    return exchange


@transaction.atomic
def dossier_sync_of_change(dossier: Dossier, change: dict) -> None:
    """Queue the sync that a committed dossier change recorded (`dossiers.hooks`)."""
    dossier_sync_enqueue(dossier=dossier, payload=change["sync"])


def exchange_retry(*, actor, exchange: Exchange) -> Exchange:
    """An administrator sends a message that was given up (dead) once more."""
    require_admin(actor, exchange.dossier.agency)
    if exchange.state != Exchange.State.DEAD:
        raise Conflict(_("Chỉ gửi lại được trao đổi đã gửi không thành công."), code="not_dead")
    exchange.state, exchange.attempts = Exchange.State.PENDING, 0
    exchange.save(update_fields=["state", "attempts", "updated_at"])
    delivery_enqueue(exchange)
    audit_record(
        actor=actor,
        action="exchange_retry",
        object_type="exchange",
        object_id=str(exchange.idempotency_key),
    )
    return exchange


def exchanges_requeue_stranded(*, older_than: timedelta) -> int:
    """Queue again every pending message untouched for longer than `older_than` (longer than the
    longest backoff): its task was lost, e.g. an RQ worker killed mid-task or Redis refusing the
    job after the commit. A message queued twice is still sent once (the exchange row decides).
    """
    stranded = list(
        Exchange.objects.filter(
            state=Exchange.State.PENDING, updated_at__lt=timezone.now() - older_than
        ).only("pk", "system")
    )
    for exchange in stranded:
        delivery_enqueue(exchange)
    return len(stranded)


OFFICER_ROLES = {"receiver", "specialist", "approver"}
ID_NUMBER = re.compile(r"\d{12}")


def citizen_lookup(*, actor, id_number: str, purpose: str, dossier_code: str = "") -> dict:
    """Tra cứu CSDL dân cư to prefill or verify a form; every lookup is logged, even a failed one.

    Only officers who handle dossiers may look up, for a stated purpose, at most
    `MOTCUA_POPULATION_LOOKUPS_PER_MINUTE` times a minute each.
    """
    if not actor.is_superuser and not actor.staff_roles.filter(role__in=OFFICER_ROLES).exists():
        raise Forbidden(_("Chỉ cán bộ tiếp nhận, thụ lý hồ sơ được tra cứu CSDL dân cư."))
    errors = {}
    if not ID_NUMBER.fullmatch(id_number):
        errors["id_number"] = [_("Số định danh cá nhân gồm đúng 12 chữ số.")]
    if not purpose.strip():
        errors["purpose"] = [_("Cần ghi rõ mục đích tra cứu.")]
    if errors:
        raise RuleBroken(_("Yêu cầu tra cứu chưa hợp lệ."), code="invalid_lookup", fields=errors)
    dossier = dossier_for(actor, dossier_code) if dossier_code else None
    _count_lookup(actor)
    try:
        identity = _logged_lookup(actor, id_number, purpose, dossier)
    except ConnectorError as error:
        raise Unavailable(
            _("CSDL quốc gia về dân cư chưa trả lời, vui lòng thử lại sau."), code="population_down"
        ) from error
    if identity is None:
        raise NotFound(
            _("CSDL dân cư không có số định danh cá nhân này."), code="citizen_not_found"
        )
    return identity


def own_identity_lookup(*, actor) -> dict | None:
    """A signed-in citizen's own record in CSDL dân cư, to prefill an online application.

    Logged and rate-limited like an officer's lookup. None when the database has no such record,
    does not answer or the limit is reached: the citizen then types what is missing.
    """
    id_number = citizen_id_number(actor)
    if not id_number:
        raise Forbidden(_("Chỉ công dân đã đăng nhập được tra cứu thông tin của chính mình."))
    purpose = _("Điền sẵn hồ sơ nộp trực tuyến")
    try:
        _count_lookup(actor)
        return _logged_lookup(actor, id_number, purpose, None)
    except (TooManyRequests, ConnectorError):
        return None


def _logged_lookup(actor, id_number: str, purpose: str, dossier: Dossier | None) -> dict | None:
    """Ask CSDL dân cư and log the lookup with its outcome, a failure included (re-raised)."""
    try:
        identity = lookup_citizen(id_number)
    except ConnectorError:
        _log_lookup(actor, id_number, purpose, dossier, "failed")
        raise
    _log_lookup(actor, id_number, purpose, dossier, "found" if identity else "not_found")
    return identity


def _count_lookup(actor) -> None:
    limit = settings.MOTCUA["POPULATION_LOOKUPS_PER_MINUTE"]
    key = f"population-lookups:{actor.pk}:{timezone.now():%Y%m%d%H%M}"
    cache.add(key, 0, timeout=120)
    if cache.incr(key) > limit:
        raise TooManyRequests(
            _("Mỗi cán bộ tra cứu tối đa %(limit)s lần mỗi phút.") % {"limit": limit}
        )


def _log_lookup(actor, id_number: str, purpose: str, dossier: Dossier | None, outcome: str) -> None:
    with transaction.atomic():
        PopulationLookup.objects.create(
            officer=actor, id_number=id_number, purpose=purpose.strip()[:255], dossier=dossier,
            at=timezone.now(), outcome=outcome,
        )  # fmt: skip
        audit_record(
            actor=actor,
            action="population_lookup",
            object_type="citizen",
            object_id=id_number,
            data={"purpose": purpose.strip(), "dossier": dossier.code if dossier else None,
                  "outcome": outcome},
        )  # fmt: skip


def partner_client_create(
    *, actor, name: str, scopes: list[str], rate_limit: int, agencies, is_active: bool = True
) -> tuple[PartnerClient, str]:
    """Register a partner system; returns it and its secret, which is never shown again."""
    _require_partner_admin(actor, agencies)
    secret = secrets.token_urlsafe(32)
    with transaction.atomic():
        client = PartnerClient.objects.create(
            name=name, client_id=f"mc-{secrets.token_hex(8)}", secret_digest=digest(secret),
            scopes=_known_scopes(scopes), rate_limit=rate_limit, is_active=is_active,
        )  # fmt: skip
        client.agencies.set(agencies)
        _audit_partner(actor, "partner_client_create", client)
    return client, secret


def partner_client_update(
    *, actor, client: PartnerClient, name: str, scopes: list[str], rate_limit: int, agencies,
    is_active: bool,
) -> PartnerClient:  # fmt: skip
    """Change what a partner system may do; deactivating it ends its tokens at once."""
    _require_partner_admin(actor, [*client.agencies.all(), *agencies])
    with transaction.atomic():
        client.name, client.rate_limit, client.is_active = name, rate_limit, is_active
        client.scopes = _known_scopes(scopes)
        client.save(update_fields=["name", "scopes", "rate_limit", "is_active"])
        client.agencies.set(agencies)
        _audit_partner(actor, "partner_client_update", client)
    return client


def partner_client_rotate_secret(*, actor, client: PartnerClient) -> str:
    """A new secret for a partner system; the old one and every token issued with it end."""
    _require_partner_admin(actor, client.agencies.all())
    secret = secrets.token_urlsafe(32)
    with transaction.atomic():
        client.secret_digest = digest(secret)
        client.save(update_fields=["secret_digest"])
        client.tokens.all().delete()
        _audit_partner(actor, "partner_client_rotate_secret", client)
    return secret


def partner_token_save(
    *, client: PartnerClient, token: str, scopes: list[str], expires_in: int
) -> PartnerToken:
    """Keep the digest of a token just issued; the client's expired tokens go at the same time."""
    now = timezone.now()
    with transaction.atomic():
        client.tokens.filter(expires_at__lte=now).delete()
        return PartnerToken.objects.create(
            client=client, digest=digest(token), scopes=scopes, issued_at=now,
            expires_at=now + timedelta(seconds=expires_in),
        )  # fmt: skip


def partner_request_record(
    *, client: PartnerClient | None, method: str, path: str, status: int, duration: float,
    remote_addr: str | None,
) -> PartnerRequest:  # fmt: skip
    """One line of the partner access log."""
    return PartnerRequest.objects.create(
        client=client, method=method[:8], path=path[:500], status=status,
        at=timezone.now(), duration_ms=round(duration * 1000), remote_addr=remote_addr or None,
    )  # fmt: skip


def _require_partner_admin(actor, agencies) -> None:
    """An administrator above every agency the partner may read (any administrator if none)."""
    agencies = list(agencies)
    for agency in agencies:
        require_admin(actor, agency)
    if not agencies:
        require_admin(actor)


def _known_scopes(scopes: list[str]) -> list[str]:
    unknown = sorted(set(scopes) - set(PartnerClient.Scope.values))
    if unknown:
        raise RuleBroken(_("Phạm vi quyền không hợp lệ."), fields={"scopes": unknown})
    return sorted(set(scopes))


def _audit_partner(actor, action: str, client: PartnerClient) -> None:
    audit_record(
        actor=actor, action=action, object_type="partner_client", object_id=client.client_id,
        data={"name": client.name, "scopes": client.scopes, "rate_limit": client.rate_limit,
              "active": client.is_active,
              "agencies": sorted(client.agencies.values_list("code", flat=True))},
    )  # fmt: skip
