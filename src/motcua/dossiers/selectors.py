"""Reads of dossiers, always scoped to what the user may see."""

from collections import namedtuple
from dataclasses import dataclass
from functools import cache

from django.db import connection
from django.db.models import F, Prefetch, Q, QuerySet, Subquery
from django.db.models.expressions import Col
from django.utils import timezone

from motcua.agencies.models import Agency
from motcua.agencies.selectors import scope_agencies
from motcua.catalog.models import Procedure
from motcua.core.errors import NotFound
from motcua.core.text import fold
from motcua.dossiers.actors import Actor, citizen_id_number
from motcua.dossiers.clock import overdue_q
from motcua.dossiers.models import Dossier, DossierEvent


def dossiers_visible_to(user) -> QuerySet[Dossier]:
    """Officers: the dossiers of their agencies, filed with them or being processed by them.

    Citizens: the dossiers filed in their own name.
    """
    dossiers = Dossier.objects.all()
    if user.is_superuser:
        return dossiers
    id_number = citizen_id_number(user)
    if id_number:
        return dossiers.filter(applicant_id_number=id_number)
    return dossiers_of_agencies(scope_agencies(user).values("id"))


def dossiers_of_agencies(ids: set[int] | QuerySet) -> QuerySet[Dossier]:
    """The dossiers filed with these agencies or being processed by them."""
    return Dossier.objects.filter(Q(agency_id__in=ids) | Q(current_agency_id__in=ids))


def dossier_list(user, *, status=None, agency=None, procedure=None, overdue=None, q=None):
    """Filtered list for officers (API.md: status, agency, procedure, overdue, q)."""
    return dossiers_filtered(
        dossiers_visible_to(user),
        status=status, agency=agency, procedure=procedure, overdue=overdue, q=q,
    )  # fmt: skip


def dossiers_filtered(
    dossiers: QuerySet[Dossier], *, status=None, agency=None, procedure=None, overdue=None, q=None
) -> QuerySet[Dossier]:
    """The list filters of API.md (status, agency, procedure, overdue, q) on a scoped queryset."""
    dossiers = dossiers.select_related("procedure", "agency")
    if status:
        dossiers = dossiers.filter(status=status)
    if agency:
        # The agency's key as a value the database reads once (a join to the agencies on either
        # side of the OR made it test every row: 50 ms instead of 8 at 1M dossiers).
        key = Subquery(Agency.objects.filter(code=agency).values("id")[:1])
        dossiers = dossiers.filter(Q(agency_id=key) | Q(current_agency_id=key))
    if procedure:
        dossiers = dossiers.filter(procedure__code=procedure)
    if overdue is not None:
        late = overdue_q(timezone.now())
        dossiers = dossiers.filter(late) if overdue else dossiers.exclude(late)
    if q and q.strip():
        q = q.strip()
        dossiers = dossiers.filter(Q(code=q) | Q(applicant_id_number=q) | search_q(q))
    return dossiers


def search_q(q: str) -> Q:
    """Dossiers where every word of `q` is in the code, the applicant's name or the procedure's
    code or name, diacritics and case ignored ("duong duc binh" finds Đường Đức Bình)."""
    match = Q()
    for word in fold(q).split():
        procedures = Procedure.objects.filter(search_text__contains=word).values("id")
        match &= Q(search_text__contains=word) | Q(procedure_id__in=procedures)
    return match


def with_row_labels(dossiers: QuerySet[Dossier]) -> QuerySet[Dossier]:
    """The procedure's code and name and the agency's code that a dossier row of the API shows,
    read as plain values in the dossier's query (no related instances to build per row)."""
    return dossiers.annotate(
        procedure_code=F("procedure__code"),
        procedure_name=F("procedure__name"),
        agency_code=F("agency__code"),
    )


def dossier_detail_queryset(dossiers: QuerySet[Dossier]) -> QuerySet[Dossier]:
    """Everything the detail view shows, in a fixed number of queries."""
    return dossiers.select_related("procedure", "agency", "current_agency").prefetch_related(
        Prefetch(
            "events",
            queryset=DossierEvent.objects.select_related("actor", "from_agency", "to_agency"),
        ),
        "fees",
        "payments",
        "documents",
        "results",
        "exchanges",
    )


# The lists of the API's dossier resource, each read by one constant statement into plain rows
# (named tuples): the ORM took longer to compile these queries and build their instances than
# the database took to answer them (bench: detail, lookup). A `*_agency_code` column is the code
# of the agency the row's `*_agency_id` points to.
RECORD_COLUMNS = {
    "events": ("action", "actor_label", "at", "from_status", "to_status", "note", "data",
               "from_agency_code", "to_agency_code"),
    "fees": ("name", "amount", "unit_amount", "condition", "included", "quantity"),
    "payments": ("amount", "method", "receipt_number", "paid_at"),
    "documents": ("name", "kind", "count", "source"),
    "results": ("kind", "number", "note", "electronic", "at"),
    "exchanges": ("system", "event", "state", "attempts", "last_error", "updated_at"),
}  # fmt: skip


