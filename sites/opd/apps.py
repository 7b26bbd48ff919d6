from django.apps import AppConfig


class OpdConfig(AppConfig):
    name = "sites.opd"
    label = "opd"
    verbose_name = "Layanan publik dan survei (OPD)"
