from django.contrib import admin, messages

from motcua.core.errors import DomainError
from motcua.integrations.models import Exchange, PopulationLookup
from motcua.integrations.services import exchange_retry


@admin.register(Exchange)
class ExchangeAdmin(admin.ModelAdmin):
    list_display = ["dossier", "system", "event", "state", "attempts", "last_error", "updated_at"]
    list_filter = ["state", "system"]
    search_fields = ["dossier__code"]
    readonly_fields = [f.name for f in Exchange._meta.fields]
    actions = ["retry"]

    @admin.action(description="Gửi lại các trao đổi không thành công")
    def retry(self, request, queryset):
        for exchange in queryset.filter(state=Exchange.State.DEAD):
            try:
                exchange_retry(actor=request.user, exchange=exchange)
            except DomainError as error:
                self.message_user(request, error.detail, messages.ERROR)

    def has_add_permission(self, request) -> bool:
        return False


@admin.register(PopulationLookup)
class PopulationLookupAdmin(admin.ModelAdmin):
    """Every lookup in the population database, for auditors: read only."""

    list_display = ["at", "officer", "id_number", "purpose", "dossier", "outcome"]
    list_filter = ["outcome"]
    search_fields = ["id_number", "officer__username", "dossier__code"]
    readonly_fields = [f.name for f in PopulationLookup._meta.fields]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False
