from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from django_tasks_db.admin import DBTaskResultAdmin
from django_tasks_db.models import DBTaskResult

from motcua.core.models import AuditEvent


class ReadOnlyAdmin(admin.ModelAdmin):
    """Shown to administrators and auditors; nothing is added, changed or deleted here."""

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(AuditEvent)
class AuditEventAdmin(ReadOnlyAdmin):
    """The audit chain is read-only, even for administrators."""

    list_display = ["id", "at", "actor_label", "action", "object_type", "object_id"]
    list_filter = ["action", "object_type"]
    search_fields = ["object_id", "actor_label"]


# django-tasks-db names two of its columns with plain strings and one by a property's name, which
# no catalogue can translate: the same admin with Vietnamese headings.
admin.site.unregister(DBTaskResult)


@admin.register(DBTaskResult)
class TaskResultAdmin(DBTaskResultAdmin):
    list_display = ("id", "task", "status", "enqueued_at", "started_at", "finished_at",
                    "priority", "queue_name")  # fmt: skip

    @admin.display(description=_("tác vụ"))
    def task(self, obj: DBTaskResult) -> str:
        return obj.task_name

    @admin.display(description=_("vết lỗi (traceback)"))
    def formatted_traceback(self, obj: DBTaskResult) -> str:
        return super().formatted_traceback(obj)

    @admin.display(description=_("chạy sau"))
    def display_run_after(self, obj: DBTaskResult):
        return super().display_run_after(obj)
