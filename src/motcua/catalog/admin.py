from django.contrib import admin

from motcua.catalog.models import FeeItem, Field, Procedure, ProcessStep, RequiredDocument
from motcua.core.audit import audit_record
from motcua.core.text import fold


class FeeInline(admin.TabularInline):
    model = FeeItem
    extra = 0


class RequiredDocumentInline(admin.TabularInline):
    model = RequiredDocument
    extra = 0


class ProcessStepInline(admin.TabularInline):
    model = ProcessStep
    fk_name = "procedure"
    extra = 0


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
