"""The outbox of the LGSP: every message to an outside system, and how far it has got."""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from motcua.dossiers.models import Dossier


class Exchange(models.Model):
    """Một lần trao đổi: one outgoing message about a dossier, delivered by the worker."""

    class System(models.TextChoices):
        NATIONAL_PORTAL = "national_portal", _("Cổng Dịch vụ công quốc gia")
        NOTIFICATIONS = "notifications", _("Tin nhắn cho người nộp (thư, SMS, Zalo)")

    class State(models.TextChoices):
        PENDING = "pending", _("chờ gửi")
        SENT = "sent", _("đã gửi")
        ACKNOWLEDGED = "acknowledged", _("đã xác nhận")
        DEAD = "dead", _("gửi không thành công")

    dossier = models.ForeignKey(
        Dossier, on_delete=models.CASCADE, related_name="exchanges", verbose_name=_("hồ sơ")
    )
    system = models.CharField(_("hệ thống"), max_length=32, choices=System.choices)
    event = models.CharField(_("sự kiện"), max_length=32)
    payload = models.JSONField(_("nội dung"))
    idempotency_key = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    state = models.CharField(
        _("trạng thái"), max_length=16, choices=State.choices, default=State.PENDING
    )
    attempts = models.PositiveIntegerField(_("số lần gửi"), default=0)
    last_error = models.TextField(_("lỗi gần nhất"), blank=True)
    response = models.JSONField(_("phản hồi"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(_("cập nhật lúc"), auto_now=True)

    class Meta:
        verbose_name = _("trao đổi dữ liệu")
        verbose_name_plural = _("trao đổi dữ liệu")
        ordering = ["dossier", "id"]
        indexes = [models.Index(fields=["state", "system"])]

    def __str__(self) -> str:
        return f"{self.system} {self.event} {self.dossier_id}"

    @property
    def progress(self) -> str:
        """Where the message is, as an officer reads it: waiting, failing (to be retried),
        acknowledged, or a dead letter that only an administrator sends again."""
        if self.state == self.State.PENDING and self.last_error:
            return _("lỗi, sẽ gửi lại")
        if self.state == self.State.DEAD:
            return _("thư chết (chờ quản trị gửi lại)")
        return self.get_state_display()


class PopulationLookup(models.Model):
    """Một lần tra cứu CSDL dân cư: who looked whom up, when, why, for which dossier."""

    officer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("cán bộ"),
    )
    id_number = models.CharField(_("số định danh"), max_length=12)
    purpose = models.CharField(_("mục đích"), max_length=255)
    dossier = models.ForeignKey(
        Dossier,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("hồ sơ"),
    )
    at = models.DateTimeField(_("thời điểm"))
    outcome = models.CharField(_("kết quả"), max_length=16)  # found, not_found, failed

    class Meta:
        verbose_name = _("tra cứu CSDL dân cư")
        verbose_name_plural = _("tra cứu CSDL dân cư")
        ordering = ["-id"]
        indexes = [models.Index(fields=["officer", "-at"])]

    def __str__(self) -> str:
        return f"{self.officer_id} {self.id_number} {self.at:%Y-%m-%d %H:%M}"


class PartnerClient(models.Model):
    """Hệ thống đối tác: an outside system that reads our data with OAuth2 client credentials.

    The secret is shown once when made and only its SHA-256 digest is kept (it is a long random
    string, not a password a person chose, so a slow password hash would add nothing).
    """

    class Scope(models.TextChoices):
        DOSSIERS_READ = "dossiers:read", _("đọc hồ sơ của các cơ quan được phép")
        REPORTS_READ = "reports:read", _("đọc báo cáo, thống kê")

    name = models.CharField(_("tên hệ thống"), max_length=255)
    client_id = models.CharField(_("mã ứng dụng (client_id)"), max_length=64, unique=True)
    secret_digest = models.CharField(_("mã băm khóa bí mật"), max_length=64, editable=False)
    scopes = models.JSONField(_("phạm vi quyền"), default=list)
    rate_limit = models.PositiveIntegerField(_("số yêu cầu tối đa mỗi phút"), default=60)
    is_active = models.BooleanField(_("đang hoạt động"), default=True)
    agencies = models.ManyToManyField(
        "agencies.Agency",
        blank=True,
        related_name="+",
        verbose_name=_("cơ quan được đọc hồ sơ"),
        help_text=_("Kể cả các đơn vị trực thuộc."),
    )
    created_at = models.DateTimeField(_("ngày tạo"), auto_now_add=True)

    class Meta:
        verbose_name = _("hệ thống đối tác")
        verbose_name_plural = _("hệ thống đối tác")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class PartnerToken(models.Model):
    """Mã truy cập cấp cho hệ thống đối tác; only its SHA-256 digest is stored."""

    client = models.ForeignKey(PartnerClient, on_delete=models.CASCADE, related_name="tokens")
    digest = models.CharField(max_length=64, unique=True)
    scopes = models.JSONField(default=list)
    issued_at = models.DateTimeField()
    expires_at = models.DateTimeField()

    class Meta:
        verbose_name = _("mã truy cập đối tác")
        verbose_name_plural = _("mã truy cập đối tác")

    def __str__(self) -> str:
        return f"{self.client_id} {self.issued_at:%Y-%m-%d %H:%M}"


class PartnerRequest(models.Model):
    """Nhật ký truy cập của hệ thống đối tác: one row per request, read only."""

    client = models.ForeignKey(
        PartnerClient, null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name=_("hệ thống đối tác"),
    )  # fmt: skip
    method = models.CharField(_("phương thức"), max_length=8)
    path = models.CharField(_("đường dẫn"), max_length=500)
    status = models.PositiveSmallIntegerField(_("mã trạng thái"))
    at = models.DateTimeField(_("thời điểm"))
    duration_ms = models.PositiveIntegerField(_("thời gian xử lý (ms)"))
    remote_addr = models.GenericIPAddressField(_("địa chỉ IP"), null=True, blank=True)

    class Meta:
        verbose_name = _("lượt truy cập của đối tác")
        verbose_name_plural = _("nhật ký truy cập của đối tác")
        ordering = ["-id"]
        indexes = [models.Index(fields=["client", "-at"]), models.Index(fields=["at"])]

    def __str__(self) -> str:
        return f"{self.method} {self.path} {self.status}"


class ConnectorCall(models.Model):
    """Nhật ký gọi hệ thống ngoài: one request to an outside system and its answer, with secrets
    and personal identifiers redacted (see docs/decisions/0007-partner-api-and-connector-log.md).
    """

    system = models.CharField(_("hệ thống"), max_length=32)
    method = models.CharField(_("phương thức"), max_length=8)
    url = models.CharField(_("địa chỉ"), max_length=1000)
    request_body = models.TextField(_("nội dung gửi"), blank=True)
    status = models.PositiveSmallIntegerField(_("mã trạng thái"), null=True, blank=True)
    response_body = models.TextField(_("nội dung trả lời"), blank=True)
    duration_ms = models.PositiveIntegerField(_("thời gian (ms)"))
    error = models.TextField(_("lỗi"), blank=True)
    idempotency_key = models.CharField(_("khóa chống lặp"), max_length=64, blank=True)
    at = models.DateTimeField(_("thời điểm"))

    class Meta:
        verbose_name = _("lượt gọi hệ thống ngoài")
        verbose_name_plural = _("nhật ký gọi hệ thống ngoài")
        ordering = ["-id"]
        indexes = [models.Index(fields=["system", "-at"]), models.Index(fields=["at"])]

    def __str__(self) -> str:
        return f"{self.system} {self.method} {self.status or '-'}"


class WorkerHeartbeat(models.Model):
    """Nhịp sống của tiến trình nền: a `motcua worker` writes its row every few seconds, so that a
    task claimed by a worker that stopped beating (killed) can be given to another one."""

    worker_id = models.CharField(_("mã tiến trình"), max_length=64, primary_key=True)
    seen_at = models.DateTimeField(_("lần cuối còn chạy"))

    class Meta:
        verbose_name = _("tiến trình nền")
        verbose_name_plural = _("tiến trình nền")

    def __str__(self) -> str:
        return self.worker_id


class CircuitBreaker(models.Model):
    """Cầu dao của một hệ thống ngoài: after consecutive failures its deliveries are held back
    until a probe after a backoff (`integrations.breaker`). In the database, so that every worker
    process shares it."""

    system = models.CharField(
        _("hệ thống"), max_length=32, primary_key=True, choices=Exchange.System.choices
    )
    failures = models.PositiveIntegerField(_("số lần lỗi liên tiếp"), default=0)
    trips = models.PositiveIntegerField(_("số lần ngắt liên tiếp"), default=0)
    retry_at = models.DateTimeField(_("thử lại lúc"), null=True, blank=True)
    updated_at = models.DateTimeField(_("cập nhật lúc"), auto_now=True)

    class Meta:
        verbose_name = _("cầu dao hệ thống ngoài")
        verbose_name_plural = _("cầu dao hệ thống ngoài")

    def __str__(self) -> str:
        return self.system
