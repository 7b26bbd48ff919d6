"""Restoring a backup: as a new desa, or into the live desa it was made of.

Into a live desa: the console (or CLI) must name the desa again (`confirm` = its slug) after being told what
will be lost; the desa is put in maintenance (503) and every write still in flight is waited for (an advisory
lock each write request holds shared, see tenancy/maintenance.py); then a safety backup is written and only
then is the schema replaced. Identity sequences never go backwards: a reference number a resident was given
(P-00042) is never handed out again, even when the backup is older than the number.
"""

import io
import shutil
import zipfile
from contextlib import contextmanager
from pathlib import Path

from django.db import connection, transaction
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django_tenants.utils import schema_context, schema_exists
from psycopg2 import sql

from ... import maintenance, template_schema
from ...models import Desa, Domain
from ...schemas import public_schema
from .. import audit
from ..errors import ServiceError
from ..provisioning import DesaSpec, personalise, schema_name_for, validate
from . import files, sealing
from .dump import backup_desa, copy_sql, identity_sequences
from .manifest import REGISTRY_FIELDS, read_manifest
from .manifest import validate as validate_manifest


@contextmanager
def opened(path):
    """The backup's plain zip in a private temp file, only after its seal checked out."""
    plain = files.private_temp(".zip")
    try:
        sealing.unseal(Path(path), plain)
        yield plain
    finally:
        plain.unlink(missing_ok=True)


def restore_preview(path, desa: Desa) -> dict:
    """What a restore into `desa` would take away: what was written there after the backup was made."""
    with opened(path) as plain:
        manifest = read_manifest(plain)
    made = parse_datetime(manifest.get("created", "")) or timezone.now()
    lost = {}
    with schema_context(desa.schema_name), connection.cursor() as cursor:
        for label, table, column in (
            ("pesan warga", "kontak_pesan", "dikirim"),
            ("revisi halaman", "wagtailcore_revision", "created_at"),
            ("gambar", "wagtailimages_image", "created_at"),
            ("dokumen", "wagtaildocs_document", "created_at"),
        ):
            cursor.execute(f'SELECT count(*) FROM "{table}" WHERE "{column}" > %s', [made])  # our own names
            lost[label] = cursor.fetchone()[0]
    return {"made": made, "lost": lost, "slug": manifest["desa"]["slug"]}


def _check_restorable(manifest: dict) -> None:
    # Only the desa's own (tenant) apps describe its tables; rows of platform apps in a desa's migration table
    # depend on when it was made or last migrated and say nothing about its data.
    labels = template_schema.tenant_app_labels()
    expected = {m for m in template_schema.applied_migrations(template_schema.TEMPLATE_SCHEMA) if m[0] in labels}
    got = {tuple(row) for row in manifest["migrations"] if row[0] in labels}
    if got != expected:
        missing, extra = len(expected - got), len(got - expected)
        raise ServiceError(
            "Cadangan ini dibuat pada versi skema yang berbeda dari versi platform sekarang "
            f"({missing} migrasi belum ada di cadangan, {extra} migrasi tidak dikenal). "
            "Pulihkan dengan versi platform yang membuatnya, lalu jalankan 'desa upgrade'."
        )


