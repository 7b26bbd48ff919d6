"""Where residents' attachments and signed letters are kept: a folder outside MEDIA_ROOT, one per desa schema.

Nothing here has a URL: nginx maps /media/ only, and these files are handed out by views that check who asks
(staff of this desa, or the holder of a tracking code plus NIK digits for the signed letter)."""

import os
import secrets

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.db import connection
from django.utils.deconstruct import deconstructible


@deconstructible
class PrivateStorage(FileSystemStorage):
    def __init__(self, **kwargs):
        kwargs.pop("location", None)
        kwargs.pop("base_url", None)
        super().__init__(location=str(settings.SURAT_PRIVATE_ROOT), base_url=None, **kwargs)

    def url(self, name):
        raise ValueError("Berkas pribadi tidak punya alamat publik.")


private_storage = PrivateStorage()


def tenant_path(folder: str, filename: str) -> str:
    """<schema>/<folder>/<random>.<ext>: the name a resident gave is never part of the path."""
    extension = os.path.splitext(filename)[1].lower()[:8]
    return f"{connection.schema_name}/{folder}/{secrets.token_hex(16)}{extension}"


def attachment_path(instance, filename):
    return tenant_path("lampiran", filename)


def letter_path(instance, filename):
    return tenant_path("surat", filename)
