"""Background work of the dossiers, run by `motcua worker`."""

from datetime import datetime

from django.db import transaction
from django_tasks import task

from motcua.dossiers.models import PendingEffects
from motcua.integrations.services import dossier_sync_enqueue
from motcua.notifications.services import notify_applicant
from motcua.reports.services import dossier_facts_update


def _instant(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


@task()
def dossier_effects(pending_id: int) -> None:
    """Bring the report facts of the dossier in step with one committed change (decision 0015),
    then queue the national-portal syncs and the applicant's messages it recorded
    (`effects.effects_record`), as they stood at each event.

    The row is deleted in the same transaction: a task that runs twice, or after the row went
    with its dossier, does nothing more; one that fails leaves the row for its next attempt.
    """
    with transaction.atomic():
        rows = PendingEffects.objects.filter(pk=pending_id)
        pending = rows.select_related("dossier__procedure", "dossier__agency").first()
        if pending is None or not rows.delete()[0]:  # gone, or taken by a twin task meanwhile
            return
        dossier_facts_update(dossier=pending.dossier)
        for change in pending.changes:
            sync = change["sync"]
            dossier_sync_enqueue(dossier=pending.dossier, payload=sync)
            notify_applicant(
                dossier=pending.dossier,
                event=sync["event"],
                at=_instant(sync["at"]),
                due_at=_instant(sync["due_at"]),
                note=change["note"],
                data=change["data"],
            )
