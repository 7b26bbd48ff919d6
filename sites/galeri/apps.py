from django.apps import AppConfig


class GaleriConfig(AppConfig):
    name = "sites.galeri"
    label = "galeri"
    verbose_name = "Galeri"
