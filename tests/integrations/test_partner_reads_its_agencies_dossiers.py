"""A partner system reads the dossiers of its agencies only, with the right scope, within its
rate limit; staff tokens and partner tokens never stand in for each other."""

from datetime import timedelta

import pytest
from django.utils import timezone

from motcua.integrations.models import PartnerToken
from motcua.integrations.services import partner_client_rotate_secret, partner_client_update
from tests.dossiers.helpers import submit
from tests.factories import PASSWORD
from tests.integrations.partners import ask_token, bearer, make_partner

URL = "/api/v1/partner/dossiers/"


def token_for(api, client, secret, **form) -> str:
    response = ask_token(api(), client.client_id, secret, **form)
    assert response.status_code == 200, response.content
    return response.json()["access_token"]


@pytest.fixture
def dossiers(api, procedure, commune, other_commune, receiver, other_receiver):
    """One dossier filed with each commune."""
    return submit(api(receiver), procedure, commune), submit(
        api(other_receiver), procedure, other_commune
    )


@pytest.fixture
def partner(admin_user, commune):
    return make_partner(admin_user, [commune])


def test_a_partner_sees_only_its_agencies_dossiers(api, partner, dossiers):
    mine, theirs = dossiers
    client = bearer(api(), token_for(api, *partner))
    listed = client.get(URL)
    assert listed.status_code == 200, listed.content
    assert [d["code"] for d in listed.json()["results"]] == [mine["code"]]
    detail = client.get(f"{URL}{mine['code']}/")
    assert detail.status_code == 200
    assert detail.json()["applicant"]["full_name"] == "Phạm Thị Hồng Nhung"  # officers' serializer
    assert [e["action"] for e in detail.json()["timeline"]] == ["submit"]
    assert detail.json()["allowed_actions"] == []  # a partner system reads, never acts
    refused = client.get(f"{URL}{theirs['code']}/")
    assert (refused.status_code, refused.json()["code"]) == (404, "not_found")


def test_the_partner_list_takes_the_officers_filters(api, partner, dossiers):
    client = bearer(api(), token_for(api, *partner))
    assert client.get(URL, {"status": "received"}).json()["results"] == []
    assert len(client.get(URL, {"status": "submitted"}).json()["results"]) == 1
    assert client.get(URL, {"status": "nonsense"}).status_code == 422


def test_a_province_wide_partner_sees_the_units_below(api, admin_user, province, dossiers):
    client = bearer(api(), token_for(api, *make_partner(admin_user, [province])))
    assert len(client.get(URL).json()["results"]) == 2


def test_a_token_without_the_scope_is_forbidden(api, admin_user, commune, dossiers):
    reports_only = make_partner(admin_user, [commune], scopes=["reports:read"])
    response = bearer(api(), token_for(api, *reports_only)).get(URL)
    assert response.status_code == 403
    assert response.json()["code"] == "insufficient_scope"
    assert "dossiers:read" in response.json()["detail"]
    narrowed = make_partner(admin_user, [commune], scopes=["dossiers:read", "reports:read"])
    token = token_for(api, *narrowed, scope="reports:read")
    assert bearer(api(), token).get(URL).status_code == 403


def test_no_forged_or_expired_token_gets_in(api, partner, dossiers):
    assert api().get(URL).status_code == 401
    forged = bearer(api(), "mcp_" + "x" * 43).get(URL)
    assert (forged.status_code, forged.json()["code"]) == (401, "authentication_failed")
    assert forged["WWW-Authenticate"].startswith("Bearer")
    token = token_for(api, *partner)
    PartnerToken.objects.update(expires_at=timezone.now() - timedelta(seconds=1))
    assert bearer(api(), token).get(URL).status_code == 401


def test_deactivating_or_rotating_ends_the_tokens(api, admin_user, commune, partner, dossiers):
    client, secret = partner
    token = token_for(api, client, secret)
    partner_client_update(
        actor=admin_user, client=client, name=client.name, scopes=client.scopes,
        rate_limit=client.rate_limit, agencies=[commune], is_active=False,
    )  # fmt: skip
    assert bearer(api(), token).get(URL).status_code == 401
    partner_client_update(
        actor=admin_user, client=client, name=client.name, scopes=client.scopes,
        rate_limit=client.rate_limit, agencies=[commune], is_active=True,
    )  # fmt: skip
    assert bearer(api(), token).get(URL).status_code == 200
    new_secret = partner_client_rotate_secret(actor=admin_user, client=client)
    assert bearer(api(), token).get(URL).status_code == 401
    assert ask_token(api(), client.client_id, secret).status_code == 401
    assert bearer(api(), token_for(api, client, new_secret)).get(URL).status_code == 200


def test_staff_and_partner_tokens_do_not_mix(api, partner, receiver, dossiers):
    staff = (
        api()
        .post("/api/v1/auth/token/", {"username": "tiepnhan", "password": PASSWORD}, format="json")
        .json()["access"]
    )
    assert bearer(api(), staff).get(URL).status_code == 401  # a JWT is no partner token
    assert bearer(api(), staff).get("/api/v1/dossiers/").status_code == 200  # still works there
    token = token_for(api, *partner)
    assert bearer(api(), token).get("/api/v1/dossiers/").status_code == 401
    assert bearer(api(), token).get("/api/v1/agencies/").status_code == 401


def test_the_rate_limit_is_per_client_and_from_its_row(api, admin_user, commune, dossiers):
    slow = bearer(api(), token_for(api, *make_partner(admin_user, [commune], rate_limit=2)))
    statuses = [slow.get(URL).status_code for _ in range(3)]
    assert statuses == [200, 200, 429]
    refused = slow.get(URL)
    assert refused.json()["code"] == "throttled"
    assert "Quá nhiều yêu cầu" in refused.json()["detail"]
    assert int(refused["Retry-After"]) > 0
    other = bearer(api(), token_for(api, *make_partner(admin_user, [commune], rate_limit=2)))
    assert other.get(URL).status_code == 200  # another client's own budget


def test_only_an_administrator_above_its_agencies_registers_a_partner(
    api, commune, other_commune, other_receiver
):
    from motcua.core.errors import Forbidden
    from tests.factories import make_staff

    commune_admin = make_staff("qtxa", other_commune, "admin")
    with pytest.raises(Forbidden):
        make_partner(commune_admin, [commune])
    with pytest.raises(Forbidden):
        make_partner(other_receiver, [other_commune])
    client, _ = make_partner(commune_admin, [other_commune])
    assert list(client.agencies.all()) == [other_commune]
