from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin

from motcua.agencies.models import Agency, StaffRole
from motcua.agencies.services import (
    agency_create,
    agency_update,
    calendar_day_delete,
    calendar_day_set,
    staff_role_grant,
    staff_role_revoke,
)
from motcua.core.models import CalendarDay


class RolesThroughServices:
    """Role rows added, changed or deleted in an admin inline go through the staff services
    (the admin's scope is checked and each change is audited)."""

    def save_formset(self, request, form, formset, change) -> None:
        if formset.model is not StaffRole:
            super().save_formset(request, form, formset, change)
            return
        changed = formset.save(commit=False)
        for held in formset.deleted_objects:
            staff_role_revoke(actor=request.user, held=held)
        for held in changed:
            if held.pk:
                staff_role_revoke(actor=request.user, held=StaffRole.objects.get(pk=held.pk))
            staff_role_grant(actor=request.user, user=held.user, agency=held.agency, role=held.role)


class StaffRoleInline(admin.TabularInline):
    model = StaffRole
    extra = 0
    autocomplete_fields = ["user"]


@admin.register(Agency)
class AgencyAdmin(RolesThroughServices, admin.ModelAdmin):
    list_display = ["code", "name", "level", "parent", "is_one_stop"]
    list_filter = ["level", "is_one_stop"]
    search_fields = ["code", "name"]
    readonly_fields = ["path"]
    inlines = [StaffRoleInline]

    def get_readonly_fields(self, request, obj=None) -> list[str]:
        return ["path", "code"] if obj else ["path"]  # old records keep the code they carry

    def save_model(self, request, obj, form, change) -> None:
        if change:
            changes = {name: form.cleaned_data[name] for name in form.changed_data}
            agency_update(actor=request.user, agency=Agency.objects.get(pk=obj.pk), **changes)
        else:
            fields = {
                k: v for k, v in form.cleaned_data.items() if k not in {"code", "name", "level"}
            }
            created = agency_create(
                actor=request.user, code=obj.code, name=obj.name, level=obj.level, **fields
            )
            obj.pk, obj.path = created.pk, created.path


@admin.register(StaffRole)
class StaffRoleAdmin(admin.ModelAdmin):
    """Who holds which role where: the back office and the API read their rights from here."""

    list_display = ["user", "role", "agency"]
    list_filter = ["role"]
    search_fields = ["user__username", "user__first_name", "user__last_name", "agency__code",
                     "agency__name"]  # fmt: skip
    autocomplete_fields = ["user", "agency"]
    list_select_related = ["user", "agency"]

    def has_change_permission(self, request, obj=None) -> bool:
        return False  # a role is granted or taken away, never edited in place

    def save_model(self, request, obj, form, change) -> None:
        obj.pk = staff_role_grant(
            actor=request.user, user=obj.user, agency=obj.agency, role=obj.role
        ).pk

    def delete_model(self, request, obj) -> None:
        staff_role_revoke(actor=request.user, held=obj)

    def delete_queryset(self, request, queryset) -> None:
        for held in queryset.select_related("user", "agency"):
            staff_role_revoke(actor=request.user, held=held)


class UserRoleInline(admin.TabularInline):
    model = StaffRole
    extra = 0
    autocomplete_fields = ["agency"]


User = get_user_model()
admin.site.unregister(User)


@admin.register(User)
class StaffUserAdmin(RolesThroughServices, UserAdmin):
    """Django's user admin with the roles a staff member holds in agencies."""

    inlines = [UserRoleInline]


@admin.register(CalendarDay)
class CalendarDayAdmin(admin.ModelAdmin):
    """Nghỉ bù / làm bù overrides, written through the calendar service (checked and audited)."""

    list_display = ["date", "kind", "reason"]
    list_filter = ["kind"]

    def save_model(self, request, obj, form, change) -> None:
        if change and "date" in form.changed_data:  # moved: the old date's override goes
            calendar_day_delete(actor=request.user, day=CalendarDay.objects.get(pk=obj.pk))
        obj.pk = calendar_day_set(
            actor=request.user, date=obj.date, kind=obj.kind, reason=obj.reason
        ).pk

    def delete_model(self, request, obj) -> None:
        calendar_day_delete(actor=request.user, day=obj)

    def delete_queryset(self, request, queryset) -> None:
        for day in queryset:
            calendar_day_delete(actor=request.user, day=day)
