"""What every dossier change writes: its timeline event and audit record, its recorded
effects, its documents, all in one transaction (`changing`).
"""

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime

from django.db import transaction
from django.utils.translation import gettext as _

from motcua.agencies.models import Agency
from motcua.core.audit import audit_batch, audit_record
from motcua.core.errors import RuleBroken
from motcua.dossiers.effects import effects_batch, effects_record
from motcua.dossiers.models import (
    Dossier,
    DossierDocument,
    DossierEvent,
)


@contextmanager
def changing() -> Iterator[None]:
    """The transaction of a dossier change: its audit events and its effects (report facts,
    messages, syncs) are written together at its end."""
    with transaction.atomic(), audit_batch(), effects_batch():
        yield


def record(
    dossier: Dossier,
    actor,
    now: datetime,
    action: str,
    from_status: str,
    to_status: str,
    data: dict,
    *,
    note: str = "",
    from_agency: Agency | None = None,
    step_due_at: datetime | None = None,
) -> None:
    DossierEvent.objects.create(
        dossier=dossier,
        action=action,
        actor=actor,
        actor_label=actor.get_full_name() or actor.get_username(),
        at=now,
        from_status=from_status,
        to_status=to_status,
        from_agency=from_agency,
        to_agency_id=dossier.current_agency_id,
        step=dossier.current_step,
        step_due_at=step_due_at,
        note=note,
        data=data,
    )
    audit_record(
        actor=actor,
        action=f"dossier_{action}",
        object_type="dossier",
        object_id=dossier.code,
        data={"from": from_status, "to": to_status, "version": dossier.version, **data},
    )
    effects_record(dossier, action, now, note, data)  # with the report facts (decision 0015)


def valid_documents(documents: list[dict]) -> list[dict]:
    """The documents as given, each with a name (RuleBroken otherwise)."""
    for doc in documents:
        if not str(doc.get("name", "")).strip():
            raise RuleBroken(_("Mỗi giấy tờ phải có tên."), fields={"documents": ["name"]})
    return documents


def add_documents(dossier: Dossier, documents: list[dict], now: datetime, source: str) -> None:
    """Store `documents`, which `_valid_documents` has passed."""
    for doc in documents:
        DossierDocument.objects.create(
            dossier=dossier,
            name=str(doc["name"]).strip(),
            kind=doc.get("kind") or "original",
            count=int(doc.get("count") or 1),
            source=doc.get("source") or source,
            file=doc.get("file") or "",  # a Django File: a scan digitised at the desk
            added_at=now,
        )


@dataclass
class Outcome:
    """What an action handler decided beyond the transition table."""

    data: dict = field(default_factory=dict)
    target: str | None = None
    step_due_at: datetime | None = None
