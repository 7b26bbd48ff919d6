"""What a backup may contain, checked against what we produce before anything is restored.

An uploaded file once carried its own column lists into a COPY statement. Now the manifest is only a claim:
every table must be one of the template schema's own, with exactly the template's columns; every member of the
zip must be one we write; sizes, counts and names are capped; registry values must pass the model's rules.
"""

import json
import re
import zipfile
from pathlib import PurePosixPath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import connection

from ... import template_schema
from ...models import Desa
from ...themes import available_themes
from ..errors import ServiceError

FORMAT = "desa-digital-backup"
FORMAT_VERSION = 2
REGISTRY_FIELDS = (
    "slug",
    "name",
    "kind",
    "kecamatan",
    "kabupaten",
    "provinsi",
    "kode_pos",
    "kode_wilayah",
    "status",
    "theme",
)
# Added after backups were already being made: an older backup without them reads as "" (not known).
LATER_REGISTRY_FIELDS = ("kode_wilayah",)
# Live logins and login-attempt records never leave the database: a backup is not a way into a desa's admin.
EXCLUDED_TABLES = frozenset({"django_session"})
EXCLUDED_PREFIXES = ("axes_",)  # every django-axes table: attempts, their expiry, the access log


def is_excluded(table: str) -> bool:
    return table in EXCLUDED_TABLES or table.startswith(EXCLUDED_PREFIXES)


MAX_MEMBERS = 200_000
MAX_NAME = 400
SAFE_PART = re.compile(r"^[^\x00-\x1f/\\]{1,255}$")


def refuse(message: str):
    raise ServiceError(f"Cadangan ditolak: {message}")


def read_manifest(path) -> dict:
    """The manifest of an unsealed zip, its format checked (not yet its content: see validate)."""
    try:
        with zipfile.ZipFile(path) as archive:
            info = archive.getinfo("manifest.json")
            if info.file_size > 20 * 1024 * 1024:
                refuse("manifest terlalu besar.")
            manifest = json.loads(archive.read(info))
    except (OSError, zipfile.BadZipFile, KeyError, ValueError):
        raise ServiceError("Berkas ini bukan cadangan Desa Digital yang utuh (zip atau manifest rusak).") from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise ServiceError("Berkas ini bukan cadangan Desa Digital.")
    if manifest.get("format_version") != FORMAT_VERSION:
        raise ServiceError(
            f"Versi format cadangan {manifest.get('format_version')} tidak didukung (yang didukung: {FORMAT_VERSION})."
        )
    return manifest


def template_tables() -> dict[str, list[str]]:
    from .dump import schema_tables

    with connection.cursor() as cursor:
        return schema_tables(cursor, template_schema.TEMPLATE_SCHEMA)


def _check_registry(desa: object) -> None:
    if isinstance(desa, dict):
        for field in LATER_REGISTRY_FIELDS:
            desa.setdefault(field, "")
    if not isinstance(desa, dict) or set(desa) != set(REGISTRY_FIELDS):
        refuse("data desa tidak lengkap atau berisi kolom asing.")
    if not all(isinstance(desa[field], str) for field in REGISTRY_FIELDS):
        refuse("data desa harus berupa teks.")
    for field in REGISTRY_FIELDS:
        model_field = Desa._meta.get_field(field)
        try:
            model_field.clean(desa[field], None)
        except ValidationError as error:
            refuse(f"{model_field.verbose_name}: {' '.join(error.messages)}")
    if desa["theme"] not in available_themes():
        refuse(f"tema '{desa['theme']}' tidak ada.")


FILE_PREFIXES = ("media/", "private/")  # the desa's public uploads, and its private files (sites/surat)


def _check_media_name(name: str) -> None:
    relative = PurePosixPath(name.split("/", 1)[1])
    if (
        len(name) > MAX_NAME
        or relative.is_absolute()
        or not relative.parts
        or any(part in ("..", ".") or not SAFE_PART.match(part) for part in relative.parts)
    ):
        refuse(f"nama berkas yang tidak aman: {name[:80]!r}.")


def validate(manifest: dict, archive_path) -> dict[str, list[str]]:
    """Check a manifest and its zip against the template; returns {table: columns} to load (all ours)."""
    _check_registry(manifest.get("desa"))
    migrations = manifest.get("migrations")
    if not isinstance(migrations, list) or not all(
        isinstance(row, list) and len(row) == 2 and all(isinstance(x, str) for x in row) for row in migrations
    ):
        refuse("daftar migrasi rusak.")
    known = template_tables()
    tables = manifest.get("tables")
    if not isinstance(tables, dict):
        refuse("daftar tabel rusak.")
    for table, columns in tables.items():
        if is_excluded(table):
            refuse(f"tabel '{table}' tidak boleh ada di cadangan.")
        if table not in known:
            refuse(f"tabel yang tidak dikenal: {table[:80]!r}.")
        if not isinstance(columns, list) or sorted(map(str, columns)) != sorted(known[table]):
            refuse(f"kolom tabel '{table}' tidak sama dengan struktur platform.")
    sequences = manifest.get("sequences", {})
    if not isinstance(sequences, dict) or not all(
        isinstance(key, str) and isinstance(value, int) and 0 <= value < 2**63 for key, value in sequences.items()
    ):
        refuse("nilai urutan nomor rusak.")

    expected = {"manifest.json"} | {f"data/{table}.copy" for table in tables}
    with zipfile.ZipFile(archive_path) as archive:
        members = archive.infolist()
        if len(members) > MAX_MEMBERS:
            refuse("terlalu banyak berkas.")
        if sum(member.file_size for member in members) > settings.DESA_BACKUP_MAX_UNPACKED_BYTES:
            refuse("isi cadangan terlalu besar.")
        names = set()
        for member in members:
            name = member.filename
            if name in names:
                refuse(f"berkas ganda: {name[:80]!r}.")
            names.add(name)
            if name.startswith(FILE_PREFIXES) and not name.endswith("/"):
                _check_media_name(name)
            elif name not in expected:
                refuse(f"berkas yang tidak dikenal: {name[:80]!r}.")
        if missing := expected - names:
            refuse(f"berkas data hilang: {', '.join(sorted(missing))[:200]}.")
    return {table: [str(column) for column in columns] for table, columns in tables.items()}
