"""The circuit breaker of an outside system: closed → open after N failures in a row → half-open
when the backoff is over, one probe at a time → closed on an answer, longer open on a failure."""

from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.utils import timezone

from motcua.integrations.breaker import (
    CLOSED,
    HALF_OPEN,
    OPEN,
    breaker_admit,
    breaker_failure,
    breaker_state,
    breaker_success,
)
from motcua.integrations.models import CircuitBreaker

SYSTEM = "national_portal"


@pytest.fixture(autouse=True)
def limits(settings):
    settings.MOTCUA_BREAKER = {"failures": 3, "base_seconds": 10, "max_seconds": 25}


def state(now) -> str:
    return breaker_state(CircuitBreaker.objects.filter(system=SYSTEM).first(), now)


def test_it_opens_after_the_limit_of_failures_in_a_row(db):
    now = timezone.now()
    assert state(now) == CLOSED and breaker_admit(SYSTEM, now) is None
    breaker_failure(SYSTEM, now)
    breaker_failure(SYSTEM, now)
    breaker_success(SYSTEM)  # an answer in between: the count starts again
    breaker_failure(SYSTEM, now)
    breaker_failure(SYSTEM, now)
    assert state(now) == CLOSED and breaker_admit(SYSTEM, now) is None
    breaker_failure(SYSTEM, now)
    assert state(now) == OPEN
    assert breaker_admit(SYSTEM, now) == now + timedelta(seconds=10)  # held back until then
    assert breaker_admit(SYSTEM, now + timedelta(seconds=9)) == now + timedelta(seconds=10)


def test_after_the_backoff_one_probe_goes_and_an_answer_closes_it(db):
    now = timezone.now()
    for _ in range(3):
        breaker_failure(SYSTEM, now)
    later = now + timedelta(seconds=10)
    assert state(later) == HALF_OPEN
    assert breaker_admit(SYSTEM, later) is None  # this delivery is the probe
    assert breaker_admit(SYSTEM, later) == later + timedelta(seconds=20)  # the others wait
    breaker_success(SYSTEM)
    assert state(later) == CLOSED and breaker_admit(SYSTEM, later) is None
    breaker_failure(SYSTEM, later)
    assert state(later) == CLOSED  # counting from nought again


def test_a_failed_probe_opens_it_for_twice_as_long_up_to_the_cap(db):
    now = timezone.now()
    for _ in range(3):
        breaker_failure(SYSTEM, now)
    waits = []
    for _ in range(3):
        now = CircuitBreaker.objects.get(system=SYSTEM).retry_at
        assert breaker_admit(SYSTEM, now) is None  # the probe
        breaker_failure(SYSTEM, now)
        assert state(now) == OPEN
        waits.append((CircuitBreaker.objects.get(system=SYSTEM).retry_at - now).total_seconds())
    assert waits == [20, 25, 25]


def test_the_admin_shows_each_systems_breaker_read_only(db):
    user = get_user_model().objects.create_superuser("sieuquantri", "a@example.vn", "x")
    browser = Client()
    browser.force_login(user)
    for _ in range(3):
        breaker_failure(SYSTEM)
    page = browser.get("/admin/integrations/circuitbreaker/").content.decode()
    assert "Cổng Dịch vụ công quốc gia" in page and "ngắt: tạm ngừng gửi" in page
    assert "Tin nhắn cho người nộp" in page and "đóng: gửi bình thường" in page
    change = browser.post(f"/admin/integrations/circuitbreaker/{SYSTEM}/change/", {"failures": 0})
    assert change.status_code == 403
    assert CircuitBreaker.objects.get(system=SYSTEM).failures == 3
