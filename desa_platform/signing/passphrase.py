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


def check_passphrase(encoded: str, confirmation: str, *, tenant_schema: str, user_key: str) -> None:
    key = _counter_key(tenant_schema, user_key)
    limit = settings.SIGNING_MAX_ATTEMPTS
    minutes = settings.SIGNING_LOCKOUT_MINUTES
    wrong = cache.get(key, 0)
    if wrong >= limit:
        raise SigningError(
            f"Passphrase salah {limit} kali. Penandatanganan dikunci {minutes} menit; coba lagi nanti.",
            code="terkunci",
        )
    memo_key = (tenant_schema, user_key, encoded)
    tag = hmac.new(_MEMO_KEY, confirmation.encode(), hashlib.sha256).digest()
    remembered = _memo.get(memo_key)
    if remembered and remembered[1] > time.monotonic() and hmac.compare_digest(remembered[0], tag):
        return
    if not confirmation or not SigningPassphraseHasher().verify(confirmation, encoded):
        cache.set(key, wrong + 1, timeout=minutes * 60)
        raise SigningError("Passphrase salah", code="passphrase_salah")
    if wrong:
        cache.delete(key)
    if len(_memo) > 1024:
        _memo.clear()
    _memo[memo_key] = (tag, time.monotonic() + MEMO_SECONDS)


def reset_attempts(tenant_schema: str, user_key: str) -> None:
    cache.delete(_counter_key(tenant_schema, user_key))
