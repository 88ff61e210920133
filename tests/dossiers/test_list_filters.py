"""The list's agency filter (API.md): dossiers filed with the agency or being processed there."""

from motcua.dossiers.models import Dossier
from tests.dossiers.helpers import submit
from tests.factories import make_staff


def test_agency_filter_takes_filed_and_handed_over_dossiers(
    api, procedure, commune, other_commune, department, province, receiver, other_receiver
):
    procedure.agencies.add(other_commune)
    filed = submit(api(receiver), procedure, commune)["code"]
    handed_over = submit(api(receiver), procedure, commune)["code"]
    Dossier.objects.filter(code=handed_over).update(current_agency=department)
    elsewhere = submit(api(other_receiver), procedure, other_commune)["code"]
    leader = api(make_staff("tinh", province, "approver"))

    def codes(agency: str) -> set[str]:
        response = leader.get("/api/v1/dossiers/", {"agency": agency})
        assert response.status_code == 200
        return {row["code"] for row in response.json()["results"]}

    assert codes(commune.code) == {filed, handed_over}
    assert codes(department.code) == {handed_over}
    assert codes(other_commune.code) == {elsewhere}
    assert codes("H99") == set()
