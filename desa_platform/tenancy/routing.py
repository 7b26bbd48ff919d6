"""Host name → desa, from an in-process table; no query on a hit.

The table is rebuilt when a Desa or Domain changes: at once in this process (signals), and in every
other worker within ROUTING_CHECK_SECONDS through a version key in the shared cache.
"""

import threading
import time
import uuid
from dataclasses import dataclass

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db import transaction

from desa_platform.pagecache import resilient

from .current import facts_for
from .schemas import public_schema

VERSION_KEY = "tenancy:routing-version"
_lock = threading.Lock()
_state = {"table": None, "version": None, "checked_at": 0.0}


@dataclass(frozen=True)
class Route:
    desa: object
    primary: str


def _load() -> dict[str, Route]:
    from .models import Domain

    domains = list(Domain.objects.select_related("tenant").order_by("-is_primary", "domain"))
    primary_of = {}
    for domain in domains:
        if domain.is_primary or domain.tenant_id not in primary_of:
            primary_of.setdefault(domain.tenant_id, domain.domain)
    table = {}
    for domain in domains:
        desa = domain.tenant
        desa.primary_domain_name = primary_of[desa.pk]
        desa.facts = facts_for(desa)
        table[domain.domain.lower()] = Route(desa=desa, primary=primary_of[desa.pk])
    return table


def _shared_version():
    with public_schema():
        return cache.get(VERSION_KEY)


def lookup(hostname: str) -> Route | None:
    now = time.monotonic()
    interval = settings.ROUTING_CHECK_SECONDS
    if _state["table"] is None or now - _state["checked_at"] > interval:
        with _lock:
            version = _shared_version()
            if _state["table"] is not None and version is None and resilient.is_down():
                version = _state["version"]  # the shared cache is down: keep serving from the last table
            if _state["table"] is None or version != _state["version"]:
                # A desa may have been restored or recreated: its content type ids may have changed too.
                ContentType.objects.clear_cache()
                _state["table"] = _load()
                _state["version"] = version
            _state["checked_at"] = now
    return _state["table"].get(hostname.lower())


def invalidate() -> None:
    """Forget the table here now, and in every process once the change is committed."""

    def bump():
        _state["table"] = None
        with public_schema():
            cache.set(VERSION_KEY, uuid.uuid4().hex, None)

    bump()
    transaction.on_commit(bump)
