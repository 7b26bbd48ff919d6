from django.apps import AppConfig


class BrandingConfig(AppConfig):
    name = "sites.desa_admin.branding"
    label = "desa_admin_branding"
    verbose_name = "Nama desa di admin"
