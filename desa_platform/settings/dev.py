"""Local development: the README's `python3 run.py up`."""

import os

os.environ.setdefault("SECRET_KEY", "dev-only-not-secret")
os.environ.setdefault("DEBUG", "true")
os.environ.setdefault("DESA_SITE_PORT", "8000")

from .base import *  # noqa: E402,F403

OUTBOX_DELIVERY_BACKEND = env.str(  # noqa: F405
    "EMAIL_BACKEND", default="django.core.mail.backends.console.EmailBackend"
)
OUTBOX_SEND_AFTER_COMMIT = True

if not REDIS_URL:  # noqa: F405
    # The server, `manage.py desa …` in another terminal and console bulk jobs (their own process) must agree
    # on domains and content generations, as in production.
    CACHES = shared_file_caches()  # noqa: F405
