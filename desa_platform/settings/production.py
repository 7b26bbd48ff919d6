"""Production: every value from the environment (see deploy/env.example)."""

from .base import *  # noqa: F403
from .base import env

DEBUG = False
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
# Wagtail marks its own preview views SAMEORIGIN; nothing else is framed.
X_FRAME_OPTIONS = "DENY"
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
if not REDIS_URL:  # noqa: F405
    # Without Redis the cache must still be shared by every gunicorn worker, or a publish would leave other
    # workers serving the old page: a file cache on this machine is.
    CACHES = shared_file_caches()  # noqa: F405
if env.str("AWS_STORAGE_BUCKET_NAME", default=""):
    # S3-compatible media (requirements-s3.txt); each desa's files under its own prefix.
    STORAGES["default"] = {"BACKEND": "desa_platform.tenancy.storage.TenantS3Storage"}  # noqa: F405
    AWS_STORAGE_BUCKET_NAME = env.str("AWS_STORAGE_BUCKET_NAME")
    AWS_S3_ENDPOINT_URL = env.str("AWS_S3_ENDPOINT_URL", default=None)
    AWS_DEFAULT_ACL = None
    AWS_QUERYSTRING_AUTH = False
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="Desa Digital <noreply@localhost>")

# Errors to stderr (journald under systemd), whatever DEBUG says.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="WARNING")},
}
