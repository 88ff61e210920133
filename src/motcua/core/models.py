"""Cross-cutting records: the audit chain, the calendar overrides and citizen accounts."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class AuditEvent(models.Model):
    """Nhật ký kiểm tra: an append-only event, chained to the previous one by SHA-256."""

    at = models.DateTimeField(_("thời điểm"), db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    actor_label = models.CharField(_("người thực hiện"), max_length=150)
    action = models.CharField(_("hành động"), max_length=64)
    object_type = models.CharField(_("loại đối tượng"), max_length=64)
    object_id = models.CharField(_("mã đối tượng"), max_length=64, db_index=True)
    data = models.JSONField(_("dữ liệu"), default=dict)
    prev_hash = models.CharField(max_length=64)
    hash = models.CharField(max_length=64, unique=True)

    class Meta:
        verbose_name = _("sự kiện nhật ký")
        verbose_name_plural = _("nhật ký kiểm tra")
        ordering = ["id"]

    def __str__(self) -> str:
        return f"#{self.pk} {self.action} {self.object_type}:{self.object_id}"


class AuditHead(models.Model):
    """The single row locked while appending, so the chain stays linear under concurrency."""

    last_hash = models.CharField(max_length=64)


class CalendarDay(models.Model):
    """Ngày nghỉ bù / làm bù: an override of the holidays data for one date."""

    class Kind(models.TextChoices):
        OFF = "off", _("ngày nghỉ")
        WORK = "work", _("ngày làm việc")

    date = models.DateField(_("ngày"), unique=True)
    kind = models.CharField(_("loại"), max_length=4, choices=Kind.choices)
    reason = models.CharField(_("lý do"), max_length=255)

    class Meta:
        verbose_name = _("ngày điều chỉnh")
        verbose_name_plural = _("lịch điều chỉnh")
        ordering = ["date"]

    def __str__(self) -> str:
        return f"{self.date:%d/%m/%Y} {self.get_kind_display()}"


class Citizen(models.Model):
    """Công dân: an applicant's account, created at the first e-ID (VNeID) login.

    Its user's username is `USERNAME_PREFIX` + the ID number, so a staff account is told apart
    without a query.

    The identity comes from the identity provider's claims and is refreshed at every login;
    `id_number` (số định danh cá nhân) ties the account to the dossiers filed in that name.
    """

    USERNAME_PREFIX = "vneid:"

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="citizen"
    )
    subject = models.CharField(_("mã định danh tại nhà cung cấp"), max_length=255, unique=True)
    id_number = models.CharField(_("số định danh cá nhân"), max_length=12, unique=True)
    full_name = models.CharField(_("họ và tên"), max_length=255)
    birth_date = models.DateField(_("ngày sinh"), null=True, blank=True)
    gender = models.CharField(_("giới tính"), max_length=8, blank=True)
    address = models.CharField(_("địa chỉ thường trú"), max_length=500, blank=True)
    phone = models.CharField(_("điện thoại"), max_length=20, blank=True)
    email = models.EmailField(_("thư điện tử"), blank=True)
    assurance = models.CharField(_("mức độ xác thực"), max_length=32, blank=True)
    updated_at = models.DateTimeField(_("cập nhật lúc"), auto_now=True)

    class Meta:
        verbose_name = _("công dân")
        verbose_name_plural = _("công dân")

    def __str__(self) -> str:
        return f"{self.full_name} ({self.id_number})"
