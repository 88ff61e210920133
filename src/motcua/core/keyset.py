"""Keyset ("cursor") pagination of a queryset by id, newest first, for server-rendered lists.

No COUNT and no OFFSET: a page is `id < after` (next) or `id > before` (previous) with LIMIT, so
it costs the same on the millionth row as on the first, given an index ending in the id.
"""

from dataclasses import dataclass

from django.db.models import QuerySet


@dataclass
class Page:
    items: list
    next_after: int | None  # the cursor of the next (older) page, if there is one
    previous_before: int | None  # the cursor of the previous (newer) page, if there is one


def keyset_page(
    queryset: QuerySet, *, size: int, after: int | None = None, before: int | None = None
) -> Page:
    """One page of at most `size` rows, newest first, after or before a cursor id."""
    if before is not None:
        rows = list(queryset.filter(id__gt=before).order_by("id")[: size + 1])
        newer = len(rows) > size
        rows = rows[:size][::-1]
        return Page(rows, rows[-1].id if rows else None, rows[0].id if newer and rows else None)
    if after is not None:
        queryset = queryset.filter(id__lt=after)
    rows = list(queryset.order_by("-id")[: size + 1])
    older = len(rows) > size
    rows = rows[:size]
    return Page(
        rows,
        rows[-1].id if older else None,
        rows[0].id if after is not None and rows else None,
    )


def cursor(value: str | None) -> int | None:
    """A cursor from the query string; anything but a positive integer is no cursor."""
    return int(value) if value and value.isdigit() and int(value) > 0 else None
