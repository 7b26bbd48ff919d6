from django.apps import AppConfig


class SecurityConfig(AppConfig):
    name = "desa_platform.security"
    label = "desa_security"
    verbose_name = "Keamanan"

    def ready(self):
        from . import throttle  # noqa: F401 - connects the login signal receivers
