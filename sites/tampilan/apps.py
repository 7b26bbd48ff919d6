from django.apps import AppConfig


class TampilanConfig(AppConfig):
    name = "sites.tampilan"
    label = "tampilan"
    verbose_name = "Tampilan situs"
