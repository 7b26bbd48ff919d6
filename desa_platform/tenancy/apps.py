from django.apps import AppConfig


class TenancyConfig(AppConfig):
    name = "desa_platform.tenancy"
    label = "tenancy"
    verbose_name = "Tenancy"

    def ready(self):
        from . import signals  # noqa: F401
