"""publish_on_time and update_on_time are measured from the catalogue's publication decisions,
in working days of the project's calendar; without any decision recorded they are not measured."""

from datetime import date

import pytest

from motcua.reports.indicators import index_766
from tests.factories import make_procedure

NOV = (date(2026, 11, 1), date(2026, 11, 16))


def found(agency, first=NOV[0], last=NOV[1]) -> dict:
    body = index_766(agency, first, last)
    return {i["key"]: i for i in body["groups"][0]["indicators"]}


def published(code, agency, decided, effective=None, on_national_db=None):
    return make_procedure(
        code, f"Thủ tục {code}", agencies=[agency], publication_decision=f"Quyết định {code}",
        published_on=decided, effective_on=effective, national_db_published_on=on_national_db,
    )  # fmt: skip


@pytest.fixture
def catalogue(commune, other_commune):
    published("1.000001", commune, date(2026, 11, 2), date(2026, 11, 9), date(2026, 11, 6))
    published("1.000002", commune, date(2026, 11, 3), date(2026, 11, 6), date(2026, 11, 12))
    published("1.000003", commune, date(2026, 10, 5), date(2026, 11, 1))  # decided before
    published("1.000004", commune, date(2026, 10, 30))  # due on the national DB on 6 Nov
    published("1.000005", commune, date(2026, 11, 4), None, date(2026, 11, 5))
    published("1.000006", other_commune, date(2026, 11, 2), date(2026, 11, 3))  # another unit
    make_procedure("1.000007", "Thủ tục chưa ghi quyết định", agencies=[commune])


def test_published_on_time_counts_decisions_of_the_period(catalogue, commune):
    publish = found(commune)["publish_on_time"]

    # 1.000001: 2 Nov + 5 working days = 9 Nov, the effective day; 1.000002 is late;
    # 1.000005 has no effective day recorded: not counted.
    assert publish["measured"] is True
    assert (publish["numerator"], publish["denominator"], publish["points"]) == (1, 2, 3.0)


def test_updated_on_time_counts_procedures_published_or_due_in_the_period(catalogue, commune):
    update = found(commune)["update_on_time"]

    # published in the period: 1.000001 (on time), 1.000002 (late: due 10 Nov),
    # 1.000005 (on time); due in the period and not published: 1.000004.
    assert (update["numerator"], update["denominator"]) == (2, 4)
    assert update["points"] == 2.0


def test_the_lead_time_is_a_setting(catalogue, commune, settings):
    settings.MOTCUA = {**settings.MOTCUA, "PUBLICATION_LEAD_DAYS": 3}

    publish = found(commune)["publish_on_time"]

    assert (publish["numerator"], publish["denominator"]) == (2, 2)


def test_working_days_skip_the_national_day(commune):
    # Fri 28 Aug 2026 + 5 working days: 3, 4, 7, 8, 9 Sep (31 Aug-2 Sep are holidays).
    published("1.000011", commune, date(2026, 8, 28), date(2026, 9, 4), date(2026, 9, 9))

    indicators = found(commune, date(2026, 8, 1), date(2026, 9, 30))

    assert indicators["publish_on_time"]["numerator"] == 0  # 4 Sep is too early
    assert indicators["update_on_time"]["numerator"] == 1  # 9 Sep is within the 5 days


def test_without_any_decision_recorded_they_are_not_measured(procedure, commune):
    indicators = found(commune)

    for key in ("publish_on_time", "update_on_time"):
        assert (indicators[key]["measured"], indicators[key]["points"]) == (False, None)
        assert "quyết định công bố" in indicators[key]["missing"]


def test_decisions_held_but_none_in_the_period_is_nothing_to_judge(commune):
    published("1.000021", commune, date(2025, 3, 3), date(2025, 4, 1), date(2025, 3, 4))

    publish = found(commune)["publish_on_time"]

    assert (publish["measured"], publish["denominator"], publish["points"]) == (True, 0, 6.0)
