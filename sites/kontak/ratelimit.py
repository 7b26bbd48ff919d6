"""At most LIMIT contact-form posts per visitor address per WINDOW seconds.

Counters live in the default cache, whose key function already puts the desa's schema in every key, so the
same address has a separate allowance on every desa."""

import ipaddress

from django.core.cache import cache

LIMIT = 5
WINDOW = 60 * 60


def client_ip(request) -> str:
    """The visitor's address. Behind our own nginx (unix socket or a private address) REMOTE_ADDR is the proxy,
    and the last X-Forwarded-For entry is the one nginx appended; earlier entries are the client's word."""
    remote = request.META.get("REMOTE_ADDR", "")
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
    if forwarded and _is_local(remote):
        return forwarded[-1]
    return remote or "tanpa-alamat"


def _is_local(address: str) -> bool:
    if not address:
        return True
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return ip.is_loopback or ip.is_private


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
