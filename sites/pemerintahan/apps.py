from django.apps import AppConfig


class PemerintahanConfig(AppConfig):
    name = "sites.pemerintahan"
    label = "pemerintahan"
    verbose_name = "Pemerintahan"
