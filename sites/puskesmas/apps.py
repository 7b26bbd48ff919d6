from django.apps import AppConfig


class PuskesmasConfig(AppConfig):
    name = "sites.puskesmas"
    label = "puskesmas"
    verbose_name = "Layanan puskesmas"
