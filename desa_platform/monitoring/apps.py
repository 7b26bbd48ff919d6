from django.apps import AppConfig


class MonitoringConfig(AppConfig):
    """Diskominfo's view of every desa: liveness, guidance, visits, indicators and the judol guard.

    Its tables live in the public schema and are written by narrow services when a desa acts (a publish, a
    login, a resident's message) or by timers, so the console never reads a desa's schema per request.
    """

    name = "desa_platform.monitoring"
    label = "monitoring"
    verbose_name = "Pemantauan"

    def ready(self):
        from . import signals  # noqa: F401
