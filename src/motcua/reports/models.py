"""Reports: the 766 index definitions (as data) and the aggregates kept as dossiers change.

`DossierFact` holds, per dossier, the few facts the reports count (days of receipt, closing and
overdue, outcome, flags); `ReportCounter` holds their sums per agency, procedure and day, month and
year bucket, so a report over any range reads a few thousand rows, never the dossiers.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from motcua.agencies.models import Agency
from motcua.catalog.models import Field, Procedure
from motcua.dossiers.models import Dossier


class IndicatorGroup(models.Model):
    """Nhóm chỉ số của Bộ chỉ số 766 (công khai, minh bạch; tiến độ giải quyết; ...)."""

    key = models.CharField(max_length=32, unique=True)
    name = models.CharField(_("tên nhóm"), max_length=255)
    max_points = models.DecimalField(_("điểm tối đa"), max_digits=6, decimal_places=2)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("nhóm chỉ số")
        verbose_name_plural = _("nhóm chỉ số 766")
        ordering = ["order"]

    def __str__(self) -> str:
        return self.name


class Indicator(models.Model):
    """Chỉ số: a ratio numerator/denominator mapped to points by its rule."""

    class Rule(models.TextChoices):
        LINEAR = "linear", _("tỷ lệ thuận")
        CAP = "cap", _("đạt tối đa từ ngưỡng")
        INFO = "info", _("chỉ để theo dõi")

    class Scope(models.TextChoices):
        PROVINCE = "P", _("cấp tỉnh")
        PROVINCE_COMMUNE = "P+C", _("cấp tỉnh và cấp xã")

    class WhenEmpty(models.TextChoices):
        FULL = "full", _("đạt điểm tối đa")
        ZERO = "zero", _("không có điểm")

    key = models.CharField(max_length=48, unique=True)
    group = models.ForeignKey(IndicatorGroup, on_delete=models.PROTECT, related_name="indicators")
    name = models.CharField(_("tên chỉ số"), max_length=255)
    numerator = models.TextField(_("tử số"), blank=True)
    denominator = models.TextField(_("mẫu số"), blank=True)
    max_points = models.DecimalField(_("điểm tối đa"), max_digits=6, decimal_places=2)
    rule = models.CharField(_("cách tính điểm"), max_length=8, choices=Rule.choices)
    threshold = models.DecimalField(
        _("ngưỡng"), max_digits=4, decimal_places=3, null=True, blank=True
    )
    scope = models.CharField(_("phạm vi"), max_length=4, choices=Scope.choices)
    when_empty = models.CharField(
        _("khi không có dữ liệu"), max_length=8, choices=WhenEmpty.choices, default="full"
    )
    missing = models.TextField(
        _("dữ liệu hệ thống chưa có"),
        blank=True,
        help_text=_("Hiển thị khi chỉ số chưa đo được: dữ liệu nào hệ thống còn thiếu."),
    )
    decision = models.CharField(_("văn bản quy định"), max_length=64)
    valid_from = models.DateField(_("hiệu lực từ"))
    valid_to = models.DateField(_("hiệu lực đến"), null=True, blank=True)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("chỉ số")
        verbose_name_plural = _("chỉ số 766")
        ordering = ["group__order", "order"]

    def __str__(self) -> str:
        return self.name


class DossierFact(models.Model):
    """What the reports count about one dossier (kept in step by `dossier_facts_update`)."""

    dossier = models.OneToOneField(
        Dossier, primary_key=True, on_delete=models.CASCADE, related_name="report_fact"
    )
    agency = models.ForeignKey(Agency, on_delete=models.CASCADE, related_name="+")
    procedure = models.ForeignKey(Procedure, on_delete=models.CASCADE, related_name="+")
    field = models.ForeignKey(Field, on_delete=models.CASCADE, related_name="+")
    online = models.BooleanField(default=False)
    received_day = models.DateField(null=True)
    closed_day = models.DateField(null=True)  # result (approve/reject) or withdrawn
    outcome = models.CharField(max_length=12, blank=True)  # early, on_time, late, withdrawn
    overdue_day = models.DateField(null=True)  # first day it is pending past its due date
    processing_seconds = models.BigIntegerField(default=0)
    fee_bearing = models.BooleanField(default=False)
    paid_online = models.PositiveBigIntegerField(default=0)  # đồng
    paid_desk = models.PositiveBigIntegerField(default=0)
    paper_result = models.BooleanField(default=False)
    electronic_result = models.BooleanField(default=False)
    digitised = models.BooleanField(default=False)
    reused = models.BooleanField(default=False)
    dissatisfied = models.BooleanField(default=False)
    synced = models.BooleanField(default=False)  # the portal acknowledged a sync of its receipt

    class Meta:
        indexes = [
            models.Index(fields=["agency", "received_day"]),
            models.Index(fields=["agency", "closed_day"]),
            models.Index(fields=["agency", "overdue_day"]),
        ]


COUNTER_COLUMNS = (
    "received_online",
    "received_offline",
    "resolved_early",
    "resolved_on_time",
    "resolved_late",
    "withdrawn",
    "overdue_start",
    "overdue_end",
    "processing_seconds",
    "fee_bearing",
    "paid_online_count",
    "paid_online_amount",
    "paid_desk_count",
    "paid_desk_amount",
    "paper_result",
    "electronic_result",
    "digitised",
    "reused",
    "rated_dissatisfied",
    "synced",
)


class ReportCounter(models.Model):
    """Sums of dossier facts per agency, procedure and bucket (a day, a month or a year).

    Each fact adds to the bucket of its day at the three grains; a range is read as few buckets
    as cover it (`periods.covering_buckets`), and "carried over" or "overdue at the end" are
    prefix sums of the same columns.
    """

    class Grain(models.TextChoices):
        DAY = "d", _("ngày")
        MONTH = "m", _("tháng")
        YEAR = "y", _("năm")

    grain = models.CharField(max_length=1, choices=Grain.choices)
    bucket = models.DateField()  # the first day of the day, month or year
    agency = models.ForeignKey(Agency, on_delete=models.CASCADE, related_name="+")
    procedure = models.ForeignKey(Procedure, on_delete=models.CASCADE, related_name="+")
    field = models.ForeignKey(Field, on_delete=models.CASCADE, related_name="+")
    received_online = models.BigIntegerField(default=0)
    received_offline = models.BigIntegerField(default=0)
    resolved_early = models.BigIntegerField(default=0)
    resolved_on_time = models.BigIntegerField(default=0)
    resolved_late = models.BigIntegerField(default=0)
    withdrawn = models.BigIntegerField(default=0)
    overdue_start = models.BigIntegerField(default=0)
    overdue_end = models.BigIntegerField(default=0)
    processing_seconds = models.BigIntegerField(default=0)
    fee_bearing = models.BigIntegerField(default=0)
    paid_online_count = models.BigIntegerField(default=0)
    paid_online_amount = models.BigIntegerField(default=0)
    paid_desk_count = models.BigIntegerField(default=0)
    paid_desk_amount = models.BigIntegerField(default=0)
    paper_result = models.BigIntegerField(default=0)
    electronic_result = models.BigIntegerField(default=0)
    digitised = models.BigIntegerField(default=0)
    reused = models.BigIntegerField(default=0)
    rated_dissatisfied = models.BigIntegerField(default=0)
    synced = models.BigIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["grain", "bucket", "agency", "procedure"], name="unique_report_counter"
            )
        ]
