"""At most LIMIT contact-form posts per visitor address per WINDOW seconds.

Counters live in the default cache, whose key function already puts the desa's schema in every key, so the
same address has a separate allowance on every desa."""

from django.core.cache import cache

from desa_platform.security.clientip import client_ip as platform_client_ip

LIMIT = 5
WINDOW = 60 * 60


def client_ip(request) -> str:
    """The visitor's address behind our own nginx (desa_platform/security/clientip.py)."""
    return platform_client_ip(request) or "tanpa-alamat"


def _key(ip: str) -> str:
    return f"kontak:kiriman:{ip}"


def is_limited(ip: str) -> bool:
    return (cache.get(_key(ip)) or 0) >= LIMIT


def record(ip: str) -> None:
    key = _key(ip)
    # add() starts the window only once; incr() keeps its expiry.
    if not cache.add(key, 1, WINDOW):
        try:
            cache.incr(key)
        except ValueError:  # expired between add() and incr()
            cache.set(key, 1, WINDOW)
