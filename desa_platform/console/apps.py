from django.apps import AppConfig


class ConsoleConfig(AppConfig):
    name = "desa_platform.console"
    label = "console"
    verbose_name = "Konsol Diskominfo"
