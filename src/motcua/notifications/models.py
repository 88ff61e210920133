"""Messages to applicants: templates per event and channel, each message sent, and opt-outs."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from motcua.dossiers.models import Dossier
from motcua.integrations.models import Exchange


class Channel(models.TextChoices):
    EMAIL = "email", _("thư điện tử")
    SMS = "sms", _("tin nhắn SMS")
    ZNS = "zns", _("Zalo ZNS")


class Event(models.TextChoices):
    """Dossier actions the applicant is told about (the `action` of the timeline): those that
    change what the applicant must do or when (decision 0017). Filing, forwarding between units,
    rating and transfers after a merger change nothing for them and have no message."""

    RECEIVE = "receive", _("tiếp nhận hồ sơ")
    REQUEST_SUPPLEMENT = "request_supplement", _("yêu cầu bổ sung hồ sơ")
    SUBMIT_SUPPLEMENT = "submit_supplement", _("đã nhận hồ sơ bổ sung")
    REFUSE = "refuse", _("từ chối tiếp nhận hồ sơ")
    REQUEST_PAYMENT = "request_payment", _("đề nghị nộp phí, lệ phí")
    RECORD_PAYMENT = "record_payment", _("đã nhận thanh toán")
    APPROVE = "approve", _("đã có kết quả")
    REJECT = "reject", _("không giải quyết hồ sơ")
    RETURN_RESULT = "return_result", _("đã trả kết quả")
    APOLOGISE = "apologise", _("xin lỗi và hẹn lại ngày trả kết quả")
    PAUSE = "pause", _("tạm dừng giải quyết")
    RESUME = "resume", _("tiếp tục giải quyết")
    WITHDRAW = "withdraw", _("dừng giải quyết theo đề nghị của người nộp")


class Variant(models.TextChoices):
    """The case a wording is for: how the dossier was filed, or how its result reaches the
    applicant (`notifications.variants.variant_of`). The general wording ("") serves every
    case that has no active wording of its own."""

    GENERAL = "", _("mọi hồ sơ")
    ONLINE = "online", _("hồ sơ nộp trực tuyến")
    OFFLINE = "offline", _("hồ sơ nộp trực tiếp hoặc qua bưu chính")
    RESULT_ONLINE = "result_online", _("kết quả điện tử, nhận trực tuyến")
    RESULT_DESK = "result_desk", _("kết quả nhận tại Bộ phận Một cửa")
    RESULT_POST = "result_post", _("kết quả gửi qua bưu chính công ích")


class MessageTemplate(models.Model):
    """Mẫu tin nhắn: the wording of one event on one channel, edited by the IT centre.

    Text fields use Django template syntax on plain text (no HTML); the variables are listed in
    `notifications.rendering.VARIABLES`.
    """

    event = models.CharField(_("sự kiện"), max_length=32, choices=Event.choices)
    channel = models.CharField(_("kênh"), max_length=8, choices=Channel.choices)
    variant = models.CharField(
        _("trường hợp"), max_length=16, choices=Variant.choices, blank=True, default=""
    )
    subject = models.CharField(_("tiêu đề thư"), max_length=255, blank=True)
    body = models.TextField(_("nội dung"), blank=True)
    zns_template_id = models.CharField(_("mã mẫu ZNS"), max_length=32, blank=True)
    zns_params = models.JSONField(_("tham số ZNS"), default=dict, blank=True)
    is_active = models.BooleanField(_("đang dùng"), default=True)

    class Meta:
        verbose_name = _("mẫu tin nhắn")
        verbose_name_plural = _("mẫu tin nhắn")
        ordering = ["event", "variant", "channel"]
        constraints = [
            models.UniqueConstraint(
                fields=["event", "channel", "variant"], name="one_template_per_event_case"
            )
        ]
        indexes = [models.Index(fields=["event", "is_active"])]

    def __str__(self) -> str:
        case = f" ({self.get_variant_display()})" if self.variant else ""
        return f"{self.get_event_display()}{case} — {self.get_channel_display()}"


class Notification(models.Model):
    """Một tin nhắn gửi người nộp: what was sent, to whom, and what the provider reported."""

    class State(models.TextChoices):
        PENDING = "pending", _("chờ gửi")
        SENT = "sent", _("đã gửi")
        DELIVERED = "delivered", _("đã đến người nhận")
        FAILED = "failed", _("không gửi được")
        OPTED_OUT = "opted_out", _("người nhận đã từ chối")

    dossier = models.ForeignKey(
        Dossier, on_delete=models.CASCADE, related_name="notifications", verbose_name=_("hồ sơ")
    )
    event = models.CharField(_("sự kiện"), max_length=32, choices=Event.choices)
    channel = models.CharField(_("kênh"), max_length=8, choices=Channel.choices)
    recipient = models.CharField(_("người nhận"), max_length=254)
    subject = models.CharField(_("tiêu đề"), max_length=255, blank=True)
    text = models.TextField(_("nội dung"))
    zns_template_id = models.CharField(_("mã mẫu ZNS"), max_length=32, blank=True)
    zns_params = models.JSONField(_("tham số ZNS"), default=dict, blank=True)
    state = models.CharField(
        _("trạng thái"), max_length=16, choices=State.choices, default=State.PENDING
    )
    exchange = models.OneToOneField(
        Exchange, null=True, blank=True, on_delete=models.SET_NULL, related_name="notification"
    )
    provider_message_id = models.CharField(_("mã tin của nhà cung cấp"), max_length=64, blank=True)
    delivery_status = models.CharField(_("báo cáo gửi"), max_length=255, blank=True)
    delivery_at = models.DateTimeField(_("thời điểm báo cáo"), null=True, blank=True)
    status_checks = models.PositiveSmallIntegerField(_("số lần hỏi trạng thái"), default=0)
    created_at = models.DateTimeField(_("thời điểm tạo"))

    class Meta:
        verbose_name = _("tin nhắn đã gửi")
        verbose_name_plural = _("tin nhắn đã gửi")
        ordering = ["-id"]
        indexes = [models.Index(fields=["state", "channel"])]

    def __str__(self) -> str:
        return f"{self.dossier_id} {self.event} {self.channel}"


class OptOut(models.Model):
    """Từ chối nhận tin: this address (normalised phone or e-mail) gets nothing on this channel."""

    address = models.CharField(_("số điện thoại hoặc thư điện tử"), max_length=254)
    channel = models.CharField(_("kênh"), max_length=8, choices=Channel.choices)
    source = models.CharField(_("nguồn"), max_length=16)  # link (in an e-mail) or admin
    at = models.DateTimeField(_("thời điểm"))

    class Meta:
        verbose_name = _("từ chối nhận tin")
        verbose_name_plural = _("từ chối nhận tin")
        ordering = ["-id"]
        constraints = [
            models.UniqueConstraint(fields=["address", "channel"], name="one_optout_per_address")
        ]

    def __str__(self) -> str:
        return f"{self.address} ({self.channel})"
