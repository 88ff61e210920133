"""Writes of the report aggregates: kept in step with each dossier change, or rebuilt whole."""

from collections import defaultdict
from functools import cache

from django.db import connection, transaction

from motcua.core.compiled import CompiledQuery
from motcua.dossiers.models import Dossier
from motcua.integrations.models import Exchange
from motcua.reports.facts import Key, contributions, difference, fact_of, facts_queryset
from motcua.reports.models import COUNTER_COLUMNS, DossierFact, ReportCounter

REBUILD_BATCH = 2000


def _upsert_sql(rows: int) -> str:
    table = connection.ops.quote_name(ReportCounter._meta.db_table)
    keys = ["grain", "bucket", "agency_id", "procedure_id", "field_id"]
    columns = [*keys, *COUNTER_COLUMNS]
    quoted = [connection.ops.quote_name(c) for c in columns]
    placeholders = ", ".join(["(" + ", ".join(["%s"] * len(columns)) + ")"] * rows)
    updates = ", ".join(f"{c} = {table}.{c} + excluded.{c}" for c in quoted[len(keys) :])
    # Only our own table and column names are interpolated; the values are parameters.
    conflict = "ON CONFLICT (grain, bucket, agency_id, procedure_id) DO UPDATE SET"
    return f"INSERT INTO {table} ({', '.join(quoted)}) VALUES {placeholders} {conflict} {updates}"  # noqa: S608


def counters_add(delta: dict[Key, dict[str, int]]) -> None:
    """Add `delta` to the counter rows, creating missing rows: one statement."""
    if not delta:
        return
    params: list = []
    for key, changes in delta.items():
        params.extend(key)
        params.extend(changes.get(column, 0) for column in COUNTER_COLUMNS)
    with connection.cursor() as cursor:
        cursor.execute(_upsert_sql(len(delta)), params)


_ANY_DOSSIER = -1  # the placeholder for the dossier's key (no dossier has it)


@cache
def _facts() -> CompiledQuery:
    """The facts query of one dossier, its row locked, compiled once per process: building and
    compiling its nine subqueries cost more than running them (~4 ms of every dossier change)."""
    locked = facts_queryset().select_for_update(of=("self",))
    return CompiledQuery(locked.filter(pk=_ANY_DOSSIER), _ANY_DOSSIER)


def dossier_facts_update(*, dossier: Dossier) -> None:
    """Bring the dossier's report facts and the counters in step with it as it stands now.

    Run by the worker after each committed change of the dossier (`dossiers.tasks.dossier_effects`,
    decision 0015), inside its transaction: one read of the dossier with its facts, which locks
    the dossier's row (two workers on one dossier take turns; the second reads the first's facts),
    one of its previous facts, one upsert of the counters that changed, one of the facts. Run
    again with nothing changed, it changes nothing.
    """
    new = fact_of(_facts().first(dossier.pk))
    old = DossierFact.objects.filter(pk=dossier.pk).first()
    counters_add(difference(contributions(old), contributions(new)))
    new.save(force_insert=old is None)


def dossier_sync_acknowledged(exchange: Exchange) -> None:
    """The national portal acknowledged `exchange` (registered with the outbox, run in the
    transaction that records it): once a sync of its receipt is acknowledged the dossier counts
    as synced (`dossier_sync`), so its facts are brought in step unless they already say so."""
    if exchange.system != Exchange.System.NATIONAL_PORTAL or not exchange.payload["received_at"]:
        return
    if not DossierFact.objects.filter(pk=exchange.dossier_id, synced=True).exists():
        dossier_facts_update(dossier=exchange.dossier)


@transaction.atomic
def reports_rebuild() -> int:
    """Recompute every fact and counter from the dossiers; returns the number of dossiers."""
    ReportCounter.objects.all().delete()
    DossierFact.objects.all().delete()
    totals: dict[Key, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    batch: list[DossierFact] = []
    count = 0
    for dossier in facts_queryset().iterator(chunk_size=REBUILD_BATCH):
        fact = fact_of(dossier)
        batch.append(fact)
        for key, values in contributions(fact).items():
            for column, value in values.items():
                totals[key][column] += value
        if len(batch) >= REBUILD_BATCH:
            DossierFact.objects.bulk_create(batch)
            count, batch = count + len(batch), []
    DossierFact.objects.bulk_create(batch)
    ReportCounter.objects.bulk_create(
        (
            ReportCounter(
                grain=key[0],
                bucket=key[1],
                agency_id=key[2],
                procedure_id=key[3],
                field_id=key[4],
                **values,
            )
            for key, values in totals.items()
        ),
        batch_size=REBUILD_BATCH,
    )
    return count + len(batch)
