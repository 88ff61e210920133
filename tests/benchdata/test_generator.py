"""bench-generate: a small synthetic province is complete, its lifecycles valid, reports right."""

import itertools
import random
from collections import defaultdict
from datetime import datetime, timedelta
from decimal import Decimal
from io import StringIO

import pytest
from django.contrib.auth.models import User
from django.core.management import CommandError, call_command

from motcua.agencies.models import Agency, StaffRole
from motcua.benchdata.clock import WorkingLine
from motcua.benchdata.generate import LEADER, OFFICER, generate
from motcua.catalog.models import Procedure, ProcessStep
from motcua.core.calendar import LOCAL_TZ, WorkingCalendar, WorkSchedule
from motcua.core.codes import parse_dossier_code
from motcua.dossiers.models import DailySequence, Dossier, DossierEvent, Status
from motcua.dossiers.services import dossier_submit
from motcua.dossiers.workflow import TRANSITIONS
from motcua.reports.models import COUNTER_COLUMNS, DossierFact, ReportCounter
from motcua.reports.services import reports_rebuild
from tests.integrations.helpers import run_effects

DOSSIERS, COMMUNES, PROCEDURES = 600, 4, 40


@pytest.fixture
def generated(db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return generate(dossiers=DOSSIERS, seed=7, password="mat-khau-do-tai", communes=COMMUNES,
                    procedures=PROCEDURES, progress=lambda _: None)  # fmt: skip


def test_it_fills_the_province_catalogue_and_dossiers(generated):
    assert Agency.objects.count() == 1 + 1 + 20 + COMMUNES
    assert Procedure.objects.count() == PROCEDURES
    assert Dossier.objects.count() == DOSSIERS == generated.dossiers
    assert DossierEvent.objects.count() == generated.events
    commune_procedure = Procedure.objects.filter(levels=["commune"]).first()
    assert commune_procedure.agencies.count() == COMMUNES
    assert ProcessStep.objects.filter(procedure=commune_procedure).exists()
    assert set(Dossier.objects.values_list("channel", flat=True)) == {"online", "desk", "post"}


def test_codes_follow_the_format_and_the_daily_sequences(generated):
    last = defaultdict(int)
    for code, agency, submitted in Dossier.objects.values_list(
        "code", "agency__code", "submitted_at"
    ):
        parsed = parse_dossier_code(code)
        assert parsed is not None, code
        assert parsed.agency_code == agency
        assert parsed.day == submitted.astimezone(LOCAL_TZ).date()
        key = (agency, parsed.day)
        last[key] = max(last[key], int(parsed.sequence))
    by_id = list(Dossier.objects.order_by("id").values_list("submitted_at", flat=True))
    assert by_id == sorted(by_id)  # keys follow the order of filing across the province
    kept = DailySequence.objects.values_list("agency__code", "day", "last")
    assert {(a, d): n for a, d, n in kept} == last


def test_every_timeline_is_a_valid_walk_through_the_workflow(generated):
    timelines = defaultdict(list)
    for event in DossierEvent.objects.order_by("dossier", "id"):
        timelines[event.dossier_id].append(event)
    for dossier in Dossier.objects.all():
        events = timelines[dossier.pk]
        assert events[0].action == "submit" and events[0].to_status == Status.SUBMITTED
        held = ""
        for before, event in itertools.pairwise(events):
            transition = TRANSITIONS[event.action]
            assert event.from_status == before.to_status
            assert event.from_status in transition.sources, (dossier.code, event.action)
            if transition.target:
                assert event.to_status == transition.target
            elif event.action in {"submit_supplement", "record_payment"}:
                assert event.to_status == held
            else:
                assert event.to_status == event.from_status
            if event.action in {"request_supplement", "request_payment"}:
                held = event.from_status
        assert events[-1].to_status == dossier.status
        assert dossier.version == len(events)
        if dossier.received_at:
            assert dossier.due_at > dossier.received_at
        if dossier.completed_at:
            assert dossier.completed_at >= dossier.received_at
    statuses = set(Dossier.objects.values_list("status", flat=True))
    assert statuses <= set(Status.values)
    assert {"returned", "rejected", "withdrawn", "refused", "processing"} <= statuses


def _snapshot() -> tuple[set, dict]:
    facts = set(DossierFact.objects.values_list())
    counters = {
        row[:4]: row[4:]
        for row in ReportCounter.objects.values_list(
            "grain", "bucket", "agency_id", "procedure_id", "field_id", *COUNTER_COLUMNS
        )
    }
    return facts, counters


def test_report_facts_and_counters_equal_a_rebuild(generated):
    facts, counters = _snapshot()
    assert len(facts) == DOSSIERS
    reports_rebuild()
    rebuilt_facts, rebuilt_counters = _snapshot()
    assert facts == rebuilt_facts
    assert counters == rebuilt_counters
    assert sum(r[COUNTER_COLUMNS.index("resolved_early")] for k, r in counters.items()
               if k[0] == "y") > 0  # fmt: skip


def test_the_bench_accounts_can_log_in_with_the_password_given(generated):
    officer, leader = User.objects.get(username=OFFICER), User.objects.get(username=LEADER)
    assert officer.check_password("mat-khau-do-tai") and leader.check_password("mat-khau-do-tai")
    assert set(
        StaffRole.objects.filter(user__username=OFFICER).values_list("agency__code", "role")
    ) == {("H44.30", "receiver"), ("H44.30", "specialist")}
    assert not officer.check_password("sai")
    assert StaffRole.objects.get(user=leader).agency.code == "H44"


def test_dossiers_filed_by_earlier_runs_are_removed_with_their_counts(generated):
    """Every bench run starts from the generated data: the create scenario's dossiers go, and
    the counters are again those of the generated dossiers."""
    facts, counters = _snapshot()
    officer, centre = User.objects.get(username=OFFICER), Agency.objects.get(code="H44.30")
    procedure = Procedure.objects.filter(agencies=centre).first()
    applicant = {"id_number": "025901234567", "full_name": "Nguyễn Văn Đo"}
    for counted in (True, False):  # the worker counted the first filing, not yet the second
        dossier_submit(actor=officer, procedure=procedure, agency=centre, channel="desk",
                       applicant=applicant)  # fmt: skip
        if counted:
            run_effects()
    assert _snapshot() != (facts, counters)
    out = StringIO()
    call_command("bench-generate", "--accounts-only", "--remove-filings", stdout=out)
    assert "Đã xoá 2 hồ sơ" in out.getvalue()
    facts_after, counters_after = _snapshot()
    assert Dossier.objects.count() == DOSSIERS and facts_after == facts
    # Rows the filings created stay, at zero (v[0] is the field).
    assert {k: v for k, v in counters_after.items() if k in counters or any(v[1:])} == counters


def test_the_command_refuses_a_database_that_has_agencies(generated):
    with pytest.raises(CommandError, match="CSDL đã có cơ quan"):
        call_command("bench-generate", "--dossiers", "10")


def test_accounts_only_needs_a_generated_database(db):
    with pytest.raises(CommandError, match="chưa có dữ liệu tổng hợp"):
        call_command("bench-generate", "--accounts-only")


@pytest.mark.parametrize("saturday", [False, True])
def test_the_working_line_gives_the_calendars_due_dates(saturday):
    calendar = WorkingCalendar(WorkSchedule(saturday_morning=saturday))
    first = datetime(2025, 1, 1, tzinfo=LOCAL_TZ)
    line = WorkingLine(calendar, first.date(), first.date() + timedelta(days=800))
    rng = random.Random(3)
    for _ in range(300):
        start = first + timedelta(minutes=rng.randrange(600 * 24 * 60))
        days = Decimal(rng.choice(["0.5", "1", "3", "7", "15", "30"]))
        assert line.due_at(start, days) == calendar.due_at(start, days), (start, days)
