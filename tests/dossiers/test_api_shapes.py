"""The dossier resources write their fields directly (bench: list, detail); the declared fields
are what the OpenAPI document shows. Both must give the same body, key for key."""

import pytest
from rest_framework import serializers

from motcua.dossiers import selectors
from motcua.dossiers.api import (
    DossierListSerializer,
    DossierSerializer,
    EventSerializer,
    PublicDossierSerializer,
)
from motcua.dossiers.models import Dossier
from tests.dossiers.helpers import act, submit


def declared(serializer_class, instance) -> dict:
    """The body DRF builds field by field from the declarations."""
    return serializers.Serializer.to_representation(serializer_class(), instance)


@pytest.fixture
def dossier(api, procedure, commune, receiver) -> Dossier:
    code = act(api(receiver), submit(api(receiver), procedure, commune), "receive")["code"]
    found = selectors.with_row_labels(selectors.dossier_detail_queryset(Dossier.objects.all())).get(
        code=code
    )
    found = selectors.dossier_with_records(found)
    found.allowed = ["forward"]  # what `detail_response` sets for its reader
    return found


@pytest.mark.parametrize("serializer_class", [DossierListSerializer, DossierSerializer])
def test_written_body_equals_the_declared_fields(dossier, serializer_class):
    written = serializer_class(dossier).data
    assert written == declared(serializer_class, dossier)
    assert list(written) == list(serializer_class().fields)


def test_public_body_equals_the_declared_fields(dossier):
    found = selectors.dossier_public(dossier.code, dossier.applicant_id_number)
    written = PublicDossierSerializer(found).data
    assert written == declared(PublicDossierSerializer, found)
    assert list(written) == list(PublicDossierSerializer().fields)
    assert written["procedure"] == dossier.procedure.name and written["timeline"]


def test_timeline_events_carry_their_agencies_codes(dossier, commune):
    events = dossier.records["events"]
    assert [e.action for e in events] == ["submit", "receive"]
    for event in events:
        assert EventSerializer(event).data == declared(EventSerializer, event)
    assert EventSerializer(events[1]).data["to_agency"] == commune.code
    assert EventSerializer(events[0]).data["from_agency"] is None


def test_detail_reads_a_fixed_number_of_rows_sets(
    api, dossier, receiver, django_assert_num_queries
):
    """The dossier, the reader's roles, one statement per list (no query per row), and, as the
    dossier can move on, the steps of its internal process (who may forward it)."""
    with django_assert_num_queries(9):
        response = api(receiver).get(f"/api/v1/dossiers/{dossier.code}/")
    assert response.status_code == 200 and len(response.json()["timeline"]) == 2
