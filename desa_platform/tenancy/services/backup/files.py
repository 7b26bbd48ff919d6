"""Where backups live: one folder only its owner can enter (0700), every file 0600, names we made."""

import os
import re
import shutil
import tempfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from django.conf import settings
from django.utils import timezone
from django_tenants.utils import schema_context

from ..errors import ServiceError

NAME_RE = re.compile(r"^(?P<slug>[a-z][a-z0-9-]{1,48}[a-z0-9])_(?P<stamp>\d{8}-\d{6}(-\d+)?)\.zip$")


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
    directory.mkdir(parents=True, exist_ok=True, mode=0o700)
    if directory.stat().st_mode & 0o077:
        directory.chmod(0o700)  # made before by an older version, or by mkdir under a loose umask
    return directory


def private_temp(suffix: str) -> Path:
    """A new empty 0600 file in the backup folder (mkstemp's own mode), for a backup being written or read."""
    handle, name = tempfile.mkstemp(prefix=".tmp-", suffix=suffix, dir=backup_dir())
    os.close(handle)
    return Path(name)


def new_path(slug: str) -> Path:
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M%S")
    path = backup_dir() / f"{slug}_{stamp}.zip"
    n = 1
    while path.exists():
        path = backup_dir() / f"{slug}_{stamp}-{n}.zip"
        n += 1
    return path


def media_dir(schema_name: str) -> Path:
    """The desa's upload folder, as the tenant-aware file storage sees it (MEDIA_ROOT/<schema>/ by default)."""
    from django.core.files.storage import default_storage

    with schema_context(schema_name):
        return Path(default_storage.location)


def private_dir(schema_name: str) -> Path:
    """The desa's private files (residents' attachments, signed letters): SURAT_PRIVATE_ROOT/<schema>/, never
    under a public URL, but part of the desa's data: a restored desa must still hand out and verify its letters."""
    from django.conf import settings

    return Path(settings.SURAT_PRIVATE_ROOT) / schema_name


def remove_media(schema_name: str) -> None:
    shutil.rmtree(media_dir(schema_name), ignore_errors=True)


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
        raise ServiceError(f"Nama berkas cadangan '{name}' tidak sah.")
    path = backup_dir() / name
    if not path.is_file():
        raise ServiceError(f"Berkas cadangan '{name}' tidak ada.")
    return path


def prune(slug: str, keep: int) -> list[Path]:
    """Delete all but the `keep` newest backups of one desa; returns what was deleted."""
    old = list_backups(slug)[max(keep, 0) :]
    for item in old:
        item.path.unlink(missing_ok=True)
    return [item.path for item in old]
