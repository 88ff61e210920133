"""Payment orders, callbacks and reconciliation differences: read only, for administrators and
auditors, each seeing the dossiers of their own agencies."""

from django.contrib import admin
from django.db.models import Q, QuerySet

from motcua.agencies.selectors import scope_agency_ids
from motcua.core.admin import ReadOnlyAdmin
from motcua.payments.models import PaymentCallback, PaymentMismatch, PaymentOrder

READERS = {"admin", "auditor"}


class ReadOnlyForReaders(ReadOnlyAdmin):
    """Nobody writes here; superusers, administrators and auditors read (their scope only).

    `dossier_path` is the lookup from the row to its dossier; rows without one (an unknown order)
    are shown to readers of a top-level agency.
    """

    dossier_path = ""

    def _reader(self, request) -> bool:
        user = request.user
        return user.is_active and (
            user.is_superuser or user.staff_roles.filter(role__in=READERS).exists()
        )

    def has_module_permission(self, request) -> bool:
        return self._reader(request)

    def has_view_permission(self, request, obj=None) -> bool:
        return self._reader(request)

    def get_queryset(self, request) -> QuerySet:
        rows = super().get_queryset(request)
        user = request.user
        if user.is_superuser:
            return rows
        ids = scope_agency_ids(user, READERS)
        path = self.dossier_path
        in_scope = Q(**{f"{path}__agency_id__in": ids}) | Q(
            **{f"{path}__current_agency_id__in": ids}
        )
        if user.staff_roles.filter(role__in=READERS, agency__parent__isnull=True).exists():
            in_scope |= Q(**{f"{path}__isnull": True})
        return rows.filter(in_scope)


@admin.register(PaymentOrder)
class PaymentOrderAdmin(ReadOnlyForReaders):
    dossier_path = "dossier"
    list_display = ["order_id", "dossier", "amount", "state", "created_at", "paid_at",
                    "receipt_number", "transaction_id"]  # fmt: skip
    list_filter = ["state"]
    search_fields = ["order_id", "transaction_id", "receipt_number", "dossier__code"]
    list_select_related = ["dossier"]


@admin.register(PaymentCallback)
class PaymentCallbackAdmin(ReadOnlyForReaders):
    dossier_path = "order__dossier"
    list_display = ["received_at", "verdict", "order", "remote_addr"]
    list_filter = ["verdict"]
    search_fields = ["order__order_id", "remote_addr"]
    list_select_related = ["order"]


@admin.register(PaymentMismatch)
class PaymentMismatchAdmin(ReadOnlyForReaders):
    dossier_path = "order__dossier"
    list_display = ["day", "kind", "order_ref", "transaction_id", "our_amount", "platform_amount",
                    "found_at"]  # fmt: skip
    list_filter = ["kind", "day"]
    search_fields = ["order_ref", "transaction_id"]
