from django.contrib import admin

from motcua.core.admin import ReadOnlyAdmin
from motcua.dossiers.models import Dossier, DossierEvent


class EventInline(admin.TabularInline):
    model = DossierEvent
    extra = 0
    can_delete = False
    fields = ["at", "action", "actor_label", "from_status", "to_status", "note"]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Dossier)
class DossierAdmin(ReadOnlyAdmin):
    """Read-only view: dossiers change only through the lifecycle services."""

    list_display = ["code", "procedure", "agency", "status", "received_at", "due_at"]
    list_filter = ["status", "channel"]
    search_fields = ["code", "applicant_id_number", "applicant_name"]
    inlines = [EventInline]
