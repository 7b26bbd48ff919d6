"""Cached pages of anonymous visitors, per desa.

Keys go through the tenant-aware cache key function (the schema is part of every key) and carry the host;
each entry records the desa's *generation* it was made at: any content change in a desa bumps its
generation, so every page, listing, feed and the home page of that desa are fresh on the next request, and
no other desa is touched.
"""

import hashlib
import time

from django.conf import settings
from django.core.cache import caches
from django.db import connection, transaction
from django_tenants.utils import schema_context

GENERATION_KEY = "pagecache:generation"


def _cache():
    return caches[settings.PAGE_CACHE_ALIAS]


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


def bump_now_and_on_commit() -> None:
    """For a change made in a transaction: a visitor served between now and the commit saw the old content
    under the new generation, which must not outlive the commit."""
    bump()
    schema = connection.schema_name
    if connection.in_atomic_block:

        def after_commit():
            with schema_context(schema):
                bump()

        transaction.on_commit(after_commit)


def page_key(host: str, full_path: str) -> str:
    return "pagecache:" + hashlib.sha1(f"{host}{full_path}".encode()).hexdigest()


def lookup(request, key: str) -> dict | None:
    """The cached page under `key` if it was stored at the desa's current generation.

    The generation and the page come in one round trip (one MGET on Redis): a page stored at an older
    generation is simply not used, and is overwritten by the next visit.
    """
    values = _cache().get_many([GENERATION_KEY, key])
    if GENERATION_KEY in values:
        request._content_generation = values[GENERATION_KEY]
    entry = values.get(key)
    if entry is None or entry.get("generation") != generation_for(request):
        return None
    return entry


def put(request, key: str, entry: dict) -> None:
    entry["generation"] = generation_for(request)
    _cache().set(key, entry, settings.PAGE_CACHE_SECONDS)
