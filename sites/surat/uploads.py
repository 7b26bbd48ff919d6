"""Residents' attachments: phone photos through the admin's image pipeline (checked by content, upright, HEIC
made JPEG, EXIF with the GPS position dropped), PDFs checked by their first bytes; nothing else.

Files kept between two tries of a form (the resident fixed a typo; the browser forgot the chosen files) wait
in <schema>/sementara/<token>/ and are named in the form by that random token only."""

import json
import os
import re
import secrets
import time

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import connection
from django.template.defaultfilters import filesizeformat

from sites.desa_admin.uploads.documents import content_matches
from sites.desa_admin.uploads.images import normalise

from .storage import private_storage

MAX_FILE_SIZE = 10 * 1024 * 1024
# A whole request (fields and every file) above this is refused before Django reads it.
MAX_REQUEST_SIZE = 45 * 1024 * 1024
IMAGE_EXTENSIONS = {"jpg", "jpeg", "png", "webp", "heic", "heif"}
TOKEN_PATTERN = re.compile(r"^[0-9a-f]{32}$")
KEEP_SECONDS = 24 * 60 * 60


def safe_name(name: str) -> str:
    base = os.path.basename(name or "berkas")
    base = re.sub(r"[\x00-\x1f\x7f/\\]", "", base).strip() or "berkas"
    return base[-100:]


def clean_upload(upload) -> tuple[str, bytes, str]:
    """(name, content, content type) of an accepted upload, or ValidationError in Indonesian."""
    if upload.size > MAX_FILE_SIZE:
        raise ValidationError(
            f"Berkas terlalu besar ({filesizeformat(upload.size)}); paling besar {filesizeformat(MAX_FILE_SIZE)}. "
            "Kecilkan fotonya (mis. kirim ke diri sendiri lewat WhatsApp lalu unggah hasilnya).",
            code="besar",
        )
    extension = os.path.splitext(upload.name or "")[1].lower().lstrip(".")
    if extension == "pdf":
        if not content_matches(upload, "pdf"):
            raise ValidationError("Isi berkas bukan PDF yang sah. Simpan ulang sebagai PDF lalu unggah lagi.")
        upload.seek(0)
        return safe_name(upload.name), upload.read(), "application/pdf"
    if extension in IMAGE_EXTENSIONS:
        image = normalise(upload)
        return safe_name(image.name), image.read(), image.content_type
    raise ValidationError("Jenis berkas ini tidak diterima. Unggah foto (JPG, PNG, WebP, HEIC) atau PDF.", code="jenis")


def _folder(token: str) -> str:
    return f"{connection.schema_name}/sementara/{token}"


def keep(token: str | None, field: str, name: str, content: bytes, content_type: str) -> str:
    """Keep an accepted file for the next try of the form; returns the token to put in the form."""
    token = token if token and TOKEN_PATTERN.match(token) else secrets.token_hex(16)
    folder = _folder(token)
    for leftover in (f"{folder}/{field}.bin", f"{folder}/{field}.json"):
        private_storage.delete(leftover)
    private_storage.save(f"{folder}/{field}.bin", ContentFile(content))
    meta = {"name": name, "content_type": content_type, "time": time.time()}
    private_storage.save(f"{folder}/{field}.json", ContentFile(json.dumps(meta).encode()))
    return token


def kept(token: str | None, field: str) -> dict | None:
    """The kept file's {name, content_type, content} for this field, or None (unknown or stale token)."""
    if not token or not TOKEN_PATTERN.match(token):
        return None
    folder = _folder(token)
    try:
        with private_storage.open(f"{folder}/{field}.json") as handle:
            meta = json.loads(handle.read())
        if time.time() - meta.get("time", 0) > KEEP_SECONDS:
            return None
        with private_storage.open(f"{folder}/{field}.bin") as handle:
            meta["content"] = handle.read()
    except (OSError, ValueError):
        return None
    return meta


def discard(token: str | None) -> None:
    if not token or not TOKEN_PATTERN.match(token):
        return
    folder = _folder(token)
    try:
        _, files = private_storage.listdir(folder)
    except OSError:
        return
    for name in files:
        private_storage.delete(f"{folder}/{name}")
