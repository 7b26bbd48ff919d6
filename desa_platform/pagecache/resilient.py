"""The shared cache (Redis) as an optional speed-up, never a single point of failure.

When Redis refuses or stalls, every call fails fast (short socket timeouts, then no call at all for
CACHE_RETRY_SECONDS), answers "not cached", and the platform serves every desa uncached from the database and
from each worker's last routing table. It is logged once when it goes and once when it comes back; nobody has
to restart anything. Writes of keys kept forever (a desa's content generation, the routing version) that fail
meanwhile are replayed when Redis is back, so an edit made during the outage never leaves stale pages behind.
"""

import logging
import threading
import time

from django.conf import settings
from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.db import connection
from django_redis.cache import RedisCache
from django_redis.exceptions import ConnectionInterrupted
from django_tenants.utils import schema_context
from redis.backoff import NoBackoff
from redis.retry import Retry

log = logging.getLogger(__name__)
_lock = threading.Lock()
# per Redis address, shared by every thread's cache object in this process
_state: dict[str, dict] = {}


def _breaker(server: str) -> dict:
    with _lock:
        return _state.setdefault(server, {"down_since": None, "retry_at": 0.0, "pending": {}})


def is_down() -> bool:
    """Whether this process currently treats any shared cache as unreachable."""
    return any(state["down_since"] is not None for state in _state.values())


class _GuardedClient:
    """django-redis's client, with every call going through the breaker."""

    def __init__(self, client, cache):
        self._client, self._cache = client, cache

    def __getattr__(self, name):
        attribute = getattr(self._client, name)
        if name.startswith("_") or not callable(attribute) or name in ("get_client", "make_key", "encode", "decode"):
            return attribute

        def call(*args, **kwargs):
            state = self._cache.breaker
            if state["down_since"] is not None:
                if time.monotonic() < state["retry_at"]:
                    raise ConnectionInterrupted(connection=None)
                if not self._cache.ping():  # a probe, at most once per CACHE_RETRY_SECONDS
                    self._cache.went_down("still unreachable")
                    raise ConnectionInterrupted(connection=None)
                self._cache.came_back()  # replays the missed change marks before this call reads anything
            try:
                return attribute(*args, **kwargs)
            except ConnectionInterrupted as error:
                self._cache.went_down(error)
                raise

        return call


class ResilientRedisCache(RedisCache):
    def __init__(self, server, params):
        options = {**params.get("OPTIONS", {}), "IGNORE_EXCEPTIONS": True}
        # redis-py retries a refused connection three times with backoff (seconds): fail at once instead.
        options["CONNECTION_POOL_KWARGS"] = {
            "retry": Retry(NoBackoff(), 0),
            **options.get("CONNECTION_POOL_KWARGS", {}),
        }
        params = {**params, "OPTIONS": options}
        super().__init__(server, params)
        self.breaker = _breaker(server)
        self._guarded = None

    @property
    def client(self):
        if self._guarded is None:
            self._guarded = _GuardedClient(super().client, self)
        return self._guarded

    def went_down(self, error) -> None:
        state = self.breaker
        with _lock:
            first = state["down_since"] is None
            if first:
                state["down_since"] = time.monotonic()
            state["retry_at"] = time.monotonic() + settings.CACHE_RETRY_SECONDS
        if first:
            log.error("shared cache unreachable (%s): serving every desa without it until it is back", error)

    def came_back(self) -> None:
        state = self.breaker
        with _lock:
            if state["down_since"] is None:
                return
            seconds = time.monotonic() - state["down_since"]
            state["down_since"] = None
            pending, state["pending"] = state["pending"], {}
        log.warning("shared cache back after %.0f s; replaying %d change marks", seconds, len(pending))
        for (schema, key, version), value in pending.items():
            with schema_context(schema):  # keys carry the desa's schema (django_tenants.cache.make_key)
                self.set(key, value, None, version=version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None, client=None, nx=False, xx=False):
        result = super().set(key, value, timeout, version=version, client=client, nx=nx, xx=xx)
        if result is None and timeout is None and not nx:
            # failed while down: a generation or routing-version bump that must reach Redis once it is back
            with _lock:
                self.breaker["pending"][(connection.schema_name, key, version)] = value
        return result

    def ping(self) -> bool:
        """For /healthz: ask Redis itself, past the breaker."""
        try:
            return bool(super().client.get_client(write=False).ping())
        except Exception:  # noqa: BLE001
            return False
