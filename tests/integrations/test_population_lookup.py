"""Officers look citizens up in the population database (its simulator over HTTP), logged."""

import pytest

from motcua.core.audit import audit_verify
from motcua.integrations.models import PopulationLookup
from tests.dossiers.helpers import submit
from tests.simulators.processes import connect_population

NHUNG = "025190001234"  # a demo citizen of the simulator


@pytest.fixture
def connected(settings, population):
    return connect_population(settings, population)


def lookup(client, id_number: str, **params):
    return client.get(f"/api/v1/citizens/{id_number}/", {"purpose": "Điền tờ khai", **params})


def test_a_receiver_prefills_from_the_population_database_and_the_lookup_is_logged(
    api, procedure, commune, receiver, connected
):
    dossier = submit(api(receiver), procedure, commune, channel="desk")
    response = lookup(api(receiver), NHUNG, dossier=dossier["code"])
    assert response.status_code == 200, response.content
    assert response.json()["full_name"] == "Phạm Thị Hồng Nhung"
    assert response.json()["sex"] == "Nữ"
    logged = PopulationLookup.objects.get()
    assert (logged.officer, logged.id_number, logged.dossier.code, logged.outcome) == (
        receiver, NHUNG, dossier["code"], "found",
    )  # fmt: skip
    assert logged.purpose == "Điền tờ khai"
    assert audit_verify()[1] is None


def test_unknown_citizens_and_bad_requests(api, receiver, connected):
    client = api(receiver)
    assert lookup(client, "025199999999").status_code == 404
    assert lookup(client, "12345").status_code == 422
    assert client.get(f"/api/v1/citizens/{NHUNG}/").status_code == 422  # no purpose
    assert PopulationLookup.objects.get().outcome == "not_found"  # refused ones never asked


def test_lookups_are_for_officers_of_the_dossier_only(
    api, procedure, commune, receiver, other_receiver, admin_user, connected
):
    dossier = submit(api(receiver), procedure, commune, channel="desk")
    assert lookup(api(other_receiver), NHUNG, dossier=dossier["code"]).status_code == 404
    assert lookup(api(admin_user), NHUNG).status_code == 403  # administrators do not look up
    assert lookup(api(), NHUNG).status_code == 401
    assert not PopulationLookup.objects.exists()


def test_lookups_are_rate_limited_per_officer(api, receiver, specialist, connected, settings):
    settings.MOTCUA = {**settings.MOTCUA, "POPULATION_LOOKUPS_PER_MINUTE": 2}
    statuses = [lookup(api(receiver), NHUNG).status_code for _ in range(3)]
    assert statuses == [200, 200, 429]
    assert lookup(api(specialist), NHUNG).status_code == 200  # another officer's own budget


def test_a_database_that_is_down_is_a_503_and_still_logged(api, receiver, connected):
    connected.stop()
    response = lookup(api(receiver), NHUNG)
    assert response.status_code == 503
    assert response.json()["code"] == "population_down"
    assert "chưa trả lời" in response.json()["detail"]
    assert PopulationLookup.objects.get().outcome == "failed"
