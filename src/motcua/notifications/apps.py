from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotificationsConfig(AppConfig):
    name = "motcua.notifications"
    verbose_name = _("Thông báo cho người nộp hồ sơ")

    def ready(self) -> None:
        from motcua.dossiers import hooks
        from motcua.integrations.models import Exchange
        from motcua.integrations.tasks import register_sender
        from motcua.notifications import delivery
        from motcua.notifications.services import notify_applicant_of_change

        hooks.register_change_handler(notify_applicant_of_change)

        register_sender(Exchange.System.NOTIFICATIONS, delivery.send_exchange,
                        give_up=delivery.give_up)  # fmt: skip
