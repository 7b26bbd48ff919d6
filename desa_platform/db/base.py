"""django-tenants' backend, minus two per-request costs.

- django-tenants empties Django's ContentType cache on every `set_tenant`, which costs a query per request.
  Content type ids can differ between schemas, so the cache is kept per schema instead (see below).
- Switching to the schema the connection already uses keeps the `search_path` already set.
"""

from django.contrib.contenttypes.models import ContentType
from django.db import connections
from django_tenants.postgresql_backend import base


class SchemaContentTypeCache:
    """Stands in for ContentTypeManager._cache: one cache per schema of the calling thread's connection."""

    def __init__(self):
        self._by_schema = {}

    def _current(self) -> dict:
        return self._by_schema.setdefault(connections["default"].schema_name, {})

    def __getitem__(self, alias):
        return self._current()[alias]

    def setdefault(self, alias, default):
        return self._current().setdefault(alias, default)

    def clear(self):
        self._by_schema.clear()


class DatabaseWrapper(base.DatabaseWrapper):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not isinstance(ContentType.objects._cache, SchemaContentTypeCache):
            ContentType.objects._cache = SchemaContentTypeCache()

    def set_tenant(self, tenant, include_public=True):
        unchanged = self.schema_name == tenant.schema_name and self.include_public_schema == include_public
        self.tenant = tenant
        self.schema_name = tenant.schema_name
        self.include_public_schema = include_public
        self.set_settings_schema(self.schema_name)
        if not unchanged:
            self.search_path_set_schemas = None
