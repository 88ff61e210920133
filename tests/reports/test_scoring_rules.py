"""Points of a measured indicator from numerator/denominator by its data: linear, cap@T, info,
and what an empty denominator earns."""

from decimal import Decimal

import pytest

from motcua.reports.indicators import score
from motcua.reports.models import Indicator


def indicator(rule="linear", top="6", threshold=None, when_empty="full") -> Indicator:
    return Indicator(
        rule=rule,
        max_points=Decimal(top),
        threshold=Decimal(threshold) if threshold else None,
        when_empty=when_empty,
    )


@pytest.mark.parametrize(
    ("numerator", "denominator", "points"),
    [(0, 10, "0"), (5, 10, "3"), (10, 10, "6"), (1, 3, "2"), (12, 10, "6")],
)
def test_linear_is_max_times_ratio(numerator, denominator, points):
    assert score(indicator(), numerator, denominator) == Decimal(points)


@pytest.mark.parametrize(
    ("numerator", "denominator", "points"),
    [(25, 100, "3"), (50, 100, "6"), (90, 100, "6"), (0, 100, "0"), (40, 100, "4.8")],
)
def test_cap_gives_full_marks_from_the_threshold(numerator, denominator, points):
    assert score(indicator("cap", threshold="0.5"), numerator, denominator) == Decimal(points)


def test_info_indicators_are_not_scored():
    assert score(indicator("info", top="0"), 5, 10) == 0


def test_an_empty_denominator_of_a_measured_indicator_follows_its_when_empty_rule():
    assert score(indicator(when_empty="full"), 0, 0) == Decimal(6)
    assert score(indicator(when_empty="zero"), None, None) == 0
    assert score(indicator("cap", threshold="0.9", when_empty="zero"), 0, 0) == 0


def test_an_edited_row_changes_the_scoring(db):
    row = Indicator.objects.get(key="online_share")
    before = score(row, 30, 100)
    row.threshold, row.max_points = Decimal("0.3"), Decimal(8)

    assert before == Decimal("3.6")
    assert score(row, 30, 100) == Decimal(8)


def test_the_migration_loads_the_table_of_index_766(db):
    rows = Indicator.objects.select_related("group")

    assert rows.count() == 23
    assert sum(r.max_points for r in rows) == 100
    assert {r.key for r in rows if r.scope == "P"} == {
        "population_data_dossiers",
        "population_data_procedures",
    }
    satisfaction = rows.get(key="dossier_satisfaction")
    assert (satisfaction.rule, satisfaction.threshold, satisfaction.when_empty) == (
        "cap", Decimal("0.9"), "zero",
    )  # fmt: skip
