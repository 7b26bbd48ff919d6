from django.apps import AppConfig


class PortalConfig(AppConfig):
    name = "desa_platform.portal"
    label = "portal"
    verbose_name = "Portal platform"

    def ready(self):
        from . import headlines

        headlines.connect()
