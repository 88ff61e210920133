from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin

from motcua.agencies.models import Agency, StaffRole
from motcua.agencies.services import agency_create, agency_update


class StaffRoleInline(admin.TabularInline):
    model = StaffRole
    extra = 0
    autocomplete_fields = ["user"]


@admin.register(Agency)
class AgencyAdmin(admin.ModelAdmin):
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


class UserRoleInline(admin.TabularInline):
    model = StaffRole
    extra = 0
    autocomplete_fields = ["agency"]


User = get_user_model()
admin.site.unregister(User)


@admin.register(User)
class StaffUserAdmin(UserAdmin):
    """Django's user admin with the roles a staff member holds in agencies."""

    inlines = [UserRoleInline]
