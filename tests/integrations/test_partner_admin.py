"""Administrators register partner systems in the admin (the secret is shown once) and read
the partner access log and the connector call log, which nobody can change there."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from motcua.core.audit import audit_verify
from motcua.integrations.models import ConnectorCall, PartnerClient
from motcua.integrations.selectors import digest
from tests.integrations.partners import ask_token

SECRET = re.compile(r"client_secret = ([\w-]+)")


@pytest.fixture
def admin_site(db, commune):
    user = get_user_model().objects.create_superuser("sieuquantri", "a@example.vn", "x")
    browser = Client()
    browser.force_login(user)
    return browser


def shown_secret(response) -> str:
    messages = [str(m) for m in response.context["messages"]]
    return next(SECRET.search(m).group(1) for m in messages if SECRET.search(m))


def test_a_partner_is_registered_and_its_secret_shown_once(admin_site, commune, api):
    response = admin_site.post(
        "/admin/integrations/partnerclient/add/",
        {"name": "Hệ thống báo cáo của Bộ", "scopes": ["dossiers:read"], "rate_limit": "30",
         "is_active": "on", "agencies": [commune.pk]},
        follow=True,
    )  # fmt: skip
    assert response.status_code == 200
    secret = shown_secret(response)
    client = PartnerClient.objects.get()
    assert (client.scopes, client.rate_limit, list(client.agencies.all())) == (
        ["dossiers:read"], 30, [commune],
    )  # fmt: skip
    assert client.secret_digest == digest(secret)
    page = admin_site.get(f"/admin/integrations/partnerclient/{client.pk}/change/")
    assert client.client_id in page.content.decode()
    assert secret not in page.content.decode()
    assert ask_token(api(), client.client_id, secret).status_code == 200
    assert audit_verify()[1] is None


def test_rotating_the_secret_shows_the_new_one(admin_site, admin_user, commune, api):
    from tests.integrations.partners import make_partner

    client, old = make_partner(admin_user, [commune])
    response = admin_site.post(
        "/admin/integrations/partnerclient/",
        {"action": "rotate_secret", "_selected_action": [client.pk]},
        follow=True,
    )
    new = shown_secret(response)
    assert new != old
    assert ask_token(api(), client.client_id, old).status_code == 401
    assert ask_token(api(), client.client_id, new).status_code == 200


def test_the_logs_are_read_only_and_filterable(admin_site):
    call = ConnectorCall.objects.create(
        system="population", method="GET", url="http://x/", status=200, duration_ms=3,
        at="2026-11-16T01:00:00Z",
    )  # fmt: skip
    listing = admin_site.get("/admin/integrations/connectorcall/?system=population&status=200")
    assert listing.status_code == 200
    assert "http://x/" in listing.content.decode()
    assert admin_site.get("/admin/integrations/connectorcall/add/").status_code == 403
    admin_site.post(f"/admin/integrations/connectorcall/{call.pk}/change/", {"url": "http://y/"})
    assert ConnectorCall.objects.get().url == "http://x/"
    assert admin_site.get("/admin/integrations/partnerrequest/").status_code == 200
    assert admin_site.get("/admin/integrations/partnerrequest/add/").status_code == 403
