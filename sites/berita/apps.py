from django.apps import AppConfig


class BeritaConfig(AppConfig):
    name = "sites.berita"
    label = "berita"
    verbose_name = "Berita"
