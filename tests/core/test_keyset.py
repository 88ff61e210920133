"""Keyset pages walk a list newest first without gaps or repeats, both ways."""

from motcua.core.keyset import cursor, keyset_page
from motcua.core.models import CalendarDay


def test_pages_walk_forward_and_back(db):
    from datetime import date, timedelta

    CalendarDay.objects.bulk_create(
        CalendarDay(date=date(2026, 1, 1) + timedelta(days=i), kind="off", reason=str(i))
        for i in range(7)
    )
    ids = list(CalendarDay.objects.order_by("-id").values_list("id", flat=True))
    rows = CalendarDay.objects.all()
    first = keyset_page(rows, size=3)
    assert [r.id for r in first.items] == ids[:3]
    assert first.previous_before is None
    second = keyset_page(rows, size=3, after=first.next_after)
    assert [r.id for r in second.items] == ids[3:6]
    third = keyset_page(rows, size=3, after=second.next_after)
    assert [r.id for r in third.items] == ids[6:]
    assert third.next_after is None
    back = keyset_page(rows, size=3, before=third.previous_before)
    assert [r.id for r in back.items] == ids[3:6]
    assert keyset_page(rows, size=3, before=back.previous_before).previous_before is None


def test_cursors_from_the_query_string():
    assert cursor("42") == 42
    for bad in (None, "", "0", "-1", "abc", "1.5"):
        assert cursor(bad) is None
