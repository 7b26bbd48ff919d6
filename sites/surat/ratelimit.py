"""Allowances per visitor address, in the tenant-keyed default cache (one allowance per desa), like the
contact form's (sites/kontak/ratelimit.py, whose client_ip we share)."""

from django.core.cache import cache

from sites.kontak.ratelimit import client_ip

# (limit, window seconds)
REQUESTS = (5, 60 * 60)  # new requests per hour
DOWNLOADS = (10, 60 * 60)  # wrong NIK digits per hour, per address (no walking the 10,000 endings)
VERIFY_UPLOADS = (30, 60 * 60)

__all__ = ["client_ip", "is_limited", "hit"]


def _key(kind: str, ip: str) -> str:
    return f"surat:{kind}:{ip}"


def is_limited(kind: str, ip: str, rule: tuple[int, int]) -> bool:
    return (cache.get(_key(kind, ip)) or 0) >= rule[0]


def hit(kind: str, ip: str, rule: tuple[int, int]) -> None:
    key = _key(kind, ip)
    if not cache.add(key, 1, rule[1]):
        try:
            cache.incr(key)
        except ValueError:
            cache.set(key, 1, rule[1])
