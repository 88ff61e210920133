"""The demo province loads through the real services and gives officers realistic work."""

import io
from datetime import date, timedelta
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django_tasks_db.models import DBTaskResult
from openpyxl import load_workbook
from rest_framework.test import APIClient

from motcua.agencies.models import Agency, StaffRole
from motcua.catalog.models import Procedure
from motcua.core.audit import audit_verify
from motcua.core.codes import parse_dossier_code
from motcua.demo.province import accounts_markdown
from motcua.demo.seed import DEMO_PASSWORD
from motcua.dossiers.models import Dossier, DossierEvent, PendingEffects
from motcua.integrations.models import Exchange
from motcua.notifications.models import Notification
from motcua.reports.models import DossierFact
from tests.integrations.helpers import run_effects

User = get_user_model()

pytestmark = pytest.mark.django_db(transaction=False)


@pytest.fixture
def seeded(db):
    call_command("seed-demo", "--dossiers", "150")


def test_demo_province_has_the_catalogue_and_dossiers_in_many_states(seeded):
    assert Agency.objects.filter(level="commune").count() == 15
    assert Agency.objects.filter(code="000.23.22.H44").exists()  # a legacy-form code
    assert Procedure.objects.count() >= 30
    assert Procedure.objects.filter(name="Đăng ký khai sinh", fees__isnull=False).exists()
    assert Dossier.objects.count() == 150
    statuses = set(Dossier.objects.values_list("status", flat=True))
    assert {"returned", "processing", "refused"} <= statuses
    assert len(statuses) >= 6
    for code in Dossier.objects.values_list("code", flat=True):
        assert parse_dossier_code(code) is not None, code
    assert Dossier.objects.filter(extended=True).exists()  # some were late, with an apology
    checked, broken = audit_verify()
    assert broken is None and checked > 150


def test_a_demo_receiver_logs_in_and_sees_only_the_dossiers_of_their_agency(seeded):
    client = APIClient()
    token = client.post(
        "/api/v1/auth/token/",
        {"username": "tiepnhan.vietri", "password": DEMO_PASSWORD},
        format="json",
    )
    assert token.status_code == 200
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {token.json()['access']}")
    listing = client.get("/api/v1/dossiers/")
    assert listing.status_code == 200
    codes = [row["code"] for row in listing.json()["results"]]
    assert codes
    assert all(code.startswith("H44.148-") for code in codes), codes  # phường Việt Trì only


def test_the_demo_province_has_two_tiers_as_since_1_july_2025(seeded):
    province = Agency.objects.get(code="H44")
    communes = Agency.objects.filter(level="commune")
    assert communes.exists()
    assert set(communes.values_list("parent", flat=True)) == {province.pk}  # no district parent
    assert not Agency.objects.filter(parent__level="district").exists()
    districts = Agency.objects.filter(level="district")
    assert districts.exists()  # kept as records of before 1 July 2025, nothing more
    for district in districts:
        assert district.valid_to is not None and district.valid_to < date(2025, 7, 1)
        assert district.merged_into is not None and not district.is_one_stop
    assert not StaffRole.objects.filter(agency__level="district").exists()
    assert not Dossier.objects.filter(agency__level="district").exists()
    assert all(
        "district" not in levels for levels in Procedure.objects.values_list("levels", flat=True)
    )


def test_every_demo_agency_dates_its_forms_at_its_own_place(seeded):
    assert Agency.objects.get(code="H44.189").place_name == "Hy Cương"
    assert Agency.objects.get(code="H44.148").place_name == "Việt Trì"
    assert Agency.objects.get(code="H44.17").place_name == "Phú Thọ"
    assert not Agency.objects.filter(place="").exists()


def test_biểu_06_of_the_demo_balances(seeded):
    """Received = resolved + withdrawn (rút, dừng) + pending, on every line of the export."""
    run_effects()
    client = APIClient()
    client.force_authenticate(User.objects.get(username="thanhtra"))
    period = {"from": f"{date.today() - timedelta(days=200)}", "format": "xlsx"}
    response = client.get("/api/v1/reports/tthc-statistics/", period)
    assert response.status_code == 200
    lines = list(load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True))
    total = next(line for line in lines if line[1] == "Tổng cộng")
    assert total[2] > 100 and total[13] > 0  # received, withdrawn
    for line in lines[7:]:
        received, resolved, pending, withdrawn = line[2], line[6], line[10], line[13]
        assert received == resolved + withdrawn + pending, line


def test_the_seeded_history_is_settled_not_queued(seeded):
    """Issue 14 item 9a: the simulated months left ~2,500 tasks for the worker (syncs and
    messages of the past) ahead of the first real dossier."""
    assert not DBTaskResult.objects.exists()
    assert not PendingEffects.objects.exists()
    assert DossierFact.objects.count() == Dossier.objects.count() == 150  # counted in reports
    syncs = Exchange.objects.filter(system=Exchange.System.NATIONAL_PORTAL)
    assert syncs.count() == DossierEvent.objects.count()  # one per event, as the worker makes
    assert set(syncs.values_list("state", flat=True)) == {Exchange.State.ACKNOWLEDGED}
    assert not Exchange.objects.exclude(system=Exchange.System.NATIONAL_PORTAL).exists()
    assert not Notification.objects.exists()  # the applicants of the past are not written to


def test_seeding_twice_is_refused_unless_asked_to_skip(seeded):
    with pytest.raises(CommandError):
        call_command("seed-demo")
    call_command("seed-demo", "--if-empty")
    assert Dossier.objects.count() == 150


def test_the_accounts_document_lists_every_demo_account():
    document = Path(__file__).parents[2] / "docs" / "demo-accounts.md"
    assert document.read_text(encoding="utf-8") == accounts_markdown()
