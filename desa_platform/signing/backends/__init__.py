"""Signer backends: "lokal" (the platform CA, default) or "bsre" (BSSN's esign-client), by SIGNING_BACKEND."""

from django.conf import settings

from ..types import SigningError

KINDS = ("lokal", "bsre")


def backend_kind() -> str:
    kind = settings.DESA_SIGNING_BACKEND or "lokal"
    if kind not in KINDS:
        raise SigningError(f"SIGNING_BACKEND tidak dikenal: {kind!r} (pilih lokal atau bsre).", code="konfigurasi")
    return kind


def get_backend():
    if backend_kind() == "bsre":
        from . import bsre

        return bsre
    from . import lokal

    return lokal
