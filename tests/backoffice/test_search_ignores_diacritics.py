"""The worklist and the API's `?q=` find a dossier without its diacritics, in any case."""

from importlib import import_module

import pytest
from django.apps import apps

from motcua.dossiers.models import Dossier
from tests.backoffice.helpers import file_dossier, office
from tests.backoffice.test_worklist import codes
from tests.factories import make_procedure


@pytest.fixture
def dossiers(clock, procedure, commune, other_commune, receiver):
    death = make_procedure("1.000656", "Đăng ký khai tử", agencies=[commune])
    return {
        "binh": file_dossier(receiver, procedure, commune, channel="desk",
                             full_name="Đường Đức Bình", id_number="025190000001"),
        "tam": file_dossier(receiver, death, commune, channel="desk", full_name="Lê Văn Tâm",
                            id_number="025190000002"),
    }  # fmt: skip


@pytest.mark.parametrize(
    "query, expected",
    [
        ("duong duc binh", {"binh"}),
        ("DUONG DUC", {"binh"}),
        ("Đường Đức Bình", {"binh"}),
        ("duc binh khai sinh", {"binh"}),  # the name and the procedure's name together
        ("khai tu", {"tam"}),
        ("1.000656", {"tam"}),
        ("le van tam", {"tam"}),
        ("dang ky", {"binh", "tam"}),
        ("duong tam", set()),
    ],
)
def test_worklist_search(dossiers, receiver, query, expected):
    found = codes(office(receiver).get("/mot-cua/", {"q": query}))
    assert set(found) == {dossiers[key].code for key in expected}


def test_the_code_is_found_in_lower_case(dossiers, receiver):
    code = dossiers["tam"].code
    assert codes(office(receiver).get("/mot-cua/", {"q": code.lower()})) == [code]


def test_api_list_search(api, dossiers, receiver):
    response = api(receiver).get("/api/v1/dossiers/", {"q": "duong duc binh"})

    assert response.status_code == 200
    assert [row["code"] for row in response.json()["results"]] == [dossiers["binh"].code]


def test_the_migration_fills_existing_dossiers(dossiers, receiver):
    Dossier.objects.update(search_text="")
    migration = import_module("motcua.dossiers.migrations.0006_dossier_search_text")
    migration.fill_search_text(apps, None)

    assert Dossier.objects.get(pk=dossiers["binh"].pk).search_text.endswith("duong duc binh")
    assert codes(office(receiver).get("/mot-cua/", {"q": "duong"})) == [dossiers["binh"].code]
