"""Đối soát với Cổng DVC quốc gia: compare the statuses the national portal holds with ours and
re-push every difference through the ordinary outbox (so retries and idempotency apply)."""

from dataclasses import asdict, dataclass
from datetime import datetime

from django.db import transaction
from django.utils import timezone

from motcua.core.audit import audit_record
from motcua.core.errors import Unavailable
from motcua.dossiers.models import Dossier, PendingEffects
from motcua.integrations.connectors import ConnectorError, national_portal
from motcua.integrations.models import Exchange
from motcua.integrations.services import dossier_sync_enqueue, dossier_sync_payload

RECONCILE_EVENT = "reconcile"


@dataclass
class PortalReconciliation:
    """What one reconciliation found. `repushed` counts `missing` (unknown to the portal) too;
    `pending` are differences left alone because a push is already waiting for the worker."""

    checked: int = 0
    matching: int = 0
    repushed: int = 0
    missing: int = 0
    pending: int = 0


def portal_reconcile(
    *, since: datetime | None = None, batch_size: int = national_portal.BATCH
) -> PortalReconciliation:
    """Check every dossier changed at or after `since` (all when None) against the portal.

    Unavailable when the portal cannot be asked; batches already compared keep their re-pushes.
    """
    dossiers = Dossier.objects.order_by("pk")
    if since is not None:
        dossiers = dossiers.filter(events__at__gte=since).distinct()
    found, last = PortalReconciliation(), 0
    while batch := dict(dossiers.filter(pk__gt=last).values_list("pk", "code")[:batch_size]):
        try:
            held = national_portal.dossier_statuses(list(batch.values()))
        except ConnectorError as error:
            raise Unavailable(
                "Cổng Dịch vụ công quốc gia chưa trả lời, chưa đối soát được.",
                code="national_portal_down",
            ) from error
        _repush_differences(batch, held, found)
        last = max(batch)
    audit_record(
        actor=None, action="portal_reconcile", object_type="national_portal",
        object_id=since.isoformat() if since else "all", data=asdict(found),
    )  # fmt: skip
    return found


@transaction.atomic
def _repush_differences(
    codes: dict[int, str], held: dict[str, str], found: PortalReconciliation
) -> None:
    """Compare one batch under row locks (so a change made meanwhile is not overtaken by a
    re-push of the older status) and queue a sync of each dossier that differs."""
    pushes = Exchange.objects.filter(
        dossier_id__in=codes, system=Exchange.System.NATIONAL_PORTAL, state=Exchange.State.PENDING
    )
    # A change whose effects the worker has not queued yet has its push waiting too.
    unqueued = PendingEffects.objects.filter(dossier_id__in=codes)
    waiting = {*pushes.values_list("dossier_id", flat=True),
               *unqueued.values_list("dossier_id", flat=True)}  # fmt: skip
    locked = Dossier.objects.select_for_update().select_related("procedure", "agency")
    now = timezone.now()
    for dossier in locked.filter(pk__in=codes).order_by("pk"):
        found.checked += 1
        if held.get(dossier.code) == dossier.status:
            found.matching += 1
        elif dossier.pk in waiting:
            found.pending += 1
        else:
            found.repushed += 1
            found.missing += int(dossier.code not in held)
            dossier_sync_enqueue(
                dossier=dossier, payload=dossier_sync_payload(dossier, RECONCILE_EVENT, now)
            )
