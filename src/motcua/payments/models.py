"""Online payment of a dossier's fees through the national payment platform, and its checks."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from motcua.dossiers.models import Dossier, Payment


class PaymentOrder(models.Model):
    """Lệnh thanh toán: one attempt to pay a dossier's outstanding fees online, integer đồng."""

    class State(models.TextChoices):
        CREATED = "created", _("chờ thanh toán")
        PAID = "paid", _("đã thanh toán")
        FAILED = "failed", _("không thành công")
        EXPIRED = "expired", _("hết hiệu lực")

    dossier = models.ForeignKey(
        Dossier, on_delete=models.PROTECT, related_name="payment_orders", verbose_name=_("hồ sơ")
    )
    order_id = models.CharField(_("mã lệnh thanh toán"), max_length=32, unique=True)
    amount = models.PositiveBigIntegerField(_("số tiền (đồng)"))
    state = models.CharField(
        _("trạng thái"), max_length=8, choices=State.choices, default=State.CREATED
    )
    transaction_id = models.CharField(
        _("mã giao dịch của nền tảng"), max_length=64, blank=True, db_index=True
    )
    payment_url = models.URLField(_("địa chỉ trang thanh toán"), max_length=1000, blank=True)
    last_error = models.TextField(_("lỗi gần nhất"), blank=True)
    created_at = models.DateTimeField(_("thời điểm tạo"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
        verbose_name=_("người tạo"),
    )  # fmt: skip
    paid_at = models.DateTimeField(_("thời điểm thanh toán"), null=True, blank=True)
    receipt_number = models.CharField(_("số biên lai điện tử"), max_length=64, blank=True)
    payment = models.OneToOneField(
        Payment, null=True, blank=True, on_delete=models.PROTECT, related_name="order",
        verbose_name=_("khoản nộp đã ghi nhận"),
    )  # fmt: skip

    class Meta:
        verbose_name = _("lệnh thanh toán trực tuyến")
        verbose_name_plural = _("lệnh thanh toán trực tuyến")
        ordering = ["-id"]
        indexes = [models.Index(fields=["state", "paid_at"])]

    def __str__(self) -> str:
        return self.order_id


class PaymentCallback(models.Model):
    """Thông báo kết quả thanh toán: every callback the platform sent, with our verdict."""

    class Verdict(models.TextChoices):
        ACCEPTED = "accepted", _("chấp nhận")
        DUPLICATE = "duplicate", _("trùng lặp, đã xử lý trước đó")
        BAD_SIGNATURE = "bad_signature", _("sai chữ ký")
        WRONG_AMOUNT = "wrong_amount", _("sai số tiền")
        UNKNOWN_ORDER = "unknown_order", _("không có lệnh thanh toán")
        NOT_DUE = "not_due", _("hồ sơ không còn chờ thanh toán")

    received_at = models.DateTimeField(_("thời điểm nhận"))
    remote_addr = models.GenericIPAddressField(_("địa chỉ gửi"), null=True, blank=True)
    params = models.JSONField(_("tham số nhận được"))
    order = models.ForeignKey(
        PaymentOrder, null=True, blank=True, on_delete=models.PROTECT, related_name="callbacks",
        verbose_name=_("lệnh thanh toán"),
    )  # fmt: skip
    verdict = models.CharField(_("kết quả kiểm tra"), max_length=16, choices=Verdict.choices)

    class Meta:
        verbose_name = _("thông báo kết quả thanh toán")
        verbose_name_plural = _("thông báo kết quả thanh toán")
        ordering = ["-id"]

    def __str__(self) -> str:
        return f"{self.received_at:%Y-%m-%d %H:%M:%S} {self.verdict}"


class PaymentMismatch(models.Model):
    """Chênh lệch đối soát: a difference between the platform's daily statement and our books.

    Recorded for people to resolve; reconciliation never changes a payment by itself.
    """

    class Kind(models.TextChoices):
        MISSING_HERE = "missing_here", _("nền tảng đã thu, hệ thống chưa ghi nhận")
        MISSING_THERE = "missing_there", _("hệ thống đã ghi nhận, nền tảng không có")
        AMOUNT_DIFFERS = "amount_differs", _("số tiền khác nhau")

    day = models.DateField(_("ngày đối soát"))
    kind = models.CharField(_("loại chênh lệch"), max_length=16, choices=Kind.choices)
    order_ref = models.CharField(_("mã lệnh thanh toán"), max_length=64)
    order = models.ForeignKey(
        PaymentOrder, null=True, blank=True, on_delete=models.PROTECT, related_name="mismatches",
        verbose_name=_("lệnh thanh toán"),
    )  # fmt: skip
    transaction_id = models.CharField(_("mã giao dịch của nền tảng"), max_length=64, blank=True)
    our_amount = models.BigIntegerField(_("số tiền hệ thống ghi nhận"), null=True, blank=True)
    platform_amount = models.BigIntegerField(_("số tiền nền tảng báo"), null=True, blank=True)
    found_at = models.DateTimeField(_("thời điểm phát hiện"))

    class Meta:
        verbose_name = _("chênh lệch đối soát")
        verbose_name_plural = _("chênh lệch đối soát")
        ordering = ["-day", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["day", "kind", "order_ref"], name="unique_payment_mismatch"
            )
        ]

    def __str__(self) -> str:
        return f"{self.day} {self.kind} {self.order_ref}"
