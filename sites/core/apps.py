from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "sites.core"
    label = "core"
    verbose_name = "Inti situs desa"
