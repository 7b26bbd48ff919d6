"""pytest: the embedded server (or DATABASE_URL), its own test database, fast hashing."""

import os

os.environ.setdefault("SECRET_KEY", "test-only-not-secret")
os.environ.setdefault("DESA_SITE_PORT", "80")
os.environ.setdefault("DESA_BACKUP_KEY", "test-only-backup-key-not-secret-0123456789")
os.environ.setdefault("DESA_MAINTENANCE_DRAIN_SECONDS", "0")
os.environ.setdefault("SIGNING_KEY_ENCRYPTION_KEY", "test-only-signing-key-not-secret-0123456789")

# pytest-xdist (`python3 run.py test` runs one worker a core, at most 4): each worker has its own test database
# (pytest-django names it), and here its own Redis database (the ones below REDIS_URL's: tests empty the cache
# with FLUSHDB) and its own media, private and backup folders.
_worker = os.environ.get("PYTEST_XDIST_WORKER", "")
if _worker:
    _number = int(_worker.removeprefix("gw"))
    if os.environ.get("REDIS_URL"):
        _server, _, _db = os.environ["REDIS_URL"].rpartition("/")
        os.environ["REDIS_URL"] = f"{_server}/{(int(_db or 0) - 1 - _number) % 16}"

from .base import *  # noqa: E402,F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Delivered by the outbox sender into django.core.mail.outbox (tests run `send_due()` where they expect mail).
OUTBOX_DELIVERY_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
PLATFORM_DOMAINS = ["localhost", "testserver"]
SIGNING_PASSPHRASE_ITERATIONS = 1_000  # the MD5 hasher above for the same reason: tests hash many
# Each view written to the shared counters at once, as before the per-process tally: a test's views must not
# wait in this process for the next test (tests/monitoring/test_visits.py checks the tally on its own).
VISITS_WRITE_SECONDS = 0
# No spare schemas unless a test asks for them (tests/tenancy/test_spares.py): every create is a clone, as the
# tests' expectations of a fresh schema assume, and an upgrade in a test does not make ten clones.
DESA_SPARE_SCHEMAS = 0

if _worker:
    MEDIA_ROOT = VAR_DIR / _worker / "media"  # noqa: F405
    SURAT_PRIVATE_ROOT = VAR_DIR / _worker / "private"  # noqa: F405
    DESA_BACKUP_DIR = VAR_DIR / _worker / "backups"  # noqa: F405
