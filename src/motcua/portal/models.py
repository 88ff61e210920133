"""Online applications being prepared by citizens (hồ sơ nháp), before they become dossiers."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from motcua.agencies.models import Agency
from motcua.catalog.models import Procedure, RequiredDocument
from motcua.dossiers.models import Dossier


class Application(models.Model):
    """Hồ sơ nháp: what a citizen has filled in and uploaded so far for one procedure."""

    applicant = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="applications"
    )
    procedure = models.ForeignKey(Procedure, on_delete=models.CASCADE, related_name="+")
    agency = models.ForeignKey(Agency, null=True, on_delete=models.SET_NULL, related_name="+")
    contact = models.JSONField(_("liên hệ"), default=dict)  # phone, email, address
    form_data = models.JSONField(_("nội dung tờ khai"), default=dict)
    dossier = models.OneToOneField(
        Dossier, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(_("lưu lúc"), auto_now=True)

    class Meta:
        verbose_name = _("hồ sơ nháp")
        verbose_name_plural = _("hồ sơ nháp")
        constraints = [
            models.UniqueConstraint(
                fields=["applicant", "procedure"],
                condition=models.Q(dossier__isnull=True),
                name="one_draft_per_procedure",
            )
        ]

    def __str__(self) -> str:
        return f"{self.applicant_id} {self.procedure_id}"


class ApplicationFile(models.Model):
    """A scan uploaded for one required document of a draft (stored under a random name)."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="files")
    required_document = models.ForeignKey(
        RequiredDocument, on_delete=models.CASCADE, related_name="+"
    )
    file = models.FileField(upload_to="drafts/%Y/%m/")
    original_name = models.CharField(max_length=255)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["application", "required_document"], name="one_file_per_document"
            )
        ]
