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

from .current import DesaFacts, facts_for
from .schemas import public_schema

VERSION_KEY = "tenancy:routing-version"
_lock = threading.Lock()
_state = {"table": None, "version": None, "checked_at": 0.0}


@dataclass(frozen=True)
class Route:
    """Where a host name leads: the desa (its row, shared by this worker's requests: read it, never change it),
    its primary domain (other names redirect there) and its facts for `current_desa()`."""

    desa: object
    primary: str
    facts: DesaFacts


def _load() -> dict[str, Route]:
    from .models import Domain

    domains = list(Domain.objects.select_related("tenant").order_by("-is_primary", "domain"))
    primary_of = {}
    for domain in domains:
        if domain.is_primary or domain.tenant_id not in primary_of:
            primary_of.setdefault(domain.tenant_id, domain.domain)
    routes = {}  # one Route per desa, shared by its host names
    table = {}
    for domain in domains:
        desa = domain.tenant
        if desa.pk not in routes:
            primary = primary_of[desa.pk]
            routes[desa.pk] = Route(desa=desa, primary=primary, facts=facts_for(desa, primary))
        table[domain.domain.lower()] = routes[desa.pk]
    return table


def _shared_version():
    with public_schema():
        return cache.get(VERSION_KEY)


def lookup(hostname: str) -> Route | None:
    now = time.monotonic()
    interval = getattr(settings, "ROUTING_CHECK_SECONDS", 1.0)
    if _state["table"] is None or now - _state["checked_at"] > interval:
        with _lock:
            version = _shared_version()
            if _state["table"] is None or version != _state["version"]:
                # A desa may have been restored or recreated: its content type ids may have changed too.
                ContentType.objects.clear_cache()
                _state["table"] = _load()
                _state["version"] = version
            _state["checked_at"] = now
    return _state["table"].get(hostname.lower())


def forget_local() -> None:
    """Drop this process's table (the next lookup reloads it); for tests that change domains behind its back."""
    with _lock:
        _state["table"] = None


def invalidate() -> None:
    """Forget the table here now, and in every process once the change is committed."""

    def bump():
        _state["table"] = None
        with public_schema():
            cache.set(VERSION_KEY, uuid.uuid4().hex, None)

    bump()
    transaction.on_commit(bump)
