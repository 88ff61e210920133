"""The counters kept in step with each dossier action equal those rebuilt from the dossiers,
whether the worker brings them in step after each change or after several (decision 0015)."""

from contextlib import suppress
from datetime import datetime, timedelta

import pytest
from django.contrib.auth import get_user_model
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from motcua.core.calendar import LOCAL_TZ
from motcua.core.errors import DomainError
from motcua.dossiers import services
from motcua.dossiers.fees import outstanding_amount
from motcua.dossiers.models import Dossier
from motcua.dossiers.ratings import Criterion
from motcua.reports.models import COUNTER_COLUMNS, DossierFact, ReportCounter
from motcua.reports.services import reports_rebuild
from tests.integrations.helpers import run_effects

ACTIONS = [
    "receive", "request_supplement", "submit_supplement", "refuse", "forward", "approve",
    "reject", "request_payment", "record_payment", "return_result", "apologise", "pause",
    "resume", "withdraw", "rate",
]  # fmt: skip
APPLICANT = {"id_number": "025190001234", "full_name": "Phạm Thị Hồng Nhung"}

steps = st.lists(
    st.tuples(
        st.integers(0, 3),  # which dossier (a new one when there are fewer)
        st.sampled_from(ACTIONS),
        st.integers(0, 80),  # hours that pass before the action
        st.sampled_from(["online", "desk"]),  # channel of a new dossier, method of a payment
        st.booleans(),  # whether the worker comes after this step
    ),
    max_size=25,
)


def _params(dossier: Dossier, action: str, choice: str) -> dict:
    return {
        "request_supplement": {"items": ["Bản sao giấy khai sinh"]},
        "record_payment": {"amount": outstanding_amount(dossier), "method": choice},
        "apologise": {"new_due_at": (dossier.due_at or datetime.now(LOCAL_TZ)) + timedelta(3)},
        "rate": {
            "rating": dict.fromkeys(
                Criterion.values, "dissatisfied" if choice == "online" else "satisfied"
            )
        },
    }.get(action, {})


def _snapshot() -> tuple[dict, list]:
    counters = {}
    for row in ReportCounter.objects.values():
        values = {c: row[c] for c in COUNTER_COLUMNS if row[c]}
        if values:
            counters[(row["grain"], row["bucket"], row["agency_id"], row["procedure_id"])] = values
    facts = sorted(DossierFact.objects.values_list(), key=lambda fact: fact[0])
    return counters, facts


@pytest.fixture
def boss(commune):
    return get_user_model().objects.create_superuser("boss", password="x")


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(history=steps)
def test_incremental_counters_equal_rebuilt_ones(history, clock, boss, procedure, commune):
    clock.set(datetime(2026, 12, 28, 9, 0, tzinfo=LOCAL_TZ))
    with transaction.atomic():
        codes: list[str] = []
        for index, action, hours, choice, worker_comes in history:
            clock.advance(hours=hours)
            if worker_comes:
                run_effects()
            if index >= len(codes):
                dossier = services.dossier_submit(
                    actor=boss, procedure=procedure, agency=commune, channel=choice,
                    applicant=APPLICANT,
                )  # fmt: skip
                codes.append(dossier.code)
                continue
            dossier = Dossier.objects.get(code=codes[index])
            with suppress(DomainError):  # not allowed in this state: nothing was written
                services.dossier_act(
                    actor=boss, code=dossier.code, action=action, version=dossier.version,
                    note="Ghi chú", **_params(dossier, action, choice),
                )  # fmt: skip
        run_effects()
        incremental = _snapshot()
        reports_rebuild()

        assert _snapshot() == incremental
        transaction.set_rollback(True)
