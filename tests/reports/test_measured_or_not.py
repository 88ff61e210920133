"""INDEX-766.md "Measured or not": an indicator whose data the system does not hold scores
nothing, and the total is given over 100 and over the measured maximum."""

from datetime import date
from decimal import Decimal

import pytest

from motcua.reports.indicators import index_766
from motcua.reports.models import Indicator
from tests.integrations.helpers import run_effects
from tests.reports.helpers import desk

NOV = (date(2026, 11, 1), date(2026, 11, 16))
NEVER_HELD = {"certified_copy", "personal_store", "petitions_on_time", "petitions_satisfied"}


def by_key(body: dict) -> dict:
    return {i["key"]: i for g in body["groups"] for i in g["indicators"]}


@pytest.fixture
def body(api, receiver, procedure, commune, province, clock):
    desk(api, receiver, procedure, commune)
    run_effects()
    return index_766(province, *NOV)


def test_an_indicator_without_data_scores_nothing_and_says_what_is_missing(body):
    found = by_key(body)

    for key in NEVER_HELD:
        assert found[key]["measured"] is False, key
        assert found[key]["points"] is None, key
        assert found[key]["numerator"] is None and found[key]["denominator"] is None
        assert found[key]["missing"], key
    assert found["online_share"]["measured"] is True
    assert found["online_share"]["missing"] == ""


def test_petitions_are_not_given_full_marks_when_the_system_holds_none(body):
    petitions = Indicator.objects.get(key="petitions_on_time")

    assert petitions.when_empty == Indicator.WhenEmpty.FULL  # the portal's rule stays as data
    assert by_key(body)["petitions_on_time"]["points"] is None
    satisfaction = next(g for g in body["groups"] if g["key"] == "satisfaction")
    assert satisfaction["points"] == by_key(body)["dossier_satisfaction"]["points"]


def test_the_measured_maximum_sums_the_measured_indicators(body):
    found = by_key(body)
    measured = [i for i in found.values() if i["measured"]]

    assert body["measured_max"] == sum(i["max_points"] for i in measured)
    assert body["measured_max"] < 100
    for group in body["groups"]:
        mine = [i for i in group["indicators"] if i["measured"]]
        assert group["measured_max"] == sum(i["max_points"] for i in mine)
        assert group["points"] == pytest.approx(sum(i["points"] for i in mine))
    assert body["total"] == pytest.approx(sum(i["points"] for i in measured))
    assert body["total"] <= body["measured_max"]


def test_full_marks_for_an_empty_denominator_only_when_measured(body):
    found = by_key(body)

    # measured and empty: no dossier of a paper-result procedure resolved yet
    assert found["electronic_result"]["measured"] is True
    assert found["electronic_result"]["denominator"] == 0
    assert found["electronic_result"]["points"] == 6.0


def test_an_edited_when_empty_rule_of_a_measured_indicator_is_followed(
    api, receiver, procedure, commune, province, clock
):
    Indicator.objects.filter(key="electronic_result").update(when_empty="zero")

    found = by_key(index_766(province, *NOV))["electronic_result"]

    assert (found["denominator"], found["points"]) == (0, 0.0)


def test_province_only_indicators_are_not_measured_for_a_commune(commune, province, clock):
    for_commune = index_766(commune, *NOV)
    indicator = by_key(for_commune)["population_data_dossiers"]

    assert (indicator["measured"], indicator["points"]) == (False, None)
    assert "cấp tỉnh" in indicator["missing"]
    assert Decimal(str(for_commune["measured_max"])) == sum(
        Decimal(str(i["max_points"])) for i in by_key(for_commune).values() if i["measured"]
    )
