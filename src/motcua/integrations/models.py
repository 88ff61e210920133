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

    class State(models.TextChoices):
        PENDING = "pending", _("chờ gửi")
        SENT = "sent", _("đã gửi")
        ACKNOWLEDGED = "acknowledged", _("đã xác nhận")
        DEAD = "dead", _("gửi không thành công")

    dossier = models.ForeignKey(Dossier, on_delete=models.CASCADE, related_name="exchanges")
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
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("trao đổi dữ liệu")
        verbose_name_plural = _("trao đổi dữ liệu")
        ordering = ["dossier", "id"]
        indexes = [models.Index(fields=["state", "system"])]

    def __str__(self) -> str:
        return f"{self.system} {self.event} {self.dossier_id}"


class PopulationLookup(models.Model):
    """Một lần tra cứu CSDL dân cư: who looked whom up, when, why, for which dossier."""

    officer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    id_number = models.CharField(_("số định danh"), max_length=12)
    purpose = models.CharField(_("mục đích"), max_length=255)
    dossier = models.ForeignKey(
        Dossier, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
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
