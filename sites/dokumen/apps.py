from django.apps import AppConfig


class DokumenConfig(AppConfig):
    name = "sites.dokumen"
    label = "dokumen"
    verbose_name = "Dokumen"
