from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "motcua.reports"
    verbose_name = _("Báo cáo, thống kê")

    def ready(self) -> None:
        from motcua.dossiers import hooks
        from motcua.integrations.tasks import register_acknowledged
        from motcua.reports.services import dossier_facts_update, dossier_sync_acknowledged

        hooks.register_first_step(lambda dossier: dossier_facts_update(dossier=dossier))
        register_acknowledged(dossier_sync_acknowledged)
