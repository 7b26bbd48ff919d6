from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "sites.search"
    label = "search"
    verbose_name = "Pencarian"
