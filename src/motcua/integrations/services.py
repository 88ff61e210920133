"""Writes of the LGSP outbox: messages are enqueued in the transaction of the change they report."""

from datetime import datetime

from django.db import transaction

from motcua.agencies.services import require_admin
from motcua.core.audit import audit_record
from motcua.core.errors import Conflict
from motcua.dossiers.models import Dossier
from motcua.integrations.models import Exchange
from motcua.integrations.tasks import deliver_exchange


def dossier_sync_enqueue(*, dossier: Dossier, event: str, at: datetime) -> Exchange:
    """Queue the sync of a dossier event to the national portal, in the caller's transaction."""
    payload = {
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
    exchange = Exchange.objects.create(
        dossier=dossier, system=Exchange.System.NATIONAL_PORTAL, event=event, payload=payload
    )
    deliver_exchange.enqueue(exchange.pk)
    return exchange


@transaction.atomic
def exchange_retry(*, actor, exchange: Exchange) -> Exchange:
    """An administrator sends a message that was given up (dead) once more."""
    require_admin(actor, exchange.dossier.agency)
    if exchange.state != Exchange.State.DEAD:
        raise Conflict("Chỉ gửi lại được trao đổi đã gửi không thành công.", code="not_dead")
    exchange.state, exchange.attempts = Exchange.State.PENDING, 0
    exchange.save(update_fields=["state", "attempts", "updated_at"])
    deliver_exchange.enqueue(exchange.pk)
    audit_record(
        actor=actor,
        action="exchange_retry",
        object_type="exchange",
        object_id=str(exchange.idempotency_key),
    )
    return exchange
