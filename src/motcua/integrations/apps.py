from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IntegrationsConfig(AppConfig):
    name = "motcua.integrations"
    verbose_name = _("Tích hợp, chia sẻ dữ liệu (LGSP)")

    def ready(self) -> None:
        from motcua.dossiers import hooks
        from motcua.integrations.services import dossier_sync_of_change, dossier_sync_payload

        hooks.register_snapshot(dossier_sync_payload)
        hooks.register_change_handler(dossier_sync_of_change)
