"""Background work of online payment, run by `motcua worker`."""

import logging
from datetime import date

from django.conf import settings
from django.utils import timezone
from django_tasks import task

from motcua.core.errors import Unavailable
from motcua.core.queue import enqueue
from motcua.integrations.tasks import retry_delay
from motcua.payments.services import payments_reconcile

log = logging.getLogger(__name__)


@task()
def reconcile_payments(day: str, attempt: int = 1) -> int:
    """Reconcile the statement of `day` (ISO date); while the platform is down, try again later
    with the connectors' backoff, up to their attempt limit. Returns the mismatches recorded."""
    try:
        return len(payments_reconcile(day=date.fromisoformat(day)))
    except Unavailable:
        if attempt >= settings.MOTCUA_CONNECTORS["retry"]["max_attempts"]:
            log.error("payment statement of %s unavailable: gave up after %s tries", day, attempt)
            return 0
        log.warning("payment statement of %s unavailable (attempt %s)", day, attempt)
        run_after = timezone.now() + retry_delay(attempt)
        enqueue(reconcile_payments, day, attempt + 1, run_after=run_after)
        return 0
