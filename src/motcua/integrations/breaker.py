"""Cầu dao (circuit breaker): one per outside system the worker delivers to, so that a system that
fails or hangs is skipped while it is down instead of costing the worker a timeout per message.

- **closed**: deliveries go. Each failure (no answer, a timeout, a 5xx, garbage) counts; an
  answer resets the count.
- **open**: after `MOTCUA_BREAKER["failures"]` failures in a row the system's deliveries are held
  back until `retry_at`: left pending, not counted as attempts, queued again for then.
- **half-open**: once `retry_at` has passed, the next delivery is a probe. Its taker moves
  `retry_at` on by the next backoff before sending, so the others stay held back while it runs. A
  probe that gets an answer closes the breaker; one that fails opens it for the next backoff
  (`base_seconds`, doubled at each failed probe, at most `max_seconds`).

The state is one `CircuitBreaker` row per system, in the database so that every worker process
shares it.
"""

from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from motcua.integrations.models import CircuitBreaker

CLOSED, OPEN, HALF_OPEN = "closed", "open", "half_open"
LABELS = {
    CLOSED: _("đóng: gửi bình thường"),
    OPEN: _("ngắt: tạm ngừng gửi, chờ đến giờ thử lại"),
    HALF_OPEN: _("chờ thử: lần gửi tới là lần thử lại"),
}


def breaker_state(breaker: CircuitBreaker | None, now: datetime) -> str:
    """`closed`, `open` (deliveries held back until `retry_at`) or `half_open` (a probe is due)."""
    if breaker is None or breaker.retry_at is None:
        return CLOSED
    return OPEN if breaker.retry_at > now else HALF_OPEN


def backoff(trips: int) -> timedelta:
    """How long the breaker stays open after opening `trips` times in a row before."""
    config = settings.MOTCUA_BREAKER
    return timedelta(seconds=min(config["base_seconds"] * 2**trips, config["max_seconds"]))


def breaker_admit(system: str, now: datetime | None = None) -> datetime | None:
    """None when a delivery to `system` may be tried now (closed, or the caller takes the probe);
    otherwise the instant to queue it again for."""
    now = now or timezone.now()
    breaker = CircuitBreaker.objects.filter(system=system).first()
    state = breaker_state(breaker, now)
    if state == CLOSED:
        return None
    if state == OPEN:
        return breaker.retry_at
    held_until = now + backoff(breaker.trips)
    taken = CircuitBreaker.objects.filter(system=system, retry_at=breaker.retry_at).update(
        retry_at=held_until
    )
    return None if taken else held_until  # another worker took the probe


def breaker_success(system: str) -> None:
    """The system answered: closed, count reset (no write when it was so already)."""
    CircuitBreaker.objects.filter(system=system).exclude(failures=0, retry_at=None).update(
        failures=0, trips=0, retry_at=None, updated_at=timezone.now()
    )


@transaction.atomic
def breaker_failure(system: str, now: datetime | None = None) -> CircuitBreaker:
    """The system did not answer: one more failure; the breaker opens at the limit, and again
    for longer when it was open or probing."""
    now = now or timezone.now()
    breaker, _ = CircuitBreaker.objects.select_for_update().get_or_create(system=system)
    breaker.failures += 1
    if breaker.retry_at is not None or breaker.failures >= settings.MOTCUA_BREAKER["failures"]:
        breaker.retry_at = now + backoff(breaker.trips)
        breaker.trips += 1
    breaker.save()
    return breaker
