"""Cached pages of anonymous visitors, per desa.

Keys go through the tenant-aware cache key function (the schema is part of every key) and also carry the
host and the desa's *generation*: any content change in a desa bumps its generation, so every page, listing,
feed and the home page of that desa are fresh on the next request, and no other desa is touched.
"""

import hashlib
import time

from django.conf import settings
from django.core.cache import caches

GENERATION_KEY = "pagecache:generation"


def _cache():
    return caches[getattr(settings, "PAGE_CACHE_ALIAS", "default")]


def generation() -> str:
    value = _cache().get(GENERATION_KEY)
    if value is None:
        value = str(time.time_ns())
        _cache().add(GENERATION_KEY, value, None)
        value = _cache().get(GENERATION_KEY, value)
    return value


def generation_for(request) -> str:
    """The generation, read once per request (the page cache and the memo both need it)."""
    if not hasattr(request, "_content_generation"):
        request._content_generation = generation()
    return request._content_generation


def bump() -> None:
    _cache().set(GENERATION_KEY, str(time.time_ns()), None)


def page_key(host: str, full_path: str, generation_value: str) -> str:
    digest = hashlib.sha1(f"{host}{full_path}".encode()).hexdigest()
    return f"pagecache:{generation_value}:{digest}"


def get(key: str):
    return _cache().get(key)


def put(key: str, entry: dict) -> None:
    _cache().set(key, entry, getattr(settings, "PAGE_CACHE_SECONDS", 600))
