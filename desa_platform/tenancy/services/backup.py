"""Backup and restore of one desa: one zip file with its registry rows, its schema's rows and its media.

Why not pg_dump: `pg_dump -n` reads the whole catalog (~1.5 s a desa at 400 schemas) and a whole-database
dump runs out of max_locks_per_transaction at ~390 schemas. Every desa schema has the template's structure at
a given migration state, so a backup only needs the rows: `COPY ... TO STDOUT` per table, plus a manifest
(format, registry row, domains, the schema's django_migrations). A restore clones the template's structure
(no rows), copies the rows back and resets the identity sequences, all in one transaction; it refuses a
backup made at another migration state.
"""

import io
import json
import re
import shutil
import zipfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone
from django_tenants.utils import schema_context, schema_exists

from .. import template_schema
from ..models import Desa, Domain
from . import audit
from .provisioning import DesaSpec, ProvisioningError, personalise, schema_name_for, validate

FORMAT = "desa-digital-backup"
FORMAT_VERSION = 1
NAME_RE = re.compile(r"^(?P<slug>[a-z][a-z0-9-]{1,48}[a-z0-9])_(?P<stamp>\d{8}-\d{6}(-\d+)?)\.zip$")
REGISTRY_FIELDS = ("slug", "name", "kind", "kecamatan", "kabupaten", "provinsi", "kode_pos", "status", "theme")


@dataclass(frozen=True)
class BackupFile:
    path: Path
    slug: str
    created: datetime
    size: int

    @property
    def name(self) -> str:
        return self.path.name


def backup_dir() -> Path:
    directory = Path(settings.DESA_BACKUP_DIR)
    directory.mkdir(parents=True, exist_ok=True)
    return directory


def media_dir(schema_name: str) -> Path:
    """The desa's upload folder, as the tenant-aware file storage sees it (MEDIA_ROOT/<schema>/ by default)."""
    from django.core.files.storage import default_storage

    with schema_context(schema_name):
        return Path(default_storage.location)


def _new_path(slug: str) -> Path:
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M%S")
    path = backup_dir() / f"{slug}_{stamp}.zip"
    n = 1
    while path.exists():
        path = backup_dir() / f"{slug}_{stamp}-{n}.zip"
        n += 1
    return path


def _tables(cursor, schema: str) -> dict[str, list[str]]:
    """Every table of the schema with its writable columns, in column order."""
    cursor.execute(
        "SELECT c.relname, a.attname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
        "JOIN pg_attribute a ON a.attrelid = c.oid "
        "WHERE n.nspname = %s AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = '' "
        "ORDER BY c.relname, a.attnum",
        [schema],
    )
    tables: dict[str, list[str]] = {}
    for table, column in cursor.fetchall():
        tables.setdefault(table, []).append(column)
    return tables


def _columns_sql(columns: list[str]) -> str:
    return ", ".join(f'"{column}"' for column in columns)


def backup_desa(desa: Desa, actor=None) -> Path:
    """Write one zip with everything of this desa; returns its path."""
    path = _new_path(desa.slug)
    schema = desa.schema_name
    with schema_context("public"):
        domains = list(desa.domains.order_by("-is_primary", "domain").values_list("domain", "is_primary"))
        manifest = {
            "format": FORMAT,
            "format_version": FORMAT_VERSION,
            "created": timezone.now().isoformat(),
            "schema_name": schema,
            "desa": {field: getattr(desa, field) for field in REGISTRY_FIELDS},
            "domains": [{"domain": d, "is_primary": p} for d, p in domains],
        }
        connection.cursor().close()  # sets the search path now, so it is not the transaction's first statement
        tmp = path.with_suffix(".part")
        try:
            with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
                with _snapshot(), connection.cursor() as cursor:
                    tables = _tables(cursor, schema)
                    manifest["migrations"] = sorted(template_schema.applied_migrations(schema))
                    manifest["tables"] = tables
                    for table, columns in tables.items():
                        with archive.open(f"data/{table}.copy", "w", force_zip64=True) as member:
                            cursor.copy_expert(f'COPY "{schema}"."{table}" ({_columns_sql(columns)}) TO STDOUT', member)
                media = media_dir(schema)
                files = sorted(p for p in media.rglob("*") if p.is_file()) if media.is_dir() else []
                for file in files:
                    archive.write(file, f"media/{file.relative_to(media).as_posix()}")
                manifest["media_files"] = len(files)
                archive.writestr("manifest.json", json.dumps(manifest, indent=1, ensure_ascii=False))
            tmp.rename(path)
        finally:
            tmp.unlink(missing_ok=True)
    audit.record(actor, "backup", desa, berkas=path.name, ukuran=path.stat().st_size)
    return path


