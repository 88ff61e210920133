"""The audit chain: every state change appends an event whose hash covers the previous one."""

import hashlib
import json
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import UTC
from functools import cache

from django.db import transaction
from django.utils import timezone

from motcua.core.batching import TransactionBatch
from motcua.core.compiled import CompiledQuery
from motcua.core.models import AuditEvent, AuditHead

GENESIS = "0" * 64
HEAD = 1  # the key of the chain's one head row


def _digest(prev_hash: str, event: AuditEvent) -> str:
    payload = json.dumps(
        [
            prev_hash,
            event.at.astimezone(UTC).isoformat(),
            event.actor_id,
            event.actor_label,
            event.action,
            event.object_type,
            event.object_id,
            event.data,
        ],
        ensure_ascii=False,
        sort_keys=True,
        separators=(",", ":"),
        default=str,
    )
    return hashlib.sha256(payload.encode()).hexdigest()


def audit_record(
    *, actor, action: str, object_type: str, object_id: str, data: dict | None = None
) -> AuditEvent:
    """Append one event to the chain inside the caller's transaction (no savepoint of its own:
    if anything after it fails, the caller's change and its event go together). Inside an
    `audit_batch`, the event is appended when the batch ends."""
    event = AuditEvent(
        at=timezone.now().replace(microsecond=0),
        actor=actor if actor is not None and actor.pk else None,
        actor_label=str(actor.get_username()) if actor is not None else "system",
        action=action,
        object_type=object_type,
        object_id=str(object_id),
        data=json.loads(json.dumps(data or {}, default=str)),
    )
    if not _batch.add(event):
        _append([event])
    return event


def audit_batch() -> AbstractContextManager[None]:
    """Hold the events recorded in the block and append them to the chain together when it ends.

    Use it inside the transaction of a service whose work runs long: the chain's head is then
    locked from the end of the block to the commit only, not from the first event, so that
    concurrent changes do not wait on each other (bench: create). The rules of
    `core.batching.TransactionBatch` apply.
    """
    return _batch.block()


def _append(events: list[AuditEvent]) -> None:
    """Chain `events` after the head and store them: the head is locked until the commit."""
    if not events:
        return
    with transaction.atomic(savepoint=False):
        found = _locked_head().rows()
        if found:
            [(last_hash,)] = found
        else:  # the chain's first event
            head, _ = AuditHead.objects.select_for_update().get_or_create(
                pk=HEAD, defaults={"last_hash": GENESIS}
            )
            last_hash = head.last_hash
        for event in events:
            event.prev_hash = last_hash
            event.hash = last_hash = _digest(event.prev_hash, event)
        AuditEvent.objects.bulk_create(events)
        AuditHead.objects.filter(pk=HEAD).update(last_hash=last_hash)


@cache
def _locked_head() -> CompiledQuery:
    """The head's hash, its row locked until the commit: compiled once per process (every
    dossier change appends; bench: create)."""
    return CompiledQuery(
        AuditHead.objects.select_for_update().filter(pk=HEAD).values_list("last_hash")
    )


_batch = TransactionBatch(_append)


@dataclass(frozen=True)
class BrokenLink:
    """The first event whose stored hashes do not match the chain.

    `event_id` is 0 when every stored event is intact but the chain head remembers a later one:
    the last event(s) of the chain were removed.
    """

    event_id: int
    reason: str


def audit_verify(batch_size: int = 5000) -> tuple[int, BrokenLink | None]:
    """Walk the chain in order; return the number of intact events and the first broken link.

    Detected: an event changed in place (its hash no longer covers its content), an event removed
    from the middle (the next one's prev_hash points at it), and the last event removed (the
    head's last_hash no longer matches). The count is of the events before the broken link.
    """
    prev_hash = GENESIS
    checked = 0
    for event in AuditEvent.objects.order_by("id").iterator(chunk_size=batch_size):
        if event.prev_hash != prev_hash:
            return checked, BrokenLink(event.id, "prev_hash does not match the previous event")
        if _digest(prev_hash, event) != event.hash:
            return checked, BrokenLink(event.id, "hash does not match the event's content")
        prev_hash = event.hash
        checked += 1
    head = AuditHead.objects.filter(pk=HEAD).first()
    if head and head.last_hash != prev_hash:
        return checked, BrokenLink(0, "the chain's last event was removed")
    return checked, None
