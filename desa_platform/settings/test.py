"""pytest: the embedded server (or DATABASE_URL), its own test database, fast hashing."""

import os

os.environ.setdefault("SECRET_KEY", "test-only-not-secret")
os.environ.setdefault("DESA_SITE_PORT", "80")
os.environ.setdefault("DESA_BACKUP_KEY", "test-only-backup-key-not-secret-0123456789")
os.environ.setdefault("DESA_MAINTENANCE_DRAIN_SECONDS", "0")
os.environ.setdefault("SIGNING_KEY_ENCRYPTION_KEY", "test-only-signing-key-not-secret-0123456789")

from .base import *  # noqa: E402,F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Delivered by the outbox sender into django.core.mail.outbox (tests run `send_due()` where they expect mail).
OUTBOX_DELIVERY_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
PLATFORM_DOMAINS = ["localhost", "testserver"]
SIGNING_PASSPHRASE_ITERATIONS = 1_000  # the MD5 hasher above for the same reason: tests hash many
# Each view written to the shared counters at once, as before the per-process tally: a test's views must not
# wait in this process for the next test (tests/monitoring/test_visits.py checks the tally on its own).
VISITS_WRITE_SECONDS = 0
