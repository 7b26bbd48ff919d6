"""pytest: the embedded server (or DATABASE_URL), its own test database, fast hashing."""

import os

os.environ.setdefault("SECRET_KEY", "test-only-not-secret")
os.environ.setdefault("DESA_SITE_PORT", "80")

from .base import *  # noqa: E402,F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Delivered by the outbox sender into django.core.mail.outbox (tests run `send_due()` where they expect mail).
OUTBOX_DELIVERY_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
PLATFORM_DOMAINS = ["localhost", "testserver"]
