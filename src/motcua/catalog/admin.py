from io import BytesIO

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from motcua.agencies.services import require_admin
from motcua.catalog.importer import CatalogueImportError, catalogue_import, template_write
from motcua.catalog.models import FeeItem, Field, Procedure, ProcessStep, RequiredDocument
from motcua.catalog.services import process_set
from motcua.core.audit import audit_record
from motcua.core.errors import DomainError, Forbidden
from motcua.core.text import fold, human_size

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
ZIP_SIGNATURE = b"PK\x03\x04"  # an .xlsx is a zip archive


class CatalogueUploadForm(forms.Form):
    """The workbook to import (the template of `motcua export-catalogue-template`)."""

    file = forms.FileField(
        label=_("Tệp Excel (.xlsx) theo mẫu"), widget=forms.FileInput(attrs={"accept": XLSX})
    )
    dry_run = forms.BooleanField(label=_("Chỉ kiểm tra, không ghi vào danh mục"), required=False)

    def clean_file(self):
        upload = self.cleaned_data["file"]
        limit = settings.MOTCUA["UPLOAD_MAX_BYTES"]
        if upload.size > limit:
            raise ValidationError(
                _("Tệp quá lớn (%(size)s); tối đa %(limit)s.")
                % {"size": human_size(upload.size), "limit": human_size(limit)}
            )
        head = upload.read(4)
        upload.seek(0)
        if not upload.name.lower().endswith(".xlsx") or head != ZIP_SIGNATURE:
            raise ValidationError(
                _("Tệp %(name)s không phải tệp Excel .xlsx.") % {"name": upload.name}
            )
        return upload


STEP_FIELDS = ("name", "role", "unit", "days")


class FeeInline(admin.TabularInline):
    model = FeeItem
    extra = 0
    verbose_name = _("phí, lệ phí")
    verbose_name_plural = _("phí, lệ phí")


class RequiredDocumentInline(admin.TabularInline):
    model = RequiredDocument
    extra = 0
    verbose_name = _("thành phần hồ sơ")
    verbose_name_plural = _("thành phần hồ sơ")


class ProcessStepInline(admin.TabularInline):
    model = ProcessStep
    fk_name = "procedure"
    extra = 0
    verbose_name = _("bước của quy trình nội bộ")
    verbose_name_plural = _("quy trình nội bộ")


@admin.register(Procedure)
class ProcedureAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "field", "online_level", "processing_days"]
    list_filter = ["online_level", "field"]
    search_fields = ["code", "search_text"]
    filter_horizontal = ["agencies"]
    inlines = [FeeInline, RequiredDocumentInline, ProcessStepInline]
    exclude = ["search_text"]
    change_list_template = "admin/catalog/procedure/change_list.html"

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path("nhap-excel/", view(self.import_view), name="catalog_procedure_import"),
            path("tep-mau.xlsx", view(self.template_view), name="catalog_procedure_template"),
            *super().get_urls(),
        ]

    def _require_admin(self, request: HttpRequest) -> None:
        try:
            require_admin(request.user)
        except Forbidden as error:
            raise PermissionDenied(error.detail) from error

    def import_view(self, request: HttpRequest) -> HttpResponse:
        """Nhập danh mục từ tệp Excel: the importer of `motcua import-catalogue`, its report
        shown line by line; all or nothing."""
        self._require_admin(request)
        form = CatalogueUploadForm(request.POST or None, request.FILES or None)
        errors = []
        if request.method == "POST" and form.is_valid():
            dry_run = form.cleaned_data["dry_run"]
            try:
                summary = catalogue_import(
                    actor=request.user, source=form.cleaned_data["file"], dry_run=dry_run
                )
            except CatalogueImportError as error:
                errors = error.errors
                messages.error(
                    request,
                    gettext("Tệp có %(count)s lỗi, không nhập dữ liệu nào.")
                    % {"count": len(errors)},
                )
            else:
                done = gettext("Kiểm tra xong, có thể nhập") if dry_run else gettext("Đã nhập")
                messages.success(request, f"{done}: {summary}.")
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": gettext("Nhập danh mục thủ tục từ tệp Excel"),
            "form": form,
            "errors": errors,
        }
        return TemplateResponse(request, "admin/catalog/procedure/import.html", context)

    def template_view(self, request: HttpRequest) -> HttpResponse:
        """The empty workbook to fill in, as `motcua export-catalogue-template` writes it."""
        self._require_admin(request)
        buffer = BytesIO()
        template_write(buffer)
        response = HttpResponse(buffer.getvalue(), content_type=XLSX)
        response["Content-Disposition"] = 'attachment; filename="mau-danh-muc-thu-tuc.xlsx"'
        return response

    def save_model(self, request, obj, form, change) -> None:
        obj.search_text = fold(f"{obj.code} {obj.name}")
        super().save_model(request, obj, form, change)
        audit_record(
            actor=request.user,
            action="procedure_update" if change else "procedure_create",
            object_type="procedure",
            object_id=obj.code,
            data={"via": "admin"},
        )

    def save_formset(self, request, form, formset, change) -> None:
        if formset.model is not ProcessStep:
            super().save_formset(request, form, formset, change)
            return
        formset.save(commit=False)  # nothing written: the admin's change message reads the lists
        for agency, steps in _processes_edited(formset).items():
            try:
                process_set(actor=request.user, procedure=form.instance, agency=agency, steps=steps)
            except DomainError as error:
                messages.error(
                    request,
                    gettext("Quy trình nội bộ tại %(agency)s chưa được lưu: %(reason)s")
                    % {"agency": agency.code, "reason": error.detail},
                )


def _processes_edited(formset) -> dict:
    """The whole new process of each agency whose steps the inline changed, in step order: the
    catalogue service replaces a process as a whole (checked and audited)."""
    kept: dict = {}
    touched = set()
    for step_form in formset.forms:
        data = step_form.cleaned_data
        if not data:
            continue  # an empty extra row
        agency = data.get("agency") or step_form.instance.agency
        if step_form.has_changed() or data.get("DELETE"):
            touched.add(agency)
        if not data.get("DELETE"):
            kept.setdefault(agency, []).append(data)
    return {
        agency: [
            {name: data[name] for name in STEP_FIELDS}
            for data in sorted(kept.get(agency, []), key=lambda d: d["order"])
        ]
        for agency in touched
    }


admin.site.register(Field)
