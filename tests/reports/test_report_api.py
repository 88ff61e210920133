"""GET /api/v1/reports/index-766/ and /tthc-statistics/: shapes of API.md, scope, periods."""

import pytest

from tests.factories import make_staff
from tests.integrations.helpers import run_effects
from tests.reports.helpers import desk, online, resolve

INDEX = "/api/v1/reports/index-766/"
STATISTICS = "/api/v1/reports/tthc-statistics/"
NOV = {"from": "2026-11-01", "to": "2026-11-30"}
STAT_KEYS = {
    "carried_over", "received_online", "received_offline", "resolved_early", "resolved_on_time",
    "resolved_late", "pending_within", "pending_overdue", "received_total", "resolved_total",
    "pending_total",
}  # fmt: skip


@pytest.fixture
def history(api, receiver, specialist, approver, procedure, commune, clock):
    resolve(api, receiver, specialist, approver, desk(api, receiver, procedure, commune))
    online(api, receiver, procedure, commune)
    run_effects()  # the worker brings the report facts in step


def test_index_766_has_the_six_groups_of_100_points(api, admin_user, history):
    body = api(admin_user).get(INDEX, NOV).json()

    assert [g["key"] for g in body["groups"]] == [
        "transparency", "progress", "online_service", "online_payment", "digitisation",
        "satisfaction",
    ]  # fmt: skip
    assert sum(g["max_points"] for g in body["groups"]) == 100
    assert body["total"] == pytest.approx(sum(g["points"] for g in body["groups"]))
    indicator = body["groups"][1]["indicators"][0]
    assert {"key", "name", "numerator", "denominator", "points", "max_points"} <= set(indicator)
    assert (indicator["key"], indicator["numerator"], indicator["denominator"]) == ("on_time", 2, 2)
    assert indicator["points"] == 20


def test_indicators_without_data_are_not_measured(api, admin_user, history):
    body = api(admin_user).get(INDEX, NOV).json()
    found = {i["key"]: i for g in body["groups"] for i in g["indicators"]}

    assert {k: found[k]["measured"] for k in ("petitions_on_time", "personal_store")} == {
        "petitions_on_time": False, "personal_store": False,
    }  # fmt: skip
    assert (found["petitions_on_time"]["points"], found["on_time"]["measured"]) == (None, True)
    assert found["online_share"]["measured"] is True
    measured = [i["max_points"] for i in found.values() if i["measured"]]
    assert body["measured_max"] == sum(measured) < 100
    assert [set(g) >= {"points", "max_points", "measured_max"} for g in body["groups"]] == [
        True
    ] * 6


def test_statistics_rows_per_field_and_totals(api, admin_user, history):
    body = api(admin_user).get(STATISTICS, NOV).json()

    (row,) = body["rows"]
    assert set(row) >= STAT_KEYS
    assert (row["level"], row["field"], row["field_name"]) == ("commune", "HT", "Hộ tịch")
    assert (row["received_online"], row["received_offline"], row["resolved_early"]) == (1, 1, 1)
    assert (body["received_total"], body["resolved_total"], body["pending_total"]) == (2, 1, 1)
    assert body["agency"] == "H44"


def test_an_officer_sees_own_agency_by_default_and_not_others(
    api, receiver, other_commune, history
):
    client = api(receiver)

    own = client.get(STATISTICS, NOV)
    other = client.get(STATISTICS, {**NOV, "agency": other_commune.code})
    above = client.get(INDEX, {**NOV, "agency": "H44"})

    assert own.status_code == 200 and own.json()["agency"] == "H44.189"
    assert own.json()["received_total"] == 2
    assert other.status_code == 403 and other.json()["code"] == "forbidden"
    assert above.status_code == 403


def test_the_other_commune_counts_none_of_these_dossiers(api, other_receiver, history):
    body = api(other_receiver).get(STATISTICS, NOV).json()

    assert (body["agency"], body["received_total"], body["rows"]) == ("H44.190", 0, [])


def test_an_auditor_of_the_province_sees_the_communes(api, commune, history):
    auditor = make_staff("thanhtra", commune.parent, "auditor")

    response = api(auditor).get(INDEX, {**NOV, "agency": commune.code})

    assert response.status_code == 200


@pytest.mark.parametrize(
    ("params", "field"),
    [({"from": "2026-13-01"}, "from"), ({"to": "hôm qua"}, "to"),
     ({"from": "2026-11-30", "to": "2026-11-01"}, "from")],
)  # fmt: skip
def test_bad_dates_are_refused_in_vietnamese(api, admin_user, params, field):
    response = api(admin_user).get(INDEX, params)

    assert response.status_code == 400
    assert field in response.json()["fields"]
    assert "kỳ báo cáo" in response.json()["detail"]


def test_unknown_agency_and_anonymous_viewer_are_refused(api, admin_user):
    assert api(admin_user).get(STATISTICS, {"agency": "H99"}).status_code == 404
    assert api().get(STATISTICS).status_code == 401
