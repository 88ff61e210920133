"""The open dossiers of a merged agency moved to its successor (sắp xếp đơn vị hành chính)."""

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from motcua.agencies.models import Agency
from motcua.core.errors import RuleBroken
from motcua.dossiers.models import (
    Dossier,
)
from motcua.dossiers.services.recording import changing, record
from motcua.dossiers.workflow import FINAL_STATUSES


def dossiers_move_to_successor(*, actor, source: Agency) -> int:
    """Move the open dossiers of a merged agency to the agency it merged into; returns how many.

    Codes and history stay; each dossier gets a `transfer` line in its timeline. A dossier that
    was inside the old agency's internal process restarts at the successor without a step.
    """
    target = source.merged_into
    if target is None:
        raise RuleBroken(
            _("%(agency)s chưa được sáp nhập.") % {"agency": source.name}, code="not_merged"
        )
    open_dossiers = (
        Dossier.objects.select_for_update()
        .filter(Q(agency=source) | Q(current_agency=source))
        .exclude(status__in=FINAL_STATUSES)
    )
    now, moved = timezone.now(), 0
    with changing():
        for dossier in open_dossiers:
            from_agency = dossier.current_agency
            if dossier.agency_id == source.pk:
                dossier.agency = target
            if dossier.current_agency_id == source.pk:
                dossier.current_agency, dossier.current_step = target, None
            dossier.version += 1
            dossier.save()
            note = f"Sắp xếp đơn vị hành chính: {source.name} sáp nhập vào {target.name}"
            moves = {"from": source.code, "to": target.code}
            record(dossier, actor, now, "transfer", dossier.status, dossier.status, moves,
                    note=note, from_agency=from_agency)  # fmt: skip
            moved += 1
    return moved
