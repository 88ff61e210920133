"""The procedure catalogue (thủ tục hành chính) and each agency's internal process."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from motcua.agencies.models import Agency, StaffRole


class Field(models.Model):
    """Lĩnh vực: the field a procedure belongs to (hộ tịch, đất đai, xây dựng...)."""

    code = models.CharField(_("mã"), max_length=32, unique=True)
    name = models.CharField(_("tên"), max_length=255)

    class Meta:
        verbose_name = _("lĩnh vực")
        verbose_name_plural = _("lĩnh vực")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Procedure(models.Model):
    """Thủ tục hành chính: a published procedure with its national code."""

    class OnlineLevel(models.TextChoices):
        FULL = "full", _("toàn trình")
        PARTIAL = "partial", _("một phần")
        INFO = "info", _("cung cấp thông tin")

    class Level(models.TextChoices):
        PROVINCE = "province", _("cấp tỉnh")
        DISTRICT = "district", _("cấp huyện")
        COMMUNE = "commune", _("cấp xã")

    class SupplementClock(models.TextChoices):
        RESUME = "resume", _("tiếp tục tính thời gian còn lại")
        RESTART = "restart", _("tính lại từ đầu")

    code = models.CharField(_("mã thủ tục"), max_length=32, unique=True)
    name = models.CharField(_("tên thủ tục"), max_length=500)
    search_text = models.CharField(max_length=600, db_index=True, editable=False)
    field = models.ForeignKey(
        Field, on_delete=models.PROTECT, related_name="procedures", verbose_name=_("lĩnh vực")
    )
    levels = models.JSONField(_("cấp thực hiện"), default=list)
    online_level = models.CharField(
        _("mức độ trực tuyến"), max_length=8, choices=OnlineLevel.choices, default="full"
    )
    partial_reason = models.TextField(_("lý do chỉ trực tuyến một phần"), blank=True)
    processing_days = models.DecimalField(
        _("thời hạn (ngày làm việc)"), max_digits=6, decimal_places=2
    )
    online_processing_days = models.DecimalField(
        _("thời hạn khi nộp trực tuyến"), max_digits=6, decimal_places=2, null=True, blank=True
    )
    subjects = models.JSONField(_("đối tượng thực hiện"), default=list)  # individual, organisation
    steps = models.TextField(_("trình tự thực hiện"), blank=True)
    result_type = models.CharField(_("kết quả"), max_length=255, blank=True)
    result_on_paper = models.BooleanField(_("kết quả bản giấy"), default=True)
    legal_basis = models.TextField(_("căn cứ pháp lý"), blank=True)
    publication_decision = models.CharField(_("quyết định công bố"), max_length=255, blank=True)
    published_on = models.DateField(_("ngày công bố"), null=True, blank=True)  # of the decision
    effective_on = models.DateField(
        _("ngày văn bản quy định có hiệu lực"),
        null=True,
        blank=True,
        help_text=_("Ngày văn bản quy phạm pháp luật quy định thủ tục có hiệu lực thi hành."),
    )
    national_db_published_on = models.DateField(
        _("ngày công khai trên CSDL quốc gia về TTHC"), null=True, blank=True
    )
    proactive_level = models.PositiveSmallIntegerField(
        _("mức dịch vụ công chủ động"), null=True, blank=True
    )
    supplement_clock = models.CharField(
        _("thời hạn sau bổ sung"), max_length=8, choices=SupplementClock.choices, default="resume"
    )
    payment_pauses_clock = models.BooleanField(
        _("thời gian thực hiện nghĩa vụ tài chính không tính vào thời hạn"), default=False
    )
    form_schema = models.JSONField(_("biểu mẫu điện tử (JSON Schema)"), default=dict)
    agencies = models.ManyToManyField(Agency, related_name="procedures", blank=True)
    is_active = models.BooleanField(_("đang áp dụng"), default=True)

    class Meta:
        verbose_name = _("thủ tục hành chính")
        verbose_name_plural = _("thủ tục hành chính")
        ordering = ["code"]

    def __str__(self) -> str:
        return f"{self.code} {self.name}"


class FeeItem(models.Model):
    """Phí, lệ phí: one fee line of a procedure, in integer đồng (0 when exempt).

    Its `condition` says when it is charged (`dossiers/fees.py` computes what it charges): always;
    per extra copy, `amount` for each copy asked beyond the `included` ones (e.g. 2 for "từ Phiếu
    thứ 3 trở đi"); or only when the officer chooses it (a service or optional line)."""

    class Condition(models.TextChoices):
        ALWAYS = "always", _("luôn thu")
        PER_EXTRA_COPY = "per_extra_copy", _("mỗi bản vượt số bản đã gồm")
        CHOSEN = "chosen", _("khi được chọn")

    procedure = models.ForeignKey(Procedure, on_delete=models.CASCADE, related_name="fees")
    name = models.CharField(_("tên khoản"), max_length=255)
    amount = models.PositiveBigIntegerField(_("số tiền (đồng)"))
    note = models.CharField(_("ghi chú"), max_length=255, blank=True)
    condition = models.CharField(
        _("điều kiện thu"), max_length=16, choices=Condition.choices, default=Condition.ALWAYS
    )
    included = models.PositiveSmallIntegerField(
        _("số bản đã gồm"),
        default=0,
        help_text=_("Thu theo bản vượt: số bản không thu khoản này (2 khi thu từ bản thứ 3)."),
    )
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["procedure", "order", "id"]

    def __str__(self) -> str:
        return f"{self.name}: {self.amount}"


class RequiredDocument(models.Model):
    """Thành phần hồ sơ: a document the applicant provides."""

    class Kind(models.TextChoices):
        ORIGINAL = "original", _("bản chính")
        COPY = "copy", _("bản sao")

    procedure = models.ForeignKey(
        Procedure, on_delete=models.CASCADE, related_name="required_documents"
    )
    name = models.CharField(_("tên giấy tờ"), max_length=500)
    kind = models.CharField(_("loại"), max_length=8, choices=Kind.choices, default="original")
    count = models.PositiveSmallIntegerField(_("số lượng"), default=1)
    template = models.CharField(_("mẫu đơn, tờ khai"), max_length=255, blank=True)
    # Data the national databases hold must not be asked for again (Nghị định 118/2025).
    from_national_data = models.BooleanField(_("khai thác từ CSDL quốc gia"), default=False)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["procedure", "order", "id"]

    def __str__(self) -> str:
        return self.name


class ProcessStep(models.Model):
    """Bước của quy trình nội bộ: who does what, for how long, in one agency's process."""

    procedure = models.ForeignKey(Procedure, on_delete=models.CASCADE, related_name="steps_set")
    agency = models.ForeignKey(Agency, on_delete=models.CASCADE, related_name="process_steps")
    order = models.PositiveSmallIntegerField()
    name = models.CharField(_("tên bước"), max_length=255)
    role = models.CharField(_("vai trò"), max_length=16, choices=StaffRole.Role.choices)
    unit = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="+")
    days = models.DecimalField(_("thời gian (ngày làm việc)"), max_digits=6, decimal_places=2)

    class Meta:
        ordering = ["procedure", "agency", "order"]
        constraints = [
            models.UniqueConstraint(
                fields=["procedure", "agency", "order"], name="unique_process_step"
            )
        ]

    def __str__(self) -> str:
        return f"{self.order}. {self.name}"
