"""The visitor's address, for lockouts and rate limits.

Behind our nginx gunicorn listens on a unix socket, where REMOTE_ADDR is empty, or on loopback; nginx appends
the address it saw to X-Forwarded-For, so the right-most entry is the one a visitor cannot forge. Only those
peers (TRUSTED_PROXIES, plus the unix socket) are believed; anyone else is taken at REMOTE_ADDR, so a forged
header never dodges a count.
"""

import ipaddress
from functools import lru_cache

from django.conf import settings


@lru_cache(maxsize=8)
def _networks(trusted: tuple[str, ...]):
    return tuple(ipaddress.ip_network(item, strict=False) for item in trusted)


def _valid(address: str) -> str:
    try:
        return str(ipaddress.ip_address(address.strip()))
    except ValueError:
        return ""


def from_trusted_proxy(remote: str) -> bool:
    if remote == "":  # unix socket: only our nginx can reach it (0660, group www-data)
        return True
    address = _valid(remote)
    if not address:
        return False
    ip = ipaddress.ip_address(address)
    return any(ip in network for network in _networks(tuple(settings.TRUSTED_PROXIES)))


def client_ip(request) -> str:
    remote = request.META.get("REMOTE_ADDR", "") or ""
    if from_trusted_proxy(remote):
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        last = forwarded.split(",")[-1] if forwarded else ""
        if address := _valid(last):
            return address
    return _valid(remote)
