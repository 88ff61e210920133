"""The side effects of a dossier change, recorded in its transaction and set off by the worker.

A change of a dossier tells the national portal and, where templates exist, the applicant. Its
transaction records what each timeline event has to say, as it stands at that moment (the
portal's payload, the promised date, the note), in one `PendingEffects` row per dossier with one
task to go with it; the worker brings the dossier's report facts in step, turns the row into
messages and syncs (`tasks.dossier_effects`) and deletes it. A committed change thus always has
its effects, and a filing no longer renders messages nor counts itself in the reports while the
applicant waits (decisions 0014 and 0015).
"""

from contextlib import AbstractContextManager
from datetime import datetime, timedelta

from django.utils import timezone

from motcua.core.batching import TransactionBatch
from motcua.core.queue import enqueue
from motcua.dossiers import hooks
from motcua.dossiers.models import Dossier, PendingEffects
from motcua.dossiers.tasks import dossier_effects


def effects_record(dossier: Dossier, event: str, at: datetime, note: str, data: dict) -> None:
    """Record the effects of one timeline event of `dossier` (inside `effects_batch`: written
    with the other events of the block, one row per dossier, when the block ends)."""
    change = {"sync": hooks.snapshot(dossier, event, at), "note": note, "data": data}
    if not _batch.add((dossier.pk, change)):
        _write([(dossier.pk, change)])


def effects_batch() -> AbstractContextManager[None]:
    """Write the effects recorded in the block together when it ends (`TransactionBatch`)."""
    return _batch.block()


def _write(changes: list[tuple[int, dict]]) -> None:
    per_dossier: dict[int, list[dict]] = {}
    for dossier_id, change in changes:
        per_dossier.setdefault(dossier_id, []).append(change)
    rows = PendingEffects.objects.bulk_create(
        PendingEffects(dossier_id=dossier_id, changes=listed)
        for dossier_id, listed in per_dossier.items()
    )
    for row in rows:
        enqueue(dossier_effects, row.pk)


_batch = TransactionBatch(_write)


def effects_requeue_stranded(*, older_than: timedelta) -> int:
    """Queue again the effects still waiting after `older_than`: their task was lost (an RQ
    worker killed, Redis refusing the job) or failed. A twin of a live task does nothing."""
    stranded = list(
        PendingEffects.objects.filter(created_at__lt=timezone.now() - older_than).values_list(
            "pk", flat=True
        )
    )
    for pk in stranded:
        enqueue(dossier_effects, pk)
    return len(stranded)
