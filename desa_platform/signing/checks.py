"""`manage.py check` says what is missing before a signer meets it."""

from django.conf import settings
from django.core.checks import Error, register


@register("signing")
def signing_settings(app_configs, **kwargs):
    errors = []
    backend = settings.DESA_SIGNING_BACKEND
    if backend not in ("lokal", "bsre"):
        errors.append(Error(f"SIGNING_BACKEND={backend!r}: pilih 'lokal' atau 'bsre'.", id="signing.E001"))
    if len(settings.SIGNING_KEY_ENCRYPTION_KEY) < 32:
        errors.append(Error("SIGNING_KEY_ENCRYPTION_KEY harus diisi, minimal 32 karakter.", id="signing.E002"))
    if backend == "bsre" and not settings.SIGNING_BSRE_URL:
        errors.append(Error("SIGNING_BACKEND=bsre membutuhkan SIGNING_BSRE_URL.", id="signing.E003"))
    return errors
