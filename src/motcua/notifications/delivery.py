"""Sending one notification, run by the outbox worker (`integrations.tasks.deliver_exchange`).

E-mail goes through Django's e-mail backend (SMTP in production), SMS and Zalo ZNS through the
messaging connector. A failure raises ConnectorError so the worker retries with backoff; the
notification row says what happened, so a task that runs twice sends nothing twice.
"""

import smtplib

from django.core.mail import EmailMessage, get_connection
from django.utils import timezone

from motcua.core.queue import enqueue
from motcua.integrations.connectors import ConnectorError, messaging
from motcua.integrations.models import Exchange
from motcua.notifications.models import Channel, Notification
from motcua.notifications.services import is_opted_out, unsubscribe_url
from motcua.notifications.tasks import next_poll, poll_delivery

RESENDABLE = {Notification.State.PENDING, Notification.State.FAILED}


def send_exchange(exchange: Exchange) -> dict:
    """Deliver the notification of `exchange`; the answer kept on the exchange."""
    notification = Notification.objects.get(exchange=exchange)
    if notification.state not in RESENDABLE:
        return {"state": notification.state, "message_id": notification.provider_message_id}
    if is_opted_out(notification.recipient, notification.channel):
        _update(notification, state=Notification.State.OPTED_OUT,
                delivery_status="Người nhận đã từ chối nhận tin qua kênh này.")  # fmt: skip
        return {"state": notification.state}
    key = str(exchange.idempotency_key)
    if notification.channel == Channel.EMAIL:
        message_id = _send_email(notification, key)
        status = "Máy chủ thư đã nhận thư."
    elif notification.channel == Channel.SMS:
        message_id = messaging.send_sms(notification.recipient, notification.text, key)
        status = "Nhà mạng đã nhận tin."
    else:
        message_id = messaging.send_zns(
            notification.recipient, notification.zns_template_id, notification.zns_params, key
        )
        status = "Zalo đã nhận tin."
    _update(notification, state=Notification.State.SENT, provider_message_id=message_id,
            delivery_status=status, delivery_at=timezone.now())  # fmt: skip
    if notification.channel != Channel.EMAIL:
        enqueue(poll_delivery, notification.pk, run_after=next_poll())
    return {"state": notification.state, "message_id": message_id}


def _send_email(notification: Notification, key: str) -> str:
    """Send a text/plain e-mail with one-click unsubscribe headers (RFC 8058); its Message-ID."""
    message_id = f"<{key}@motcua>"
    link = unsubscribe_url(notification.recipient, notification.channel)
    email = EmailMessage(
        subject=notification.subject,
        body=notification.text,
        to=[notification.recipient],
        headers={
            "Message-ID": message_id,
            "List-Unsubscribe": f"<{link}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
        connection=get_connection(fail_silently=False),
    )
    try:
        email.send()
    except (smtplib.SMTPException, OSError) as error:
        raise ConnectorError(f"Máy chủ thư không nhận thư: {error}") from error
    return message_id


def give_up(exchange: Exchange) -> None:
    """The worker gave the message up after its last attempt: the notification failed."""
    Notification.objects.filter(exchange=exchange).update(
        state=Notification.State.FAILED,
        delivery_status=f"Không gửi được sau {exchange.attempts} lần: {exchange.last_error}"[:255],
        delivery_at=timezone.now(),
    )


def _update(notification: Notification, **values) -> None:
    for name, value in values.items():
        setattr(notification, name, value)
    notification.save(update_fields=list(values))
