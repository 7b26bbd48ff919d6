from django.apps import AppConfig


class OutboxConfig(AppConfig):
    name = "desa_platform.outbox"
    label = "outbox"
    verbose_name = "Surel keluar"
