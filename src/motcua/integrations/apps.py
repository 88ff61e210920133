from django.apps import AppConfig


class IntegrationsConfig(AppConfig):
    name = "motcua.integrations"
    verbose_name = "Tích hợp, chia sẻ dữ liệu (LGSP)"