def restore(path, *, into=None, new_slug="", new_domain="", actor=None, confirm=None) -> Desa:
    """Restore a backup into the same desa (replacing its content; `confirm` must be its slug) or as a new desa."""
    if into is not None and confirm != into.slug:
        raise ServiceError(
            f"Ketik slug desa '{into.slug}' untuk memastikan: isinya sekarang akan diganti dengan isi cadangan."
        )
    with opened(path) as plain, public_schema():
        manifest = read_manifest(plain)
        template_schema.ensure_template()
        tables = validate_manifest(manifest, plain)
        original = manifest["desa"]
        if into is not None and original["slug"] != into.slug:
            raise ServiceError(
                f"Cadangan ini milik desa '{original['slug']}', bukan '{into.slug}'. "
                "Untuk memakainya di tempat lain, pulihkan sebagai desa baru."
            )
        if into is None:
            spec = DesaSpec(
                slug=(new_slug or "").strip(),
                name=original["name"],
                kind=original["kind"],
                kecamatan=original["kecamatan"],
                kode_pos=original["kode_pos"],
                kode_wilayah=original["kode_wilayah"],
                theme=original["theme"],
                domains=[(new_domain or "").strip().lower()],
            )
            validate(spec)
        _check_restorable(manifest)
        staging = _extract_files(plain, "media/", files.media_dir("public").parent)
        private_staging = _extract_files(plain, "private/", files.private_dir("public").parent)
        safety = None
        try:
            if into is None:
                with transaction.atomic():
                    desa = Desa.objects.create(
                        schema_name=schema_name_for(spec.slug),
                        **{**{f: original[f] for f in REGISTRY_FIELDS}, "slug": spec.slug},
                    )
                    Domain.objects.create(domain=spec.domains[0], tenant=desa, is_primary=True)
                    _load_rows(plain, manifest, tables, desa.schema_name, {})
                    personalise(desa, spec.domains[0])
            else:
                with maintenance.restoring(into) as desa:
                    safety = backup_desa(desa, actor=actor, reason="sebelum pemulihan")
                    with transaction.atomic():
                        desa = Desa.objects.select_for_update().get(pk=into.pk)
                        with connection.cursor() as cursor:
                            live = identity_sequences(cursor, desa.schema_name)
                        for field in REGISTRY_FIELDS:
                            if field != "status":
                                setattr(desa, field, original[field])
                        desa.save()
                        _load_rows(plain, manifest, tables, desa.schema_name, live)
                        personalise(desa, desa.domains.get(is_primary=True).domain)
            _swap(staging, files.media_dir(desa.schema_name))
            _swap(private_staging, files.private_dir(desa.schema_name))
        finally:
            shutil.rmtree(staging, ignore_errors=True)
            shutil.rmtree(private_staging, ignore_errors=True)
    _forget_cached_pages(desa)
    details = {"berkas": Path(path).name, "dari": original["slug"]}
    details["sebagai"] = "desa baru" if into is None else "desa yang sama"
    if safety:
        details["cadangan_pengaman"] = safety.name
    audit.record(actor, "restore", desa, **details)
    return desa


def _load_rows(plain, manifest: dict, tables: dict, schema: str, live_sequences: dict) -> None:
    with connection.cursor() as cursor:
        if schema_exists(schema):
            # Deferred foreign-key checks still pending on its tables would block the DROP: run them now.
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            cursor.execute(f'DROP SCHEMA "{schema}" CASCADE')  # schema names are ours (schema_name_for)
        cursor.execute(template_schema.structure_sql(schema))
        connection.search_path_set_schemas = None  # the structure SQL moved the search path
        cursor.execute("SET CONSTRAINTS ALL DEFERRED")
        with zipfile.ZipFile(plain) as archive:
            for table, columns in tables.items():
                with archive.open(f"data/{table}.copy") as member:
                    cursor.copy_expert(copy_sql(cursor, schema, table, columns, "in"), io.BufferedReader(member))
        restored = identity_sequences(cursor, schema)  # all 0 after the clone: just the list of columns
        backed_up = manifest.get("sequences", {})
        for key in restored:
            table, column = key.split(".", 1)
            floor = max(backed_up.get(key, 0), live_sequences.get(key, 0))
            qualified = sql.SQL("{}.{}").format(sql.Identifier(schema), sql.Identifier(table))
            statement = sql.SQL(
                "SELECT setval(pg_get_serial_sequence(%s, %s), "
                "GREATEST(%s, (SELECT COALESCE(MAX({}), 0) FROM {})) + 1, false)"
            ).format(sql.Identifier(column), qualified)
            cursor.execute(
                statement.as_string(cursor.connection), [qualified.as_string(cursor.connection), column, floor]
            )
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")


def _extract_files(plain, prefix: str, parent: Path) -> Path:
    """The backup's files under `prefix` into a staging folder beside the live one (same disk: a rename)."""
    staging = parent / f".restore-{timezone.now():%Y%m%d%H%M%S%f}"
    staging.mkdir(parents=True)
    root = staging.resolve()
    with zipfile.ZipFile(plain) as archive:
        for member in archive.infolist():
            if member.filename.startswith(prefix) and not member.filename.endswith("/"):
                target = staging / member.filename[len(prefix) :]  # names checked by manifest.validate
                if not target.resolve().is_relative_to(root):
                    raise ServiceError(f"Cadangan memuat nama berkas yang tidak aman: {member.filename[:80]}.")
                target.parent.mkdir(parents=True, exist_ok=True)
                with archive.open(member) as source, open(target, "wb") as out:
                    shutil.copyfileobj(source, out)
    return staging


def _swap(staging: Path, target: Path) -> None:
    old = target.with_name(f".old-{target.name}-{timezone.now():%Y%m%d%H%M%S%f}")
    if target.exists():
        target.rename(old)
    staging.rename(target)
    shutil.rmtree(old, ignore_errors=True)


def _forget_cached_pages(desa: Desa) -> None:
    from desa_platform.pagecache import store

    with schema_context(desa.schema_name):
        store.bump()
