from django.apps import AppConfig


class SuratConfig(AppConfig):
    name = "sites.surat"
    label = "surat"
    verbose_name = "Layanan surat"
