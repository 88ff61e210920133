"""Each 766 indicator counted from dossiers is computed from small crafted histories."""

from datetime import date

import pytest

from motcua.catalog.models import Procedure
from motcua.dossiers import services
from motcua.dossiers.ratings import Criterion
from motcua.reports.indicators import index_766
from tests.dossiers.helpers import act
from tests.factories import make_procedure
from tests.integrations.helpers import run_effects
from tests.reports.helpers import desk, online, resolve

NOV = (date(2026, 11, 1), date(2026, 11, 16))


def indicators(agency) -> dict:
    run_effects()  # the worker brings the report facts in step
    body = index_766(agency, *NOV)
    return {i["key"]: i for g in body["groups"] for i in g["indicators"]}


@pytest.fixture
def people(api, receiver, specialist, approver):
    return api, receiver, specialist, approver


def test_online_share_is_capped_at_half(people, procedure, commune, province, clock):
    api, receiver, *_ = people
    online(api, receiver, procedure, commune)
    desk(api, receiver, procedure, commune)
    desk(api, receiver, procedure, commune)

    share = indicators(province)["online_share"]

    assert (share["numerator"], share["denominator"]) == (1, 3)
    assert share["points"] == 4.0  # 6 × (1/3) / 0.5


def test_on_time_counts_results_in_time_and_dossiers_pending_in_time(
    people, procedure, commune, province, clock
):
    api, receiver, *_ = people
    late = desk(api, receiver, procedure, commune)
    clock.set(clock.now.replace(day=20))
    resolve(*people, late)
    desk(api, receiver, procedure, commune)  # received on the 20th, pending in time

    run_effects()
    body = index_766(province, date(2026, 11, 1), date(2026, 11, 20))
    on_time = body["groups"][1]["indicators"][0]

    assert (on_time["numerator"], on_time["denominator"], on_time["points"]) == (1, 2, 10.0)


def test_online_payment_indicators(people, procedure, commune, province, clock):
    api, receiver, specialist, _ = people
    for method in ("online", "desk"):
        dossier = act(api(receiver), desk(api, receiver, procedure, commune), "forward")
        dossier = act(api(specialist), dossier, "request_payment")
        act(api(specialist), dossier, "record_payment", amount=8000, method=method)
    make_procedure("1.000656", "Chứng thực bản sao", agencies=[commune])  # no fee

    found = indicators(province)

    assert (found["payment_share"]["numerator"], found["payment_share"]["denominator"]) == (1, 2)
    assert (found["payment_used"]["numerator"], found["payment_used"]["denominator"]) == (1, 1)
    assert found["payment_integrated"]["denominator"] == 1


def test_electronic_results_of_paper_result_procedures(people, procedure, commune, province, clock):
    api, receiver, specialist, approver = people
    for electronic in (True, False):
        dossier = act(api(receiver), desk(api, receiver, procedure, commune), "forward")
        dossier = act(api(specialist), dossier, "forward")
        act(api(approver), dossier, "approve", electronic=electronic)

    found = indicators(province)["electronic_result"]

    assert (found["numerator"], found["denominator"], found["points"]) == (1, 2, 3.0)


def test_reuse_of_digitised_data(receiver, procedure, commune, province, clock):
    documents = [{"name": "Giấy khai sinh", "source": "national_data"}]
    applicant = {"id_number": "025190001234", "full_name": "Phạm Thị Hồng Nhung"}
    for docs in (documents, []):
        services.dossier_submit(
            actor=receiver, procedure=procedure, agency=commune, channel="desk",
            applicant=applicant, documents=docs,
        )  # fmt: skip

    found = indicators(province)["reuse"]

    assert (found["numerator"], found["denominator"]) == (1, 2)


def test_satisfaction_falls_with_late_results_and_dislikes(
    people, procedure, commune, province, clock
):
    api, receiver, *_ = people
    for rating in ("satisfied", "dissatisfied"):
        dossier = resolve(*people, desk(api, receiver, procedure, commune))
        dossier = act(api(receiver), dossier, "return_result")
        act(
            api(receiver),
            dossier,
            "rate",
            rating={**dict.fromkeys(Criterion.values, "satisfied"), "attitude": rating},
        )

    found = indicators(province)["dossier_satisfaction"]

    assert (found["numerator"], found["denominator"]) == (1, 2)
    assert found["points"] == pytest.approx(6 * 0.5 / 0.9, abs=0.01)


def test_satisfaction_without_dossiers_scores_zero_and_petitions_are_not_measured(province, clock):
    found = indicators(province)

    assert found["dossier_satisfaction"]["points"] == 0
    assert found["petitions_on_time"]["points"] is None  # no petitions module: not full marks
    assert found["petitions_on_time"]["measured"] is False


def test_catalogue_indicators(procedure, commune, province):
    make_procedure("1.000001", "Thủ tục chỉ cung cấp thông tin", agencies=[commune],
                   online_level=Procedure.OnlineLevel.INFO, steps="Bước 1")  # fmt: skip

    found = indicators(province)

    assert (found["online_offered"]["numerator"], found["online_offered"]["denominator"]) == (1, 2)
    assert found["online_used"]["denominator"] == 1
    assert (found["content_complete"]["numerator"], found["content_complete"]["denominator"]) == (
        1, 2,
    )  # fmt: skip


def test_province_only_indicators_do_not_apply_to_a_commune(commune, province, clock):
    for_commune = indicators(commune)["population_data_dossiers"]
    for_province = indicators(province)["population_data_dossiers"]

    assert for_commune["measured"] is False
    assert for_province["missing"] != for_commune["missing"]


def test_average_time_is_information_only(people, procedure, commune, province, clock):
    dossier = desk(people[0], people[1], procedure, commune)
    clock.advance(hours=6)
    resolve(*people, dossier)

    found = indicators(province)["average_time"]

    assert (found["numerator"], found["denominator"], found["points"]) == (0.25, 1, 0)
