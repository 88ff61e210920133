"""Background work of the dossiers, run by `motcua worker`."""

from django.db import transaction
from django_tasks import task

from motcua.dossiers import hooks
from motcua.dossiers.models import PendingEffects


@task()
def dossier_effects(pending_id: int) -> None:
    """Bring the report facts of the dossier in step with one committed change (decision 0015),
    then queue the national-portal syncs and the applicant's messages it recorded
    (`effects.effects_record`), as they stood at each event: the apps above register these
    steps (`hooks`).

    The row is deleted in the same transaction: a task that runs twice, or after the row went
    with its dossier, does nothing more; one that fails leaves the row for its next attempt.
    """
    with transaction.atomic():
        rows = PendingEffects.objects.filter(pk=pending_id)
        pending = rows.select_related("dossier__procedure", "dossier__agency").first()
        if pending is None or not rows.delete()[0]:  # gone, or taken by a twin task meanwhile
            return
        for step in hooks.FIRST_STEPS:
            step(pending.dossier)
        for change in pending.changes:
            for handler in hooks.CHANGE_HANDLERS:
                handler(pending.dossier, change)
