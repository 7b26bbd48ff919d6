"""Login slow-down: guessing stays slow without anyone being able to lock a desa admin out.

django-axes locks only the pair (username, address) after AXES_FAILURE_LIMIT failures, so a stranger failing
with 'admin' locks only themselves. On top, once an account (from any address) or an address (over any account:
carrier-grade NAT puts many residents behind one) has failed often in the last hour, each further attempt on it
must wait a little longer since the last failure, up to THROTTLE_MAX_WAIT seconds; meanwhile the password is not
even checked. The owner waits a minute at worst; a guesser gets ~60 tries an hour instead of thousands.
Counters live in the tenant-aware cache: each desa (and the console) counts its own.
"""

import logging
import time

from django.conf import settings
from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.dispatch import receiver
from django.shortcuts import render

from .clientip import client_ip

log = logging.getLogger(__name__)
WINDOW = 60 * 60


def _keys(request, username: str) -> list[tuple[str, int]]:
    return [
        (f"login-throttle:user:{(username or '').lower()[:150]}", settings.THROTTLE_ACCOUNT_AFTER),
        (f"login-throttle:ip:{client_ip(request)}", settings.THROTTLE_ADDRESS_AFTER),
    ]


def wait_seconds(request, username: str) -> int:
    """Seconds this attempt must still wait (0: go on)."""
    now = time.time()
    try:
        states = cache.get_many([key for key, _ in _keys(request, username)])
    except Exception:  # noqa: BLE001 - without the cache there is still axes' per-pair lockout
        return 0
    longest = 0
    for key, after in _keys(request, username):
        failures, last = states.get(key, (0, 0.0))
        if failures >= after:
            wait = min(2 ** (failures - after), settings.THROTTLE_MAX_WAIT)
            longest = max(longest, int(last + wait - now + 0.999))
    return max(longest, 0)


def record_failure(request, username: str) -> None:
    now = time.time()
    try:
        keys = _keys(request, username)
        states = cache.get_many([key for key, _ in keys])
        cache.set_many({key: (states.get(key, (0, 0.0))[0] + 1, now) for key, _ in keys}, WINDOW)
    except Exception:  # noqa: BLE001
        log.warning("login throttle: cache unavailable")


class ThrottleBackend:
    """First in AUTHENTICATION_BACKENDS: refuses (without checking the password) while an account waits."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        username = username or kwargs.get(settings.AXES_USERNAME_FORM_FIELD, "")
        wait = wait_seconds(request, username)
        if wait:
            request.login_throttled = wait
            raise PermissionDenied
        return None  # no get_user(): it never signs anyone in, so no session is ever bound to it


@receiver(user_login_failed)
def count_failure(sender, credentials, request=None, **kwargs):
    if request is not None and not getattr(request, "login_throttled", 0):
        record_failure(request, credentials.get("username", ""))


@receiver(user_logged_in)
def forget_account(sender, request, user, **kwargs):
    try:
        cache.delete(f"login-throttle:user:{user.get_username().lower()[:150]}")
    except Exception:  # noqa: BLE001
        pass


class ThrottleMiddleware:
    """Answers a throttled login with 429 and how long to wait (after the login view ran)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        wait = getattr(request, "login_throttled", 0)
        if wait and not getattr(request, "axes_locked_out", False):
            response = render(request, "security/login_throttled.html", {"wait": wait}, status=429)
            response["Retry-After"] = str(wait)
        return response
