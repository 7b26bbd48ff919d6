from django.apps import AppConfig


class SigningConfig(AppConfig):
    name = "desa_platform.signing"
    label = "signing"
    verbose_name = "Tanda tangan elektronik"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import checks, signals  # noqa: F401  (registers the system checks and the deletion hook)
