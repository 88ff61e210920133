"""Per-dossier report facts and what each adds to the counters.

`fact_of(dossier)` reads one annotated dossier (`facts_queryset`) into an unsaved `DossierFact`;
`contributions(fact)` lists what that fact adds to each counter bucket. The hot path (a dossier
action) and the rebuild command both use these two functions, so they agree by construction; the
hot path applies only the difference between the old and the new fact.
"""

from collections import defaultdict
from datetime import date

from django.db.models import Exists, F, OuterRef, Q, QuerySet, Subquery, Sum, Value
from django.db.models.functions import Coalesce

from motcua.dossiers.clock import overdue_from, timeliness
from motcua.dossiers.fees import total_in_sql
from motcua.dossiers.models import (
    Channel,
    Dossier,
    DossierDocument,
    DossierEvent,
    DossierResult,
    Payment,
    Status,
)
from motcua.dossiers.ratings import is_dissatisfied
from motcua.integrations.models import Exchange
from motcua.reports.models import DossierFact
from motcua.reports.periods import buckets_of, local_day

WITHDRAWN = "withdrawn"
# A sync that tells the national portal the dossier was received (`dossier_sync_payload`).
RECEIPT_IN_PAYLOAD = Q(payload__received_at__isnull=False) & ~Q(payload__received_at=None)
# key of a counter row: (grain, bucket, agency id, procedure id, field id)
Key = tuple[str, date, int, int, int]


def _sum_of(model, *, where: Q | None = None) -> Coalesce:
    total = (
        model.objects.filter(where or Q(), dossier=OuterRef("pk"))
        .values("dossier")
        .annotate(total=Sum("amount"))
        .values("total")
    )
    return Coalesce(Subquery(total), Value(0))


def facts_queryset() -> QuerySet[Dossier]:
    """Dossiers with everything `fact_of` reads, in one query (correlated subqueries)."""
    results = DossierResult.objects.filter(dossier=OuterRef("pk"))
    documents = DossierDocument.objects.filter(dossier=OuterRef("pk"))
    withdrawal = DossierEvent.objects.filter(dossier=OuterRef("pk"), action="withdraw")
    acknowledged = Exchange.objects.filter(
        dossier=OuterRef("pk"),
        system=Exchange.System.NATIONAL_PORTAL,
        state=Exchange.State.ACKNOWLEDGED,
    )
    return Dossier.objects.annotate(
        field_id=F("procedure__field_id"),
        result_on_paper=F("procedure__result_on_paper"),
        fees_total=total_in_sql(),
        paid_online=_sum_of(Payment, where=Q(method=Payment.Method.ONLINE)),
        paid_desk=_sum_of(Payment, where=Q(method=Payment.Method.DESK)),
        has_electronic_result=Exists(results.filter(Q(electronic=True) | ~Q(file=""))),
        has_result_file=Exists(results.exclude(file="")),
        has_paper_only_document=Exists(documents.filter(file="")),
        has_reused_document=Exists(documents.filter(source=DossierDocument.Source.NATIONAL_DATA)),
        withdrawn_at=Subquery(withdrawal.order_by("-id").values("at")[:1]),
        receipt_synced=Exists(acknowledged.filter(RECEIPT_IN_PAYLOAD)),
    ).order_by()


def fact_of(dossier: Dossier) -> DossierFact:
    """The report facts of a dossier read through `facts_queryset`."""
    received = local_day(dossier.received_at)
    fact = DossierFact(
        dossier_id=dossier.pk,
        agency_id=dossier.agency_id,
        procedure_id=dossier.procedure_id,
        field_id=dossier.field_id,
        online=dossier.channel == Channel.ONLINE,
        received_day=received,
    )
    if received is None:
        return fact
    if dossier.completed_at:
        fact.closed_day, fact.outcome = local_day(dossier.completed_at), timeliness(dossier)
        fact.processing_seconds = int((dossier.completed_at - dossier.received_at).total_seconds())
        fact.paper_result = dossier.result_on_paper
        fact.electronic_result = dossier.result_on_paper and dossier.has_electronic_result
    elif dossier.status == Status.WITHDRAWN:
        fact.closed_day, fact.outcome = local_day(dossier.withdrawn_at), WITHDRAWN
    # The day the dossier counts as overdue from while pending (`clock.overdue_from`): none while
    # its clock is stopped in time, so the worker's refresh at each stop and resume keeps the
    # counters' overdue_start/overdue_end equal to `clock.overdue_q` at the end of each day.
    fact.overdue_day = local_day(overdue_from(dossier))
    fact.fee_bearing = dossier.fees_total > 0
    fact.paid_online, fact.paid_desk = dossier.paid_online, dossier.paid_desk
    fact.digitised = dossier.has_result_file and not dossier.has_paper_only_document
    fact.reused = dossier.has_reused_document
    fact.dissatisfied = is_dissatisfied(dossier.rating)
    fact.synced = dossier.receipt_synced
    return fact


def contributions(fact: DossierFact | None) -> dict[Key, dict[str, int]]:
    """What the fact adds to each counter row (nothing before receipt)."""
    cells: dict[Key, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    if fact is None or fact.received_day is None:
        return cells
    by_day: dict[date, dict[str, int]] = defaultdict(dict)
    on_receipt = by_day[fact.received_day]
    on_receipt["received_online" if fact.online else "received_offline"] = 1
    on_receipt["fee_bearing"] = int(fact.fee_bearing)
    on_receipt["paid_online_count"] = int(fact.paid_online > 0)
    on_receipt["paid_online_amount"] = fact.paid_online
    on_receipt["paid_desk_count"] = int(fact.paid_desk > 0)
    on_receipt["paid_desk_amount"] = fact.paid_desk
    on_receipt["digitised"] = int(fact.digitised)
    on_receipt["reused"] = int(fact.reused)
    on_receipt["synced"] = int(fact.synced)
    if fact.closed_day:
        on_close = by_day[fact.closed_day]
        column = "withdrawn" if fact.outcome == WITHDRAWN else f"resolved_{fact.outcome}"
        on_close[column] = on_close.get(column, 0) + 1
        for name in ("processing_seconds", "paper_result", "electronic_result"):
            on_close[name] = on_close.get(name, 0) + int(getattr(fact, name))
        on_close["rated_dissatisfied"] = int(fact.dissatisfied)
    if fact.overdue_day and (fact.closed_day is None or fact.closed_day > fact.overdue_day):
        by_day[fact.overdue_day]["overdue_start"] = 1
        if fact.closed_day:
            by_day[fact.closed_day]["overdue_end"] = 1
    for day, values in by_day.items():
        for grain, bucket in buckets_of(day):
            cell = cells[(grain, bucket, fact.agency_id, fact.procedure_id, fact.field_id)]
            for column, value in values.items():
                if value:
                    cell[column] += value
    return cells


def difference(old: dict, new: dict) -> dict[Key, dict[str, int]]:
    """new − old per row and column, without the zeros."""
    delta: dict[Key, dict[str, int]] = {}
    for key in old.keys() | new.keys():
        columns = old.get(key, {}).keys() | new.get(key, {}).keys()
        changes = {c: new.get(key, {}).get(c, 0) - old.get(key, {}).get(c, 0) for c in columns}
        changes = {c: v for c, v in changes.items() if v}
        if changes:
            delta[key] = changes
    return delta
