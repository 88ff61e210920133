from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from motcua.catalog.models import FeeItem, Field, Procedure, ProcessStep, RequiredDocument
from motcua.core.audit import audit_record
from motcua.core.text import fold


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


admin.site.register(Field)
