"""Writes of notifications: messages queued with the dossier change that causes them, opt-outs,
and template edits."""

from datetime import datetime

from django.conf import settings
from django.core import signing
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from motcua.core.audit import audit_record
from motcua.core.errors import NotFound, RuleBroken
from motcua.dossiers.models import Dossier
from motcua.integrations.models import Exchange
from motcua.integrations.tasks import delivery_enqueue
from motcua.notifications.addresses import mask, normalise
from motcua.notifications.models import Channel, MessageTemplate, Notification, OptOut
from motcua.notifications.rendering import RenderError, message_context, render
from motcua.notifications.variants import templates_for

UNSUBSCRIBE_SALT = "motcua.notifications.unsubscribe"


def notify_applicant_of_change(dossier: Dossier, change: dict) -> None:
    """Queue the messages about one recorded event of a committed dossier change
    (`dossiers.hooks`; the event, its instant and due date are those of its portal snapshot)."""
    sync = change["sync"]
    notify_applicant(
        dossier=dossier,
        event=sync["event"],
        at=_instant(sync["at"]),
        due_at=_instant(sync["due_at"]),
        note=change["note"],
        data=change["data"],
    )


def _instant(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def notify_applicant(
    *,
    dossier: Dossier,
    event: str,
    at: datetime,
    due_at: datetime | None,
    note: str = "",
    data: dict | None = None,
) -> list[Notification]:
    """Queue the applicant's messages about `event`, in the caller's transaction (the worker's,
    which sets off a dossier change's effects: `dossiers.tasks.dossier_effects`).

    One message per channel the applicant can be reached on that has an active template of the
    event, in the wording for the dossier's case (`variants.templates_for`); an event without
    templates costs one query. `due_at` is the promised date as it stood at the event.
    Opted-out or unrenderable messages are recorded, not sent. Each message to send is an
    `Exchange` the worker delivers.
    """
    templates = list(MessageTemplate.objects.filter(event=event, is_active=True))
    if not templates:
        return []
    templates = templates_for(templates, dossier, event, data or {})
    context = message_context(dossier, event, note, data or {}, due_at)
    made = []
    for template in templates:
        raw = (
            dossier.applicant_email
            if template.channel == Channel.EMAIL
            else dossier.applicant_phone
        )
        address = normalise(template.channel, raw)
        if address is not None:
            made.append(_queue(dossier, template, address, context, at))
    return made


def _queue(
    dossier: Dossier, template: MessageTemplate, address: str, context: dict, at: datetime
) -> Notification:
    notification = Notification(
        dossier=dossier, event=template.event, channel=template.channel, recipient=address,
        zns_template_id=template.zns_template_id, created_at=at,
    )  # fmt: skip
    try:
        notification.subject = " ".join(render(template.subject, context).split())
        notification.text = render(template.body, context)
        notification.zns_params = {
            k: render(str(v), context) for k, v in template.zns_params.items()
        }
    except RenderError as error:
        notification.state = Notification.State.FAILED
        notification.delivery_status = f"Mẫu tin nhắn lỗi: {error}"[:255]
    if template.channel == Channel.EMAIL:
        link = unsubscribe_url(address, template.channel)
        notification.text += f"\n\n--\nNgừng nhận thư thông báo về hồ sơ: {link}"
    if notification.state == Notification.State.PENDING and is_opted_out(address, template.channel):
        notification.state = Notification.State.OPTED_OUT
        notification.delivery_status = "Người nhận đã từ chối nhận tin qua kênh này."
    if notification.state == Notification.State.PENDING:
        notification.exchange = Exchange.objects.create(
            dossier=dossier,
            system=Exchange.System.NOTIFICATIONS,
            event=template.event,
            payload={"channel": template.channel, "recipient": mask(address)},
        )
        delivery_enqueue(notification.exchange)
    notification.save()
    return notification


def is_opted_out(address: str, channel: str) -> bool:
    """Whether the (normalised) address asked to receive nothing on this channel."""
    return OptOut.objects.filter(address=address, channel=channel).exists()


def unsubscribe_url(address: str, channel: str) -> str:
    """The signed link, printed in every e-mail, that stops this channel for this address."""
    token = signing.dumps([address, channel], salt=UNSUBSCRIBE_SALT, compress=True)
    base_url = settings.MOTCUA["PUBLIC_BASE_URL"].rstrip("/")
    return f"{base_url}{reverse('notifications-unsubscribe', args=[token])}"


def unsubscribe_target(token: str) -> tuple[str, str]:
    """The (address, channel) a signed link names; NotFound when it was forged or mangled."""
    try:
        address, channel = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except (signing.BadSignature, ValueError, TypeError) as error:
        raise NotFound(
            _("Liên kết ngừng nhận tin không hợp lệ hoặc đã bị sửa."), code="invalid_link"
        ) from error
    if channel not in Channel.values:
        raise NotFound(_("Liên kết ngừng nhận tin không hợp lệ."), code="invalid_link")
    return address, channel


@transaction.atomic
def optout_record(*, actor, address: str, channel: str, source: str) -> OptOut:
    """Từ chối nhận tin: the address gets no more messages on the channel (idempotent)."""
    if channel not in Channel.values:
        raise RuleBroken(_("Kênh nhận tin không hợp lệ."), fields={"channel": [channel]})
    normalised = normalise(channel, address)
    if normalised is None:
        if channel == Channel.EMAIL:
            detail = _("Địa chỉ thư điện tử không hợp lệ.")
        else:
            detail = _("Số điện thoại di động không hợp lệ.")
        raise RuleBroken(detail, code="invalid_address",
                         fields={"address": [address]})  # fmt: skip
    optout, created = OptOut.objects.get_or_create(
        address=normalised, channel=channel, defaults={"source": source, "at": timezone.now()}
    )
    if created:
        _audit(actor, "notification_optout", optout, {"source": source})
    return optout


@transaction.atomic
def optout_remove(*, actor, optout: OptOut) -> None:
    """The applicant asked to receive messages on the channel again."""
    _audit(actor, "notification_optin", optout, {})
    optout.delete()


def _audit(actor, action: str, optout: OptOut, data: dict) -> None:
    audit_record(actor=actor, action=action, object_type="optout",
                 object_id=f"{optout.channel}:{mask(optout.address)}", data=data)  # fmt: skip


def template_problems(template: MessageTemplate) -> dict[str, str]:
    """What keeps a template from rendering, per field (empty when it is fine)."""
    params = template.zns_params
    if not isinstance(params, dict) or not all(isinstance(v, str) for v in params.values()):
        return {"zns_params": _('Tham số ZNS là một đối tượng JSON {"tên": "giá trị"}.')}
    problems = {}
    sources = {"subject": template.subject, "body": template.body,
               "zns_params": " ".join(params.values())}  # fmt: skip
    for name, source in sources.items():
        try:
            render(source, {})
        except RenderError as error:
            problems[name] = str(error)
    if template.channel == Channel.EMAIL and not template.subject.strip():
        problems["subject"] = _("Thư điện tử cần có tiêu đề.")
    if template.channel != Channel.ZNS and not template.body.strip():
        problems["body"] = _("Cần có nội dung tin nhắn.")
    if template.channel == Channel.ZNS and not template.zns_template_id.strip():
        problems["zns_template_id"] = _("Tin Zalo ZNS cần mã mẫu đã đăng ký với Zalo.")
    return problems


@transaction.atomic
def message_template_save(*, actor, template: MessageTemplate) -> MessageTemplate:
    """Save a template edited by the IT centre, if it renders; audited."""
    problems = template_problems(template)
    if problems:
        raise RuleBroken(_("Mẫu tin nhắn chưa đúng."), code="invalid_template",
                         fields={k: [v] for k, v in problems.items()})  # fmt: skip
    template.save()
    audit_record(actor=actor, action="message_template_save", object_type="message_template",
                 object_id=str(template.pk), data={"event": template.event,
                 "channel": template.channel, "active": template.is_active})  # fmt: skip
    return template
