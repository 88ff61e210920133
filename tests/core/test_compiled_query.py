"""A queryset compiled once gives, for each value, what the queryset itself would have given."""

import pytest
from django.db.models import Count, OuterRef, Q, Subquery

from motcua.core.compiled import CompiledQuery
from motcua.dossiers.models import Dossier, DossierEvent
from tests.dossiers.helpers import act, submit


def annotated(pk: int):
    last_event = DossierEvent.objects.filter(dossier=OuterRef("pk")).order_by("-id")
    dossiers = Dossier.objects.select_related("agency", "procedure__field").only(
        "code", "status", "due_at", "agency__code", "procedure__code", "procedure__field__name"
    )
    return dossiers.filter(pk=pk).annotate(
        last_at=Subquery(last_event.values("at")[:1]), events_count=Count("events")
    )


def test_each_value_gives_the_querysets_own_instance(
    api, procedure, commune, receiver, django_assert_num_queries
):
    desk = api(receiver)
    first = submit(desk, procedure, commune, channel="online")
    act(desk, first, "receive")
    second = submit(desk, procedure, commune, channel="desk")
    prepared = CompiledQuery(annotated(-1), -1)
    for code in (first["code"], second["code"]):
        expected = annotated(Dossier.objects.get(code=code).pk).get()
        got = prepared.first(expected.pk)
        read = ["id", "code", "status", "due_at", "agency_id", "procedure_id"]
        assert got.get_deferred_fields() == expected.get_deferred_fields()
        assert [getattr(got, name) for name in read] == [getattr(expected, name) for name in read]
        with django_assert_num_queries(0):
            assert got.agency.code == expected.agency.code
            assert got.procedure.field.name == expected.procedure.field.name
        assert (got.last_at, got.events_count) == (expected.last_at, expected.events_count)
        assert got.last_at.tzinfo is not None  # converted as the ORM does, on SQLite too
        assert not got._state.adding
    assert prepared.first(0) is None


def test_what_it_cannot_stand_for_is_refused(db):
    with pytest.raises(ValueError):
        CompiledQuery(Dossier.objects.prefetch_related("events").filter(pk=-1), -1)
    with pytest.raises(ValueError):
        CompiledQuery(Dossier.objects.filter(Q(pk=-1) | Q(agency=-1)), -1)  # which one?
    with pytest.raises(ValueError):
        CompiledQuery(Dossier.objects.filter(pk=5), -1)


def test_rows_of_a_values_query_with_several_placeholders(api, procedure, commune, receiver):
    desk = api(receiver)
    for channel in ("online", "desk", "desk"):
        submit(desk, procedure, commune, channel=channel)
    dossiers = Dossier.objects.order_by("id").values_list("code", "submitted_at")
    prepared = CompiledQuery(dossiers.filter(agency=-1, channel="<kênh>"), -1, "<kênh>")
    for channel in ("online", "desk", "post"):
        expected = list(dossiers.filter(agency=commune, channel=channel))
        got = prepared.rows(commune.pk, channel)
        assert got == expected
        assert all(at.tzinfo is not None for _code, at in got)  # converted as the ORM does
    assert len(prepared.rows(commune.pk, "desk")) == 2
    with pytest.raises(TypeError):
        prepared.first(commune.pk, "desk")  # rows, not instances
    with pytest.raises(ValueError):
        prepared.rows(commune.pk)  # one value per placeholder
