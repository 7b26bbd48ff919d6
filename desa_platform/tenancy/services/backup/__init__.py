"""Backup and restore of one desa: one sealed file with its registry rows, its schema's rows and its media.

Why not pg_dump: `pg_dump -n` reads the whole catalog (~1.5 s a desa at 400 schemas) and a whole-database
dump runs out of max_locks_per_transaction at ~390 schemas. Every desa schema has the template's structure at
a given migration state, so a backup only needs the rows: `COPY ... TO STDOUT` per table, plus a manifest.
A restore clones the template's structure (no rows), copies the rows back and moves the identity sequences on.

Every backup is hostile input when it comes back: the file is encrypted and authenticated with keys from the
environment (sealing.py), its manifest must match the template's own tables and columns (manifest.py), every
identifier is quoted, and sizes and paths are capped. Sessions and login-attempt rows are never written.
"""

from .dump import NightlyResult, backup_all, backup_desa
from .files import NAME_RE, BackupFile, backup_dir, find_backup, list_backups, media_dir, prune, remove_media
from .manifest import EXCLUDED_TABLES, FORMAT, FORMAT_VERSION
from .restore import restore, restore_preview


def read_manifest(path) -> dict:
    """The manifest of a sealed backup file (its seal checked first)."""
    from .manifest import read_manifest as read_plain
    from .restore import opened

    with opened(path) as plain:
        return read_plain(plain)


__all__ = [
    "EXCLUDED_TABLES",
    "FORMAT",
    "FORMAT_VERSION",
    "NAME_RE",
    "BackupFile",
    "NightlyResult",
    "backup_all",
    "backup_desa",
    "backup_dir",
    "find_backup",
    "list_backups",
    "media_dir",
    "prune",
    "read_manifest",
    "remove_media",
    "restore",
    "restore_preview",
]
