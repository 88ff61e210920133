"""The dossier (hồ sơ) and everything recorded about it along its lifecycle."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from motcua.agencies.models import Agency
from motcua.catalog.models import FeeItem, Procedure, RequiredDocument
from motcua.core.text import fold


def dossier_search_text(code: str, applicant_name: str) -> str:
    """What the officers' search matches a dossier by, diacritics and case folded away:
    "H44.189-261203-0001 Đường Đức Bình" → "h44.189-261203-0001 duong duc binh"."""
    return fold(f"{code} {applicant_name}")


class Status(models.TextChoices):
    SUBMITTED = "submitted", _("chờ tiếp nhận")
    SUPPLEMENT_REQUESTED = "supplement_requested", _("yêu cầu bổ sung")
    REFUSED = "refused", _("từ chối")
    RECEIVED = "received", _("đã tiếp nhận")
    PROCESSING = "processing", _("đang xử lý")
    AWAITING_PAYMENT = "awaiting_payment", _("chờ nghĩa vụ tài chính")
    PAUSED = "paused", _("tạm dừng")
    RESULT_READY = "result_ready", _("đã có kết quả")
    RETURNED = "returned", _("đã trả kết quả")
    REJECTED = "rejected", _("không giải quyết")
    WITHDRAWN = "withdrawn", _("rút hồ sơ")


class Channel(models.TextChoices):
    ONLINE = "online", _("trực tuyến")
    DESK = "desk", _("trực tiếp")
    POST = "post", _("bưu chính công ích")


class Dossier(models.Model):
    """Hồ sơ TTHC: one application for one procedure, addressed to one agency."""

    code = models.CharField(_("mã hồ sơ"), max_length=64, unique=True)
    procedure = models.ForeignKey(
        Procedure, on_delete=models.PROTECT, related_name="dossiers", verbose_name=_("thủ tục")
    )
    agency = models.ForeignKey(
        Agency, on_delete=models.PROTECT, related_name="dossiers", verbose_name=_("cơ quan")
    )
    current_agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="+")
    current_step = models.PositiveSmallIntegerField(_("bước hiện tại"), null=True, blank=True)
    channel = models.CharField(_("kênh nộp"), max_length=8, choices=Channel.choices)
    status = models.CharField(_("trạng thái"), max_length=24, choices=Status.choices)
    status_before_hold = models.CharField(max_length=24, blank=True)

    applicant_id_number = models.CharField(_("số định danh"), max_length=20, db_index=True)
    applicant_name = models.CharField(_("người nộp"), max_length=255)
    applicant_phone = models.CharField(_("điện thoại"), max_length=20, blank=True)
    applicant_email = models.EmailField(_("thư điện tử"), blank=True)
    applicant_address = models.CharField(_("địa chỉ"), max_length=500, blank=True)
    form_data = models.JSONField(_("nội dung tờ khai"), default=dict)

    submitted_at = models.DateTimeField(_("thời điểm nộp"))
    received_at = models.DateTimeField(_("thời điểm tiếp nhận"), null=True, blank=True)
    clock_started_at = models.DateTimeField(null=True, blank=True)
    due_at = models.DateTimeField(_("hẹn trả"), null=True, blank=True, db_index=True)
    original_due_at = models.DateTimeField(_("hẹn trả ban đầu"), null=True, blank=True)
    clock_stopped_at = models.DateTimeField(null=True, blank=True)
    waiting_seconds = models.BigIntegerField(_("thời gian chờ (giây làm việc)"), default=0)
    completed_at = models.DateTimeField(_("thời điểm có kết quả"), null=True, blank=True)
    returned_at = models.DateTimeField(_("thời điểm trả kết quả"), null=True, blank=True)
    supplement_count = models.PositiveSmallIntegerField(default=0)
    extended = models.BooleanField(_("đã gia hạn"), default=False)
    rating = models.JSONField(_("đánh giá"), null=True, blank=True)
    # `dossier_search_text` of the code and the applicant's name, both fixed at filing.
    search_text = models.CharField(max_length=320, blank=True, editable=False)

    version = models.PositiveIntegerField(default=1)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("hồ sơ")
        verbose_name_plural = _("hồ sơ")
        indexes = [
            models.Index(fields=["agency", "status", "-id"]),
            models.Index(fields=["current_agency", "status", "-id"]),
            models.Index(fields=["agency", "received_at"]),  # the desk's register (Mẫu 07)
        ]

    def __str__(self) -> str:
        return self.code

    def get_status_display(self) -> str:
        """The status label. Replaces Django's generated method, which rebuilds (and translates)
        the whole list of choices on every call: a page of 100 dossiers calls it 100 times."""
        try:
            return str(Status(self.status).label)
        except ValueError:
            return self.status


class DossierEvent(models.Model):
    """A line of the dossier's timeline (and of Mẫu 06 when it is a hand-over)."""

    dossier = models.ForeignKey(Dossier, on_delete=models.CASCADE, related_name="events")
    action = models.CharField(max_length=32)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    actor_label = models.CharField(max_length=255)
    at = models.DateTimeField()
    from_status = models.CharField(max_length=24, blank=True)
    to_status = models.CharField(max_length=24)
    from_agency = models.ForeignKey(
        Agency, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    to_agency = models.ForeignKey(
        Agency, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    step = models.PositiveSmallIntegerField(null=True, blank=True)
    step_due_at = models.DateTimeField(null=True, blank=True)
    note = models.TextField(blank=True)
    data = models.JSONField(default=dict)

    class Meta:
        ordering = ["dossier", "id"]

    def __str__(self) -> str:
        return f"{self.dossier_id} {self.action}"


class PendingEffects(models.Model):
    """What one committed change of a dossier still has to set off: its report facts brought in
    step, its messages to the applicant and its national-portal syncs (the outbox of
    `dossiers.effects`; deleted once the worker has done it)."""

    dossier = models.ForeignKey(Dossier, on_delete=models.CASCADE, related_name="+")
    changes = models.JSONField()
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"{self.dossier_id} {len(self.changes)}"


class DossierDocument(models.Model):
    """Thành phần hồ sơ đã nộp: a document of the dossier, digitised or not."""

    class Source(models.TextChoices):
        APPLICANT = "applicant", _("người nộp cung cấp")
        DESK = "desk", _("số hóa tại bộ phận một cửa")
        NATIONAL_DATA = "national_data", _("khai thác từ CSDL")

    dossier = models.ForeignKey(Dossier, on_delete=models.CASCADE, related_name="documents")
    required_document = models.ForeignKey(
        RequiredDocument, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    name = models.CharField(max_length=500)
    kind = models.CharField(max_length=8, default="original")
    count = models.PositiveSmallIntegerField(default=1)
    source = models.CharField(max_length=16, choices=Source.choices, default="applicant")
    file = models.FileField(upload_to="dossiers/%Y/%m/", blank=True)
    added_at = models.DateTimeField()

    class Meta:
        ordering = ["dossier", "id"]

    def __str__(self) -> str:
        return self.name


class DossierFee(models.Model):
    """A fee line of the dossier, copied from the procedure at filing, integer đồng.

    `quantity` is what the officer set: copies asked for (per extra copy), 1 or 0 (a chosen line
    chosen or not), 1 (always). `amount` is what the line charges, written by `fees.py` only."""

    dossier = models.ForeignKey(Dossier, on_delete=models.CASCADE, related_name="fees")
    name = models.CharField(max_length=255)
    amount = models.PositiveBigIntegerField()
    unit_amount = models.PositiveBigIntegerField(default=0)
    condition = models.CharField(
        max_length=16, choices=FeeItem.Condition.choices, default=FeeItem.Condition.ALWAYS
    )
    included = models.PositiveSmallIntegerField(default=0)
    quantity = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["dossier", "id"]


class Payment(models.Model):
    """A payment towards the dossier's fees, with its receipt number."""

    class Method(models.TextChoices):
        ONLINE = "online", _("trực tuyến")
        DESK = "desk", _("tại quầy")

    dossier = models.ForeignKey(Dossier, on_delete=models.CASCADE, related_name="payments")
    amount = models.PositiveBigIntegerField()
    method = models.CharField(max_length=8, choices=Method.choices)
    receipt_number = models.CharField(max_length=64)
    reference = models.CharField(max_length=128, blank=True)
    paid_at = models.DateTimeField()

    class Meta:
        ordering = ["dossier", "id"]


class DossierResult(models.Model):
    """Kết quả giải quyết: the approved result or the written refusal with reasons."""

    class Kind(models.TextChoices):
        APPROVAL = "approval", _("kết quả giải quyết")
        REFUSAL = "refusal", _("văn bản không giải quyết")

    dossier = models.ForeignKey(Dossier, on_delete=models.CASCADE, related_name="results")
    kind = models.CharField(max_length=8, choices=Kind.choices)
    number = models.CharField(_("số, ký hiệu"), max_length=64, blank=True)
    note = models.TextField(blank=True)
    electronic = models.BooleanField(default=False)
    file = models.FileField(upload_to="results/%Y/%m/", blank=True)
    signed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    at = models.DateTimeField()

    class Meta:
        ordering = ["dossier", "id"]


class DailySequence(models.Model):
    """The last dossier sequence number given by an agency on a day (one upsert takes the next)."""

    agency = models.ForeignKey(Agency, on_delete=models.CASCADE, related_name="+")
    day = models.DateField()
    last = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["agency", "day"], name="unique_daily_sequence")
        ]
