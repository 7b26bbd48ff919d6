from django.apps import AppConfig


class KontakConfig(AppConfig):
    name = "sites.kontak"
    label = "kontak"
    verbose_name = "Kontak"
