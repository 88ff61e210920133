"""Background work of the LGSP, run by `motcua worker` (Django's Tasks API, database backend).

The exchange row, not the task queue, is the truth: a task only says "try exchange N now", so a
task that runs twice or after the exchange was delivered does nothing more.
"""

import logging
from collections.abc import Callable
from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django_tasks import task

from motcua.core.queue import enqueue
from motcua.integrations.breaker import breaker_admit, breaker_failure, breaker_success
from motcua.integrations.connectors import ConnectorError, national_portal
from motcua.integrations.models import Exchange

log = logging.getLogger(__name__)
Sender = Callable[[Exchange], dict]


def _sync_to_portal(exchange: Exchange) -> dict:
    return national_portal.sync_dossier(exchange.payload, str(exchange.idempotency_key))


SENDERS: dict[str, Sender] = {Exchange.System.NATIONAL_PORTAL: _sync_to_portal}
GIVE_UP: dict[str, Callable[[Exchange], None]] = {}
ON_ACKNOWLEDGED: list[Callable[[Exchange], None]] = []


def register_sender(
    system: str, send: Sender, *, give_up: Callable[[Exchange], None] | None = None
) -> None:
    """Let an app deliver the exchanges of its `system` (called from its AppConfig.ready).

    `send` raises ConnectorError to be retried; `give_up` runs, in the same transaction, when an
    exchange is dead after the last attempt.
    """
    SENDERS[system] = send
    if give_up is not None:
        GIVE_UP[system] = give_up


def register_acknowledged(hook: Callable[[Exchange], None]) -> None:
    """Let a higher app follow what outside systems acknowledged (called from its
    AppConfig.ready): `hook` runs in the transaction that records an acknowledgement."""
    if hook not in ON_ACKNOWLEDGED:
        ON_ACKNOWLEDGED.append(hook)


def retry_delay(attempts: int) -> timedelta:
    """Exponential backoff after `attempts` failures, capped."""
    retry = settings.MOTCUA_CONNECTORS["retry"]
    return timedelta(seconds=min(retry["base_seconds"] * 2 ** (attempts - 1), retry["max_seconds"]))


def delivery_enqueue(exchange: Exchange, *, run_after: datetime | None = None) -> None:
    """Queue the delivery of `exchange` on its system's own queue (settings.TASK_QUEUES), which
    `motcua worker` runs beside the others: a system that hangs holds up no other system's
    deliveries, nor the dossiers' effects and report facts on the default queue."""
    enqueue(deliver_exchange, exchange.pk, run_after=run_after, queue_name=exchange.system)


@task()
def deliver_exchange(exchange_id: int) -> None:
    """Try to deliver one outgoing message; on failure try again later, or give up (dead).

    While the system's circuit breaker is open the message is left pending, not counted as an
    attempt, and queued again for the breaker's next probe (`integrations.breaker`)."""
    exchange = Exchange.objects.filter(pk=exchange_id, state=Exchange.State.PENDING).first()
    if exchange is None:
        return
    newer = _superseded_by(exchange)
    if newer is not None:
        Exchange.objects.filter(pk=exchange.pk, state=Exchange.State.PENDING).update(
            state=Exchange.State.ACKNOWLEDGED, response={"superseded_by": newer},
            updated_at=timezone.now(),
        )  # fmt: skip
        return
    held_until = breaker_admit(exchange.system)
    if held_until is not None:
        with transaction.atomic():  # touched, so that requeue-pending sees it is not stranded
            Exchange.objects.filter(pk=exchange.pk).update(updated_at=timezone.now())
            delivery_enqueue(exchange, run_after=held_until)
        return
    try:
        answer = SENDERS[exchange.system](exchange)
    except ConnectorError as error:
        log.warning("exchange %s (%s) failed: %s", exchange.pk, exchange.system, error)
        if error.status is not None and error.status < 500:
            breaker_success(exchange.system)  # it answered, refusing this message
        else:
            breaker_failure(exchange.system)
        _record_failure(exchange, str(error))
        return
    breaker_success(exchange.system)
    with transaction.atomic():
        acknowledged = Exchange.objects.filter(pk=exchange.pk, state=Exchange.State.PENDING).update(
            state=Exchange.State.ACKNOWLEDGED,
            attempts=F("attempts") + 1,
            last_error="",
            response=answer,
            updated_at=timezone.now(),
        )
        for hook in ON_ACKNOWLEDGED if acknowledged else ():
            hook(exchange)


def _superseded_by(exchange: Exchange) -> str | None:
    """The key of a newer state of the same dossier that the system acknowledged already.

    A message carrying the dossier's whole state and its `version` (the portal's syncs) is then
    not sent: sent after the newer one it would put the system back (issue 14: a retry after a
    crash did). Two such messages in flight at once are the receiver's to order: the portal
    ignores a version older than the one it holds.
    """
    version = exchange.payload.get("version")
    if version is None:
        return None
    newer = Exchange.objects.filter(
        dossier_id=exchange.dossier_id, system=exchange.system, state=Exchange.State.ACKNOWLEDGED,
        payload__version__gt=version,
    ).values_list("idempotency_key", flat=True)  # fmt: skip
    return next((str(key) for key in newer[:1]), None)


@transaction.atomic
def _record_failure(exchange: Exchange, error: str) -> None:
    exchange.attempts += 1
    exchange.last_error = error
    if exchange.attempts >= settings.MOTCUA_CONNECTORS["retry"]["max_attempts"]:
        exchange.state = Exchange.State.DEAD
        if exchange.system in GIVE_UP:
            GIVE_UP[exchange.system](exchange)
    else:
        run_after = timezone.now() + retry_delay(exchange.attempts)
        delivery_enqueue(exchange, run_after=run_after)
    exchange.save(update_fields=["attempts", "last_error", "state", "updated_at"])
