"""The signer's own confirmation: a signing passphrase, separate from the login password (like BSrE's).

Hashed with Django's PBKDF2 hasher at its own iteration count (SIGNING_PASSPHRASE_ITERATIONS): Django's
login default of 1,000,000 costs 0.8 s here, too slow for a signer working through a stack of letters;
the key itself is protected by SIGNING_KEY_ENCRYPTION_KEY, the hash only guards the passphrase. Checked in
constant time. Wrong attempts are counted in the shared cache, not the database, so a caller whose
transaction rolls back on the error still counts: after SIGNING_MAX_ATTEMPTS the signer waits
SIGNING_LOCKOUT_MINUTES (BSrE locks the same way).
"""

import hashlib
import hmac
import os
import time

from django.conf import settings
from django.contrib.auth.hashers import PBKDF2PasswordHasher
from django.core.cache import cache

from .types import SigningError

MIN_LENGTH = 8
# A signer working through a stack ("tanda tangani semua") types the passphrase once: after a full check, the
# same passphrase for the same credential is accepted for MEMO_SECONDS in this process without PBKDF2 again.
# Only an HMAC under a per-process random key is kept, never the passphrase; a wrong one always goes the full way.
MEMO_SECONDS = 120
_MEMO_KEY = os.urandom(32)
_memo: dict[tuple[str, str, str], tuple[bytes, float]] = {}


class SigningPassphraseHasher(PBKDF2PasswordHasher):
    @property
    def iterations(self) -> int:
        return settings.SIGNING_PASSPHRASE_ITERATIONS


def hash_passphrase(passphrase: str) -> str:
    if len(passphrase) < MIN_LENGTH:
        raise SigningError(f"Passphrase minimal {MIN_LENGTH} karakter.", code="passphrase_pendek")
    return SigningPassphraseHasher().encode(passphrase, SigningPassphraseHasher().salt())


def _counter_key(tenant_schema: str, user_key: str) -> str:
    return f"signing-wrong-passphrase:{tenant_schema}:{user_key}"


def refuse_if_locked(tenant_schema: str, user_key: str) -> int:
    """The wrong confirmations so far (passphrase and TOTP codes count together); SigningError once locked."""
    wrong = cache.get(_counter_key(tenant_schema, user_key), 0)
    if wrong >= settings.SIGNING_MAX_ATTEMPTS:
        raise SigningError(
            f"Passphrase atau kode autentikator salah {settings.SIGNING_MAX_ATTEMPTS} kali. Penandatanganan "
            f"dikunci {settings.SIGNING_LOCKOUT_MINUTES} menit; coba lagi nanti.",
            code="terkunci",
        )
    return wrong


def count_wrong(tenant_schema: str, user_key: str, wrong: int) -> None:
    cache.set(_counter_key(tenant_schema, user_key), wrong + 1, timeout=settings.SIGNING_LOCKOUT_MINUTES * 60)


def remembered(memo_key: tuple, secret: str) -> bool:
    """Was this exact secret fully checked for this credential in this process less than MEMO_SECONDS ago?"""
    tag = hmac.new(_MEMO_KEY, secret.encode(), hashlib.sha256).digest()
    found = _memo.get(memo_key)
    return bool(found and found[1] > time.monotonic() and hmac.compare_digest(found[0], tag))


def remember(memo_key: tuple, secret: str, *, tenant_schema: str, user_key: str, wrong: int) -> None:
    if wrong:
        cache.delete(_counter_key(tenant_schema, user_key))
    if len(_memo) > 1024:
        _memo.clear()
    tag = hmac.new(_MEMO_KEY, secret.encode(), hashlib.sha256).digest()
    _memo[memo_key] = (tag, time.monotonic() + MEMO_SECONDS)


def check_passphrase(encoded: str, confirmation: str, *, tenant_schema: str, user_key: str) -> None:
    wrong = refuse_if_locked(tenant_schema, user_key)
    memo_key = (tenant_schema, user_key, encoded)
    if remembered(memo_key, confirmation):
        return
    if not confirmation or not SigningPassphraseHasher().verify(confirmation, encoded):
        count_wrong(tenant_schema, user_key, wrong)
        raise SigningError("Passphrase salah", code="passphrase_salah")
    remember(memo_key, confirmation, tenant_schema=tenant_schema, user_key=user_key, wrong=wrong)


def reset_attempts(tenant_schema: str, user_key: str) -> None:
    cache.delete(_counter_key(tenant_schema, user_key))
