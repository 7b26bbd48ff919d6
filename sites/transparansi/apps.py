from django.apps import AppConfig


class TransparansiConfig(AppConfig):
    name = "sites.transparansi"
    label = "transparansi"
    verbose_name = "Transparansi"
