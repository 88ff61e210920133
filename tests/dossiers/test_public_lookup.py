"""Public lookup by dossier code and ID number: status and timeline, no staff data."""

import pytest

from tests.dossiers.helpers import act, submit


@pytest.fixture
def dossier(api, procedure, commune, receiver):
    return act(api(receiver), submit(api(receiver), procedure, commune), "receive")


def test_code_and_id_number_show_status_and_timeline_without_staff(api, dossier):
    response = api().get(
        f"/api/v1/public/dossiers/{dossier['code']}/", {"id_number": "025190001234"}
    )
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "received" and body["status_label"] == "đã tiếp nhận"
    assert [e["action"] for e in body["timeline"]] == ["submit", "receive"]
    assert body["timeline"][1]["label"] == "Tiếp nhận hồ sơ"
    text = response.content.decode()
    assert "tiepnhan" not in text and "Nguyễn Thị Tiếp" not in text  # no staff names
    assert "0912345678" not in text  # nor the applicant's contact data


def test_wrong_id_number_or_missing_one_is_404(api, dossier):
    url = f"/api/v1/public/dossiers/{dossier['code']}/"
    assert api().get(url, {"id_number": "025190009999"}).status_code == 404
    assert api().get(url).status_code == 404
    assert (
        api().get("/api/v1/public/dossiers/H44.189-261116-9999/", {"id_number": "1"}).status_code
        == 404
    )


def test_guessing_is_throttled(api, dossier, settings):
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"public_lookup": "3/minute"},
    }
    url = f"/api/v1/public/dossiers/{dossier['code']}/"
    statuses = [api().get(url, {"id_number": str(n)}).status_code for n in range(5)]
    assert statuses == [404, 404, 404, 429, 429]


def test_dossier_list_costs_a_fixed_number_of_queries(
    api, procedure, commune, receiver, django_assert_max_num_queries
):
    client = api(receiver)
    for _ in range(3):
        submit(client, procedure, commune)
    with django_assert_max_num_queries(6):
        small = client.get("/api/v1/dossiers/?page_size=3")
    for _ in range(12):
        submit(client, procedure, commune)
    with django_assert_max_num_queries(6):
        large = client.get("/api/v1/dossiers/?page_size=15")
    assert len(small.json()["results"]) == 3 and len(large.json()["results"]) == 15


def test_lookup_reads_the_dossier_and_its_timeline_only(api, dossier, django_assert_num_queries):
    with django_assert_num_queries(2):
        response = api().get(
            f"/api/v1/public/dossiers/{dossier['code']}/", {"id_number": "025190001234"}
        )
    assert len(response.json()["timeline"]) == 2