@dataclass(frozen=True)
class _RecordsPlan:
    sql: str
    row: type
    # Per column that needs it: its position, the ORM's converters for it, the column they expect.
    converters: tuple[tuple[int, tuple, Col], ...]


@cache
def _records_plan(name: str) -> _RecordsPlan:
    model = Dossier._meta.get_field(name).related_model
    selected, converters = [], []
    for index, column in enumerate(RECORD_COLUMNS[name]):
        if column.endswith("_agency_code"):
            key = column.removesuffix("_code") + "_id"
            selected.append(f"(SELECT code FROM {Agency._meta.db_table} WHERE id = {key})")  # noqa: S608
            continue
        field = model._meta.get_field(column)
        selected.append(column)
        col = field.get_col(model._meta.db_table)  # what the ORM hands its converters
        found = connection.ops.get_db_converters(col) + field.get_db_converters(connection)
        if found:
            converters.append((index, tuple(found), col))
    sql = (f"SELECT {', '.join(selected)} FROM {model._meta.db_table} "  # noqa: S608
           "WHERE dossier_id = %s ORDER BY id")  # fmt: skip
    return _RecordsPlan(sql, namedtuple(f"{model.__name__}Row", RECORD_COLUMNS[name]),
                        tuple(converters))  # fmt: skip


def _record_rows(plan: _RecordsPlan, dossier_pk: int) -> list:
    with connection.cursor() as cursor:
        cursor.execute(plan.sql, [dossier_pk])
        rows = cursor.fetchall()
    if plan.converters:
        rows = [list(row) for row in rows]
        for row in rows:
            for index, functions, col in plan.converters:
                for function in functions:
                    row[index] = function(row[index], col, connection)
    return [plan.row(*row) for row in rows]


def dossier_with_records(
    dossier: Dossier, names: tuple[str, ...] = tuple(RECORD_COLUMNS)
) -> Dossier:
    """`dossier` with `records`: its timeline (with agency codes) and lists, oldest first, as
    rows of the columns above."""
    dossier.records = {name: _record_rows(_records_plan(name), dossier.pk) for name in names}
    return dossier


def dossier_for(user, code: str, queryset: QuerySet[Dossier] | None = None) -> Dossier:
    """One dossier the user may see, else NotFound (never tell that it exists elsewhere).

    `user` is a user or their `Actor` already built. `queryset` says what to read with it
    (joins, prefetches, a lock). The dossier is found by its code, then checked with
    `Actor.may_see`: nesting the scope in the query cost more than the rest of it (bench:
    detail). Without a user, `queryset` is itself the scope (partner systems).
    """
    found = (queryset if queryset is not None else Dossier.objects.all()).filter(code=code).first()
    return seen_by(user, found)


def seen_by(user, found: Dossier | None) -> Dossier:
    """`found` if there is one and the user (a user or their `Actor`), if any, may see it, else
    NotFound."""
    if found is None or (user is not None and not Actor.of(user).may_see(found)):
        raise NotFound("Không tìm thấy hồ sơ.")
    return found


# What the public lookup shows: status, dates, timeliness (`clock.timeliness`), where. One
# constant statement: building the equivalent ORM query and its three instances cost three
# times what the database takes to answer it (bench: lookup).
PUBLIC_COLUMNS = ("code", "status", "submitted_at", "received_at", "due_at", "original_due_at",
                  "clock_stopped_at", "completed_at", "returned_at", "extended",
                  "supplement_count")  # fmt: skip


@cache
def _public_sql() -> str:
    dossiers, procedures = Dossier._meta.db_table, Procedure._meta.db_table
    columns = ", ".join(f"d.{column}" for column in ("id", *PUBLIC_COLUMNS))
    return (
        f"SELECT {columns}, p.name AS procedure_name, a.name AS agency_name FROM {dossiers} d "  # noqa: S608
        f"JOIN {procedures} p ON p.id = d.procedure_id JOIN {Agency._meta.db_table} a "
        "ON a.id = d.agency_id WHERE d.code = %s AND d.applicant_id_number = %s"
    )


def dossier_public(code: str, id_number: str) -> Dossier:
    """Public lookup: the dossier only for whoever knows both its code and the applicant's ID.

    The columns above, `procedure_name`, `agency_name` and `records["events"]` (its timeline).
    Two statements; the lookup is the busiest public page.
    """
    found = list(Dossier.objects.raw(_public_sql(), [code, id_number])) if id_number else []
    if not found:
        raise NotFound("Không tìm thấy hồ sơ với mã và số định danh này.")
    return dossier_with_records(found[0], names=("events",))