class _snapshot:
    """One consistent view of the schema for the whole backup (REPEATABLE READ), when not already in a transaction."""

    def __enter__(self):
        self.atomic = transaction.atomic()
        outer = connection.in_atomic_block
        self.atomic.__enter__()
        if not outer:
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")

    def __exit__(self, *exc):
        return self.atomic.__exit__(*exc)


def read_manifest(path: Path | str) -> dict:
    try:
        with zipfile.ZipFile(path) as archive:
            manifest = json.loads(archive.read("manifest.json"))
    except (OSError, zipfile.BadZipFile, KeyError, ValueError):
        raise ProvisioningError("Berkas ini bukan cadangan Desa Digital yang utuh (zip atau manifest rusak).") from None
    if manifest.get("format") != FORMAT:
        raise ProvisioningError("Berkas ini bukan cadangan Desa Digital.")
    if manifest.get("format_version") != FORMAT_VERSION:
        raise ProvisioningError(
            f"Versi format cadangan {manifest.get('format_version')} tidak didukung (yang didukung: {FORMAT_VERSION})."
        )
    return manifest


def list_backups(slug: str = "") -> list[BackupFile]:
    found = []
    for path in backup_dir().glob("*.zip"):
        match = NAME_RE.match(path.name)
        if match and (not slug or match["slug"] == slug):
            stat = path.stat()
            created = datetime.fromtimestamp(stat.st_mtime, tz=timezone.get_current_timezone())
            found.append(BackupFile(path=path, slug=match["slug"], created=created, size=stat.st_size))
    return sorted(found, key=lambda b: (b.created, b.name), reverse=True)


def find_backup(name: str) -> Path:
    """A backup file by its name only (never a path from outside the backup folder)."""
    if not NAME_RE.match(name or ""):
        raise ProvisioningError(f"Nama berkas cadangan '{name}' tidak sah.")
    path = backup_dir() / name
    if not path.is_file():
        raise ProvisioningError(f"Berkas cadangan '{name}' tidak ada.")
    return path


def _check_restorable(manifest: dict) -> None:
    template_schema.ensure_template()
    # Only the desa's own (tenant) apps describe its tables; rows of platform apps in a desa's migration table
    # depend on when it was made or last migrated and say nothing about its data.
    labels = template_schema.tenant_app_labels()
    expected = {m for m in template_schema.applied_migrations(template_schema.TEMPLATE_SCHEMA) if m[0] in labels}
    got = {tuple(row) for row in manifest["migrations"] if row[0] in labels}
    if got != expected:
        missing, extra = len(expected - got), len(got - expected)
        raise ProvisioningError(
            "Cadangan ini dibuat pada versi skema yang berbeda dari versi platform sekarang "
            f"({missing} migrasi belum ada di cadangan, {extra} migrasi tidak dikenal). "
            "Pulihkan dengan versi platform yang membuatnya, lalu jalankan 'desa upgrade'."
        )


def restore(path, *, into: Desa | None = None, new_slug: str = "", new_domain: str = "", actor=None) -> Desa:
    """Restore a backup into the same desa (replacing its content) or as a new desa (new slug and domain)."""
    manifest = read_manifest(path)
    original = manifest["desa"]
    with schema_context("public"):
        if into is not None:
            if original["slug"] != into.slug:
                raise ProvisioningError(
                    f"Cadangan ini milik desa '{original['slug']}', bukan '{into.slug}'. "
                    "Untuk memakainya di tempat lain, pulihkan sebagai desa baru."
                )
        else:
            spec = DesaSpec(
                slug=(new_slug or "").strip(),
                name=original["name"],
                kind=original["kind"],
                kode_pos=original["kode_pos"],
                theme=original["theme"],
                domains=[(new_domain or "").strip().lower()],
            )
            validate(spec)
        _check_restorable(manifest)
        staging = _extract_media(path)
        try:
            with transaction.atomic():
                if into is None:
                    desa = Desa.objects.create(
                        schema_name=schema_name_for(spec.slug),
                        **{**{f: original[f] for f in REGISTRY_FIELDS}, "slug": spec.slug},
                    )
                    Domain.objects.create(domain=spec.domains[0], tenant=desa, is_primary=True)
                else:
                    desa = Desa.objects.select_for_update().get(pk=into.pk)
                    for field in REGISTRY_FIELDS:
                        if field != "status":
                            setattr(desa, field, original[field])
                    desa.save()
                _load_rows(path, manifest, desa.schema_name)
                personalise(desa, desa.domains.get(is_primary=True).domain)
            _swap_media(staging, desa.schema_name)
        finally:
            shutil.rmtree(staging, ignore_errors=True)
    _forget_cached_pages(desa)
    audit.record(
        actor,
        "restore",
        desa,
        berkas=Path(path).name,
        dari=original["slug"],
        sebagai="desa baru" if into is None else "desa yang sama",
    )
    return desa


