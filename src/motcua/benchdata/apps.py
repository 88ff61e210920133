from django.apps import AppConfig


class BenchDataConfig(AppConfig):
    name = "motcua.benchdata"
    verbose_name = "Dữ liệu tổng hợp cho đo hiệu năng"
