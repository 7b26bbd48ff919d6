"""`manage.py check --deploy`: what production needs from the environment besides Django's own checks."""

from django.conf import settings
from django.core.checks import Error, Warning, register


@register(deploy=True)
def backup_key(app_configs, **kwargs):
    if len(getattr(settings, "DESA_BACKUP_KEY", "") or "") < 32:
        return [
            Error(
                "DESA_BACKUP_KEY is not set (at least 32 characters): backups can be neither written nor restored.",
                hint='python3 -c "import secrets; print(secrets.token_urlsafe(48))" into /etc/desa-digital/env',
                id="desa.E001",
            )
        ]
    if settings.DESA_BACKUP_KEY == settings.SECRET_KEY:
        return [Warning("DESA_BACKUP_KEY equals SECRET_KEY: keep them apart.", id="desa.W002")]
    return []


@register(deploy=True)
def mail_through_outbox(app_configs, **kwargs):
    if settings.EMAIL_BACKEND != "desa_platform.outbox.backend.OutboxEmailBackend":
        return [Error("EMAIL_BACKEND must be the outbox: no request may wait on a mail server.", id="desa.E002")]
    return []
