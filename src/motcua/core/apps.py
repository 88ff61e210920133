import axes.apps
import django_tasks_db.apps
from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "motcua.core"
    verbose_name = _("Nền tảng")


class AxesConfig(axes.apps.AppConfig):
    """django-axes (login lockout) under a Vietnamese name in the admin."""

    verbose_name = _("Chống dò mật khẩu")


class TasksConfig(django_tasks_db.apps.TasksAppConfig):
    """django-tasks' database backend (background tasks) under a Vietnamese name in the admin."""

    verbose_name = _("Tác vụ nền")
