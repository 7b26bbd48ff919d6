"""Writing a backup: rows of every table but sessions and login attempts, the identity sequences, the media;
zipped into a 0600 temp file in the 0700 backup folder, then sealed (sealing.py)."""

import json
import zipfile
from dataclasses import dataclass
from pathlib import Path

from django.db import connection, transaction
from django.utils import timezone
from psycopg2 import sql

from ... import template_schema
from ...models import Desa
from ...schemas import public_schema
from .. import audit
from ..errors import ServiceError
from . import files, sealing
from .manifest import FORMAT, FORMAT_VERSION, REGISTRY_FIELDS, is_excluded


def schema_tables(cursor, schema: str) -> dict[str, list[str]]:
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


def identity_sequences(cursor, schema: str) -> dict[str, int]:
    """'table.column' → the last value its sequence handed out (0 if none): numbers residents were given."""
    cursor.execute(
        "SELECT c.relname, a.attname, "
        "COALESCE(pg_sequence_last_value(pg_get_serial_sequence(quote_ident(n.nspname) || '.' || "
        "quote_ident(c.relname), a.attname)), 0) "
        "FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace "
        "WHERE n.nspname = %s AND c.relkind = 'r' AND a.attidentity <> ''",
        [schema],
    )
    return {f"{table}.{column}": int(value) for table, column, value in cursor.fetchall()}


def copy_sql(cursor, schema: str, table: str, columns: list[str], direction: str) -> str:
    statement = sql.SQL("COPY {}.{} ({}) " + ("TO STDOUT" if direction == "out" else "FROM STDIN")).format(
        sql.Identifier(schema), sql.Identifier(table), sql.SQL(", ").join(map(sql.Identifier, columns))
    )
    return statement.as_string(cursor.connection)


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


def _write_zip(desa: Desa, target: Path) -> dict:
    schema = desa.schema_name
    domains = list(desa.domains.order_by("-is_primary", "domain").values_list("domain", "is_primary"))
    manifest = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "created": timezone.now().isoformat(),
        "schema_name": schema,
        "desa": {field: getattr(desa, field) for field in REGISTRY_FIELDS},
        "domains": [{"domain": d, "is_primary": p} for d, p in domains],
    }
    if manifest["desa"]["status"] not in (Desa.Status.ACTIVE, Desa.Status.SUSPENDED):
        manifest["desa"]["status"] = Desa.Status.ACTIVE  # a safety backup made during a restore
    connection.cursor().close()  # sets the search path now, so it is not the transaction's first statement
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        with _snapshot(), connection.cursor() as cursor:
            tables = {t: c for t, c in schema_tables(cursor, schema).items() if not is_excluded(t)}
            manifest["migrations"] = sorted(template_schema.applied_migrations(schema))
            manifest["tables"] = tables
            manifest["sequences"] = identity_sequences(cursor, schema)
            for table, columns in tables.items():
                with archive.open(f"data/{table}.copy", "w", force_zip64=True) as member:
                    cursor.copy_expert(copy_sql(cursor, schema, table, columns, "out"), member)
        for prefix, folder in (("media", files.media_dir(schema)), ("private", files.private_dir(schema))):
            found = (
                sorted(p for p in folder.rglob("*") if p.is_file() and not p.is_symlink()) if folder.is_dir() else []
            )
            for file in found:
                archive.write(file, f"{prefix}/{file.relative_to(folder).as_posix()}")
            manifest[f"{prefix}_files"] = len(found)
        archive.writestr("manifest.json", json.dumps(manifest, indent=1, ensure_ascii=False))
    return manifest


def backup_desa(desa: Desa, actor=None, reason: str = "") -> Path:
    """Write one sealed backup of this desa; returns its path."""
    path = files.new_path(desa.slug)
    plain, sealed = files.private_temp(".zip"), files.private_temp(".sealed")
    try:
        with public_schema():
            _write_zip(desa, plain)
        sealing.seal(plain, sealed)
        sealed.rename(path)
    finally:
        plain.unlink(missing_ok=True)
        sealed.unlink(missing_ok=True)
    details = {"berkas": path.name, "ukuran": path.stat().st_size} | ({"alasan": reason} if reason else {})
    audit.record(actor, "backup", desa, **details)
    return path


@dataclass
class NightlyResult:
    slug: str
    path: Path | None = None
    error: str = ""
    pruned: int = 0


def backup_all(keep: int, actor=None, progress=None) -> list[NightlyResult]:
    """Back up every desa and keep only the `keep` newest backups of each; one failure does not stop the rest."""
    if keep < 1:
        raise ServiceError("Jumlah cadangan yang disimpan minimal 1.")
    results = []
    with public_schema():
        every = list(Desa.objects.order_by("slug"))
    for desa in every:
        result = NightlyResult(slug=desa.slug)
        try:
            result.path = backup_desa(desa, actor=actor)
            result.pruned = len(files.prune(desa.slug, keep))
        except Exception as error:  # reported per desa; the next one still gets its backup
            result.error = str(error) or type(error).__name__
        results.append(result)
        if progress:
            progress(result)
    return results
