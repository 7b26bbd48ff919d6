from django.apps import AppConfig


class ProfilConfig(AppConfig):
    name = "sites.profil"
    label = "profil"
    verbose_name = "Profil"
