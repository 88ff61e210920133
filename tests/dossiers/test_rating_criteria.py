"""One enumeration of the rating's criteria and levels: the service refuses anything else, the
stored ratings of the old key sets are mapped to it, and the 766 satisfaction figure reads it."""

from datetime import date
from importlib import import_module

import pytest

from motcua.dossiers.models import Dossier
from motcua.dossiers.ratings import Criterion, Level
from motcua.reports.indicators import index_766
from tests.dossiers.helpers import act, submit
from tests.integrations.helpers import run_effects
from tests.reports.helpers import resolve

EVERY = dict.fromkeys(Criterion.values, Level.SATISFIED.value)


@pytest.fixture
def returned(api, clock, procedure, commune, receiver, specialist, approver):
    """A dossier whose result was returned: it may be rated."""

    def make() -> dict:
        dossier = submit(api(receiver), procedure, commune, channel="desk")
        dossier = resolve(api, receiver, specialist, approver, dossier)
        return act(api(receiver), dossier, "return_result")

    return make


@pytest.mark.parametrize(
    ("rating", "field"),
    [
        ({**EVERY, "tiep_nhan": "satisfied"}, "rating.tiep_nhan"),  # an old key
        ({**EVERY, "receipt": "great"}, "rating.receipt"),  # not a level
        ({k: v for k, v in EVERY.items() if k != "attitude"}, "rating.attitude"),  # missing
        ({}, "rating"),
    ],
)
def test_the_service_refuses_other_criteria_and_levels(api, returned, receiver, rating, field):
    dossier = returned()

    refused = act(api(receiver), dossier, "rate", expect=422, rating=rating)

    assert refused["code"] == "invalid_rating"
    assert "tiêu chí" in refused["detail"]
    assert field in refused["fields"]
    assert Dossier.objects.get(code=dossier["code"]).rating is None


def test_a_rating_of_every_criterion_is_stored(api, returned, receiver):
    rated = act(api(receiver), returned(), "rate", rating={**EVERY, "result": "neutral"})

    assert rated["rating"] == {**EVERY, "result": "neutral"}


def test_the_migration_maps_every_old_key_set():
    migration = import_module("motcua.dossiers.migrations.0003_rating_criteria")

    def mapped(rating: dict) -> tuple[dict | None, set[str]]:
        return migration.mapped_rating(rating)

    assert mapped(
        {"tiep_nhan": "satisfied", "giai_quyet": "neutral", "tra_ket_qua": "dissatisfied"}
    ) == (
        {"receipt": "satisfied", "processing": "neutral", "result": "dissatisfied"},
        set(),
    )  # fmt: skip  (the back office's form)
    assert mapped({"receipt": "neutral", "processing": "satisfied", "result": "satisfied"}) == (
        {"receipt": "neutral", "processing": "satisfied", "result": "satisfied"},
        set(),
    )  # the citizen portal's form
    assert mapped(
        {
            "tiep_nhan": "satisfied",
            "thoi_gian": "dissatisfied",
            "thai_do": "neutral",
            "ket_qua": "satisfied",
        }
    ) == (
        {
            "receipt": "satisfied",
            "processing": "dissatisfied",
            "attitude": "neutral",
            "result": "satisfied",
        },
        set(),
    )  # fmt: skip  (the demo simulation and the bench generator)
    assert mapped({"tiep_nhan": "satisfied", "xu_ly": "neutral", "a": "great"}) == (
        {"receipt": "satisfied"},
        {"xu_ly", "a"},
    )  # unknown keys are dropped and named
    assert mapped({"receipt": "satisfied", "tiep_nhan": "dissatisfied"}) == (
        {"receipt": "dissatisfied"},
        set(),
    )  # two keys of one criterion: the less satisfied level is kept
    assert mapped({"thai_do": "great"}) == (None, {"thai_do"})  # nothing left: not rated


def test_the_satisfaction_figure_counts_a_dissatisfied_rating(api, returned, receiver, province):
    act(api(receiver), returned(), "rate", rating=EVERY)
    act(api(receiver), returned(), "rate", rating={**EVERY, "attitude": "dissatisfied"})

    run_effects()  # the worker brings the report facts in step
    body = index_766(province, date(2026, 11, 1), date(2026, 11, 16))
    found = {i["key"]: i for g in body["groups"] for i in g["indicators"]}["dossier_satisfaction"]

    assert (found["numerator"], found["denominator"]) == (1, 2)


def test_the_migration_rewrites_the_stored_ratings(api, returned, receiver, capsys):
    from django.apps import apps

    migration = import_module("motcua.dossiers.migrations.0003_rating_criteria")
    old, unknown = returned(), returned()
    Dossier.objects.filter(code=old["code"]).update(rating={"tiep_nhan": "satisfied",
                                                            "thai_do": "dissatisfied"})  # fmt: skip
    Dossier.objects.filter(code=unknown["code"]).update(rating={"xu_ly": "neutral"})

    migration.forwards(apps, None)

    assert Dossier.objects.get(code=old["code"]).rating == {
        "receipt": "satisfied", "attitude": "dissatisfied"
    }  # fmt: skip
    assert Dossier.objects.get(code=unknown["code"]).rating is None
    assert "xu_ly" in capsys.readouterr().out


def test_the_officer_form_gives_every_criterion_to_the_service():
    from motcua.backoffice.action_forms import RatingForm

    form = RatingForm({"rate-version": 3, **{f"rate-{key}": "neutral" for key in EVERY}},
                      action="rate")  # fmt: skip

    assert form.is_valid(), form.errors
    assert form.params()["rating"] == dict.fromkeys(Criterion.values, "neutral")
    assert RatingForm(action="rate")["receipt"].field.choices == Level.choices
