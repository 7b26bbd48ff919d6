"""Each desa's uploads under MEDIA_ROOT/<schema>/ (django-tenants' storage), with each file's URL worked out once.

An article's page asks for six picture URLs (the responsive image, the share picture, its JSON-LD) and each one
formats the desa's media prefix and quotes the name again: 15 µs apiece. A file's URL only depends on the
schema, the media settings and its name, so a process keeps the URLs it has made (at most URL_LIMIT of them).
"""

from django.conf import settings
from django.db import connection
from django_tenants.files.storage import TenantFileSystemStorage

URL_LIMIT = 20_000
_urls: dict[tuple, str] = {}


class DesaFileSystemStorage(TenantFileSystemStorage):
    def url(self, name):
        key = (
            connection.schema_name,
            self._base_url,
            settings.MEDIA_URL,
            getattr(settings, "MULTITENANT_RELATIVE_MEDIA_ROOT", None),
            name,
        )
        url = _urls.get(key)
        if url is None:
            url = super().url(name)
            if len(_urls) < URL_LIMIT:
                _urls[key] = url
        return url
