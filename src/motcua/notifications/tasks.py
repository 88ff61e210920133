"""Background work of notifications: asking the SMS/Zalo gateway how a message's delivery went.

Delivery reports are polled (`GET /messages/<id>`) rather than received by callback: nothing has
to reach into the province's network, and there is no callback to forge.
"""

from datetime import datetime, timedelta

from django.conf import settings
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django_tasks import task

from motcua.core.queue import enqueue
from motcua.integrations.connectors import ConnectorError, messaging
from motcua.notifications.models import Notification

REPORTED = {"delivered": Notification.State.DELIVERED, "failed": Notification.State.FAILED}


def next_poll() -> datetime:
    """When to ask the gateway next for a delivery report."""
    seconds = settings.MOTCUA_CONNECTORS["messaging"]["poll_seconds"]
    return timezone.now() + timedelta(seconds=seconds)


@task(queue_name="notifications")  # the gateway's queue: a slow gateway holds up nothing else
def poll_delivery(notification_id: int) -> None:
    """Store the delivery report of a sent SMS or ZNS message; ask again later while pending."""
    notification = Notification.objects.filter(
        pk=notification_id, state=Notification.State.SENT
    ).first()
    if notification is None:
        return
    notification.status_checks += 1
    try:
        report = messaging.message_status(notification.provider_message_id)
    except ConnectorError as error:
        report = {"status": "sent", "error": f"Chưa hỏi được báo cáo gửi: {error}"}
    if report["status"] in REPORTED:
        notification.state = REPORTED[report["status"]]
        notification.delivery_status = (report.get("error") or "Tin đã đến người nhận.")[:255]
        notification.delivery_at = parse_datetime(report.get("at") or "") or timezone.now()
    elif notification.status_checks < settings.MOTCUA_CONNECTORS["messaging"]["polls"]:
        enqueue(poll_delivery, notification.pk, run_after=next_poll())
        notification.delivery_status = (report.get("error") or "Đang chờ báo cáo gửi.")[:255]
    else:
        notification.delivery_status = "Nhà mạng không báo kết quả gửi."
    notification.save(update_fields=["state", "delivery_status", "delivery_at", "status_checks"])
