from django import forms
from django.contrib import admin, messages
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from motcua.core.admin import ReadOnlyAdmin
from motcua.core.errors import DomainError
from motcua.integrations.breaker import LABELS, breaker_state
from motcua.integrations.models import (
    CircuitBreaker,
    ConnectorCall,
    Exchange,
    PartnerClient,
    PartnerRequest,
    PopulationLookup,
)
from motcua.integrations.services import (
    exchange_retry,
    partner_client_create,
    partner_client_rotate_secret,
    partner_client_update,
)


@admin.register(Exchange)
class ExchangeAdmin(admin.ModelAdmin):
    list_display = ["dossier", "system", "event", "state", "attempts", "last_error", "updated_at"]
    list_filter = ["state", "system"]
    search_fields = ["dossier__code"]
    readonly_fields = [f.name for f in Exchange._meta.fields]
    actions = ["retry"]

    @admin.action(description=_("Gửi lại các trao đổi không thành công"))
    def retry(self, request, queryset):
        for exchange in queryset.filter(state=Exchange.State.DEAD):
            try:
                exchange_retry(actor=request.user, exchange=exchange)
            except DomainError as error:
                self.message_user(request, error.detail, messages.ERROR)

    def has_add_permission(self, request) -> bool:
        return False


@admin.register(PopulationLookup)
class PopulationLookupAdmin(ReadOnlyAdmin):
    """Every lookup in the population database, for auditors: read only."""

    list_display = ["at", "officer", "id_number", "purpose", "dossier", "outcome"]
    list_filter = ["outcome"]
    search_fields = ["id_number", "officer__username", "dossier__code"]


class PartnerClientForm(forms.ModelForm):
    scopes = forms.MultipleChoiceField(
        label=_("Phạm vi quyền"),
        choices=PartnerClient.Scope.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    class Meta:
        model = PartnerClient
        fields = ["name", "scopes", "rate_limit", "is_active", "agencies"]


@admin.register(PartnerClient)
class PartnerClientAdmin(admin.ModelAdmin):
    """Partner systems: made and changed through the services; the secret is shown once."""

    form = PartnerClientForm
    list_display = ["name", "client_id", "scopes", "rate_limit", "is_active", "created_at"]
    list_filter = ["is_active"]
    search_fields = ["name", "client_id"]
    readonly_fields = ["client_id", "created_at"]
    filter_horizontal = ["agencies"]
    actions = ["rotate_secret"]

    def save_model(self, request, obj, form, change) -> None:
        values = {k: form.cleaned_data[k] for k in ("name", "scopes", "rate_limit", "agencies")}
        if change:
            partner_client_update(
                actor=request.user, client=obj, is_active=form.cleaned_data["is_active"], **values
            )
            return
        client, secret = partner_client_create(
            actor=request.user, is_active=form.cleaned_data["is_active"], **values
        )
        obj.pk = client.pk
        self._show_secret(request, client, secret)

    def save_related(self, request, form, formsets, change) -> None:
        """The services have set the agencies already."""

    @admin.action(description=_("Cấp lại khóa bí mật (khóa cũ và các mã truy cập hết hiệu lực)"))
    def rotate_secret(self, request, queryset):
        for client in queryset:
            try:
                secret = partner_client_rotate_secret(actor=request.user, client=client)
            except DomainError as error:
                self.message_user(request, error.detail, messages.ERROR)
            else:
                self._show_secret(request, client, secret)

    def _show_secret(self, request, client: PartnerClient, secret: str) -> None:
        self.message_user(
            request,
            _(
                "%(name)s: client_id = %(client_id)s, client_secret = %(secret)s. Khóa bí mật chỉ"
                " hiện một lần này: hãy chuyển ngay cho đơn vị quản lý hệ thống."
            )
            % {"name": client.name, "client_id": client.client_id, "secret": secret},
            messages.WARNING,
        )


@admin.register(PartnerRequest)
class PartnerRequestAdmin(ReadOnlyAdmin):
    """Every request of a partner system, read only."""

    list_display = ["at", "client", "method", "path", "status", "duration_ms", "remote_addr"]
    list_filter = ["client", "status"]
    search_fields = ["path", "remote_addr"]


@admin.register(ConnectorCall)
class ConnectorCallAdmin(ReadOnlyAdmin):
    """Every call to an outside system, redacted, read only."""

    list_display = ["at", "system", "method", "url", "status", "duration_ms", "error"]
    list_filter = ["system", "status"]
    search_fields = ["url", "idempotency_key"]


@admin.register(CircuitBreaker)
class CircuitBreakerAdmin(ReadOnlyAdmin):
    """The circuit breaker of each outside system, as every worker sees it: read only (it
    closes by itself when a probe gets an answer)."""

    list_display = ["system", "state", "failures", "trips", "retry_at", "updated_at"]

    @admin.display(description=_("trạng thái"))
    def state(self, breaker: CircuitBreaker) -> str:
        return LABELS[breaker_state(breaker, timezone.now())]
