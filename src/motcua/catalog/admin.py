from django.contrib import admin, messages
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from motcua.catalog.models import FeeItem, Field, Procedure, ProcessStep, RequiredDocument
from motcua.catalog.services import process_set
from motcua.core.audit import audit_record
from motcua.core.errors import DomainError
from motcua.core.text import fold

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
