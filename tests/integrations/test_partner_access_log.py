"""Every request of a partner system is in the access log, refused ones included."""

from motcua.integrations.models import PartnerRequest
from tests.dossiers.helpers import submit
from tests.integrations.partners import TOKEN_URL, ask_token, bearer, make_partner

URL = "/api/v1/partner/dossiers/"


def test_token_requests_and_reads_are_logged_with_their_client(
    api, admin_user, commune, procedure, receiver
):
    dossier = submit(api(receiver), procedure, commune)
    client, secret = make_partner(admin_user, [commune])
    ask_token(api(), client.client_id, secret + "x")  # refused: client unknown to the log
    token = ask_token(api(), client.client_id, secret).json()["access_token"]
    reader = bearer(api(), token)
    reader.get(URL, REMOTE_ADDR="203.0.113.7")
    reader.get(f"{URL}{dossier['code']}/")
    reader.get(f"{URL}H44.190-261116-9999/")
    bearer(api(), "mcp_forged").get(URL)
    api().get(URL)  # no token at all, still a request to the partner API

    rows = list(PartnerRequest.objects.order_by("id"))
    assert [(r.client, r.method, r.path, r.status) for r in rows] == [
        (None, "POST", TOKEN_URL, 401),
        (client, "POST", TOKEN_URL, 200),
        (client, "GET", URL, 200),
        (client, "GET", f"{URL}{dossier['code']}/", 200),
        (client, "GET", f"{URL}H44.190-261116-9999/", 404),
        (None, "GET", URL, 401),
        (None, "GET", URL, 401),
    ]
    assert rows[2].remote_addr == "203.0.113.7"
    assert all(r.at is not None and r.duration_ms >= 0 for r in rows)


def test_a_partner_token_on_a_staff_endpoint_is_logged_too(api, admin_user, commune):
    client, secret = make_partner(admin_user, [commune])
    token = ask_token(api(), client.client_id, secret).json()["access_token"]
    assert bearer(api(), token).get("/api/v1/agencies/").status_code == 401
    assert PartnerRequest.objects.filter(path="/api/v1/agencies/", status=401).count() == 1


def test_staff_requests_are_not_in_the_partner_log(api, receiver):
    api(receiver).get("/api/v1/dossiers/")
    assert not PartnerRequest.objects.exists()
