"""Media on S3-compatible storage, each desa under its own prefix (only imported when configured)."""

from django.db import connection
from storages.backends.s3 import S3Storage


class TenantS3Storage(S3Storage):
    @property
    def location(self):
        return connection.schema_name

    @location.setter
    def location(self, value):
        # S3Storage sets a fixed location at start; the prefix is the current desa's schema instead.
        pass
