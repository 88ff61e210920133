"""Bulk writing of generated rows: COPY on PostgreSQL, executemany on SQLite.

Rows are tuples in the order of `columns(model)`, already in the shape the database stores:
`Table.value` turns datetimes, dates and JSON into it for the current database.
"""

import functools
import json
from collections.abc import Iterable
from datetime import UTC, date, datetime

from django.core.management.color import no_style
from django.db import connection, models


def columns(model: type[models.Model]) -> list[str]:
    """The concrete columns of a model, in declaration order."""
    return [f.column for f in model._meta.concrete_fields]


class Table:
    """One table being filled: buffers rows and writes them in batches."""

    BATCH = 20_000

    def __init__(self, model: type[models.Model], names: list[str] | None = None):
        self.model = model
        self.columns = names or columns(model)
        self.rows: list[tuple] = []
        self.written = 0

    def add(self, row: tuple) -> None:
        self.rows.append(row)
        if len(self.rows) >= self.BATCH:
            self.flush()

    def flush(self) -> None:
        if self.rows:
            write_rows(self.model, self.columns, self.rows)
            self.written += len(self.rows)
            self.rows = []


@functools.cache
def is_postgresql() -> bool:
    """The database is PostgreSQL (one database per process)."""
    return connection.vendor == "postgresql"


def db_instant(value: datetime | None):
    """An aware datetime as the database takes it (SQLite: naive UTC text, as Django stores it)."""
    if value is None or is_postgresql():
        return value
    return value.astimezone(UTC).replace(tzinfo=None).isoformat(" ")


def db_day(value: date | None):
    if value is None or is_postgresql():
        return value
    return value.isoformat()


def db_json(value) -> str | None:
    return None if value is None else json.dumps(value, ensure_ascii=False)


def write_rows(model: type[models.Model], names: list[str], rows: Iterable[tuple]) -> None:
    """Insert `rows` (tuples in the order of `names`) into the model's table."""
    table = connection.ops.quote_name(model._meta.db_table)
    quoted = ", ".join(connection.ops.quote_name(n) for n in names)
    with connection.cursor() as cursor:
        if is_postgresql():
            with cursor.cursor.copy(f"COPY {table} ({quoted}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
        else:
            marks = ", ".join(["%s"] * len(names))
            # Only model table and column names are interpolated; values are parameters.
            cursor.executemany(f"INSERT INTO {table} ({quoted}) VALUES ({marks})", list(rows))  # noqa: S608


def next_id(model: type[models.Model]) -> int:
    """The first primary key free after the table's largest one."""
    largest = model.objects.aggregate(m=models.Max("pk"))["m"]
    return (largest or 0) + 1


def reset_sequences(*models_: type[models.Model]) -> None:
    """After rows were written with explicit keys, make the next automatic key follow them."""
    statements = connection.ops.sequence_reset_sql(no_style(), list(models_))
    with connection.cursor() as cursor:
        for sql in statements:
            cursor.execute(sql)


def analyze() -> None:
    """Refresh the planner's statistics after a bulk load. On SQLite each index is sampled, not
    read whole (`analysis_limit`, as SQLite advises for large files): a full ANALYZE of 10M
    dossiers (27 GB) read the file at random for longer than the rest of the load."""
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("PRAGMA analysis_limit = 1000")
        cursor.execute("ANALYZE")
