"""Administrative units, agencies and the roles staff hold in them."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from motcua.core.codes import agency_code_error

DEFAULT_WORK_PERIODS = [["07:30", "11:30"], ["13:30", "17:00"]]


def default_work_periods() -> list[list[str]]:
    return [list(period) for period in DEFAULT_WORK_PERIODS]


def validate_agency_code(value: str) -> None:
    error = agency_code_error(value)
    if error:
        raise ValidationError(error)


class Agency(models.Model):
    """Cơ quan, đơn vị: a node of the administrative tree, with its electronic identifier code."""

    class Level(models.TextChoices):
        PROVINCE = "province", _("cấp tỉnh")
        DEPARTMENT = "department", _("sở, ban, ngành")
        # Districts were dissolved on 1 July 2025 (two-tier local government): the level stays
        # for the records of before that date, which keep their agencies and codes.
        DISTRICT = "district", _("cấp huyện (trước 01/7/2025)")
        COMMUNE = "commune", _("cấp xã")

    code = models.CharField(
        _("mã định danh"), max_length=35, unique=True, validators=[validate_agency_code]
    )
    name = models.CharField(_("tên"), max_length=255)
    level = models.CharField(_("cấp"), max_length=16, choices=Level.choices)
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
        verbose_name=_("cơ quan cấp trên"),
    )
    # Materialised path of primary keys ("/1/4/17/"): descendants are one prefix filter.
    path = models.CharField(max_length=255, db_index=True, editable=False)
    is_one_stop = models.BooleanField(_("bộ phận một cửa"), default=False)
    # Địa danh: the place in "Hy Cương, ngày … tháng … năm …" on what the agency issues (Nghị
    # định 30/2020); empty means the province's place (setting MOTCUA_PLACE_NAME).
    place = models.CharField(_("địa danh"), max_length=100, blank=True)
    valid_from = models.DateField(_("hiệu lực từ"), null=True, blank=True)
    valid_to = models.DateField(_("hiệu lực đến"), null=True, blank=True)
    merged_into = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="merged_from"
    )
    work_periods = models.JSONField(_("giờ làm việc"), default=default_work_periods)
    works_saturday_morning = models.BooleanField(_("làm việc sáng thứ Bảy"), default=False)

    class Meta:
        verbose_name = _("cơ quan")
        verbose_name_plural = _("cơ quan, đơn vị")
        ordering = ["code"]

    def __str__(self) -> str:
        return f"{self.name} ({self.code})"

    @property
    def place_name(self) -> str:
        """The place the agency's documents are dated at: its own, else the province's."""
        return self.place or settings.MOTCUA["PLACE_NAME"]


class StaffRole(models.Model):
    """Vai trò: a role a staff member holds in one agency; a user may hold several."""

    class Role(models.TextChoices):
        RECEIVER = "receiver", _("cán bộ tiếp nhận")
        SPECIALIST = "specialist", _("chuyên viên thụ lý")
        APPROVER = "approver", _("lãnh đạo phê duyệt")
        CLERK = "clerk", _("văn thư")
        ADMIN = "admin", _("quản trị")
        AUDITOR = "auditor", _("thanh tra, kiểm tra")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="staff_roles",
        verbose_name=_("cán bộ"),
    )
    agency = models.ForeignKey(
        Agency, on_delete=models.PROTECT, related_name="staff_roles", verbose_name=_("cơ quan")
    )
    role = models.CharField(_("vai trò"), max_length=16, choices=Role.choices)

    class Meta:
        verbose_name = _("vai trò cán bộ")
        verbose_name_plural = _("vai trò cán bộ")
        constraints = [
            models.UniqueConstraint(fields=["user", "agency", "role"], name="unique_staff_role")
        ]

    def __str__(self) -> str:
        return f"{self.user} {self.role} @ {self.agency.code}"
