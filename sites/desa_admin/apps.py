from django.apps import AppConfig


class DesaAdminConfig(AppConfig):
    name = "sites.desa_admin"
    label = "desa_admin"
    verbose_name = "Admin desa"

    def ready(self):
        from . import base_url

        base_url.install()