def _load_rows(path, manifest: dict, schema: str) -> None:
    with connection.cursor() as cursor:
        if schema_exists(schema):
            # Deferred foreign-key checks still pending on its tables would block the DROP: run them now.
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            cursor.execute(f'DROP SCHEMA "{schema}" CASCADE')
        cursor.execute(template_schema.structure_sql(schema))
        connection.search_path_set_schemas = None  # the structure SQL moved the search path
        known = _tables(cursor, schema)
        unknown = set(manifest["tables"]) - set(known)
        if unknown:
            raise ProvisioningError(f"Cadangan memuat tabel yang tidak dikenal: {', '.join(sorted(unknown))}.")
        cursor.execute("SET CONSTRAINTS ALL DEFERRED")
        with zipfile.ZipFile(path) as archive:
            for table, columns in manifest["tables"].items():
                with archive.open(f"data/{table}.copy") as member:
                    cursor.copy_expert(
                        f'COPY "{schema}"."{table}" ({_columns_sql(columns)}) FROM STDIN', io.BufferedReader(member)
                    )
        cursor.execute(
            "SELECT c.relname, a.attname FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid "
            "JOIN pg_namespace n ON n.oid = c.relnamespace "
            "WHERE n.nspname = %s AND c.relkind = 'r' AND a.attidentity <> ''",
            [schema],
        )
        for table, column in cursor.fetchall():
            cursor.execute(
                f"SELECT setval(pg_get_serial_sequence(%s, %s), "
                f'COALESCE((SELECT MAX("{column}") FROM "{schema}"."{table}"), 0) + 1, false)',
                [f'"{schema}"."{table}"', column],
            )
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")


def _extract_media(path) -> Path:
    staging = media_dir("public").parent / f".restore-{timezone.now():%Y%m%d%H%M%S%f}"
    staging.mkdir(parents=True)
    with zipfile.ZipFile(path) as archive:
        for member in archive.namelist():
            if member.startswith("media/") and not member.endswith("/"):
                relative = Path(member[len("media/") :])
                if relative.is_absolute() or ".." in relative.parts:
                    raise ProvisioningError(f"Cadangan memuat nama berkas yang tidak aman: {member}.")
                target = staging / relative
                target.parent.mkdir(parents=True, exist_ok=True)
                with archive.open(member) as source, open(target, "wb") as out:
                    shutil.copyfileobj(source, out)
    return staging


def _swap_media(staging: Path, schema_name: str) -> None:
    target = media_dir(schema_name)
    old = target.with_name(f".old-{schema_name}-{timezone.now():%Y%m%d%H%M%S%f}")
    if target.exists():
        target.rename(old)
    staging.rename(target)
    shutil.rmtree(old, ignore_errors=True)


def remove_media(schema_name: str) -> None:
    shutil.rmtree(media_dir(schema_name), ignore_errors=True)


def _forget_cached_pages(desa: Desa) -> None:
    try:
        from desa_platform.pagecache import store
    except ImportError:  # the page cache is optional
        return
    with schema_context(desa.schema_name):
        store.bump()


def prune(slug: str, keep: int) -> list[Path]:
    """Delete all but the `keep` newest backups of one desa; returns what was deleted."""
    old = list_backups(slug)[max(keep, 0) :]
    for item in old:
        item.path.unlink(missing_ok=True)
    return [item.path for item in old]


@dataclass
class NightlyResult:
    slug: str
    path: Path | None = None
    error: str = ""
    pruned: int = 0


def backup_all(keep: int, actor=None, progress=None) -> list[NightlyResult]:
    """Back up every desa and keep only the `keep` newest backups of each; one failure does not stop the rest."""
    if keep < 1:
        raise ProvisioningError("Jumlah cadangan yang disimpan minimal 1.")
    results = []
    with schema_context("public"):
        every = list(Desa.objects.order_by("slug"))
    for desa in every:
        result = NightlyResult(slug=desa.slug)
        try:
            result.path = backup_desa(desa, actor=actor)
            result.pruned = len(prune(desa.slug, keep))
        except Exception as error:  # reported per desa; the next one still gets its backup
            result.error = str(error) or type(error).__name__
        results.append(result)
        if progress:
            progress(result)
    return results
