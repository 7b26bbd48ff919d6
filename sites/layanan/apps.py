from django.apps import AppConfig


class LayananConfig(AppConfig):
    name = "sites.layanan"
    label = "layanan"
    verbose_name = "Layanan"
