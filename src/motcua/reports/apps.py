from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "motcua.reports"
    verbose_name = _("Báo cáo, thống kê")

    def ready(self) -> None:
        from motcua.dossiers import hooks
        from motcua.reports.services import dossier_facts_update

        hooks.register_first_step(lambda dossier: dossier_facts_update(dossier=dossier))
