"""A TOTP code instead of the signing passphrase (issue 11: "password or TOTP, like a BSrE passphrase").

The device is the account's own django_otp TOTP device (the one the admin login asks for), in the desa's own
schema, so only that desa's account is consulted; the account must be the signer's own (user_key is its pk).
Why a code may stand in for the passphrase with the local CA: the private key is encrypted under the platform's
key, not the passphrase, which only proves the signer is present, and a current code from the signer's phone
proves that as well. Not for BSrE, whose passphrase unlocks the key at BSSN. Wrong codes count with wrong
passphrases toward the same lockout; django_otp's own throttle and its one-use rule (last_t) apply too. A stack of
letters needs the code typed once: after a full check, the same code for the same signer is accepted for
passphrase.MEMO_SECONDS in this process (a keyed hash is kept, never the code).
"""

from django.db import transaction

from . import passphrase
from .types import SigningError


def _confirmed_totp_devices(user):
    from django_otp import devices_for_user
    from django_otp.plugins.otp_totp.models import TOTPDevice

    return [d for d in devices_for_user(user, confirmed=True) if isinstance(d, TOTPDevice)]


def has_totp(user) -> bool:
    return user is not None and bool(_confirmed_totp_devices(user))


def _verify(device, token: str) -> bool | None:
    """True/False, or None when django_otp's throttle says wait (not counted as a wrong code)."""
    allowed, _detail = device.verify_is_allowed()
    if not allowed:
        return None
    with transaction.atomic():
        locked = type(device).objects.select_for_update().get(pk=device.pk)
        return locked.verify_token(token)


def check_code(user, token: str, *, tenant_schema: str, user_key: str) -> None:
    if user is None or str(user.pk) != str(user_key):
        raise SigningError(
            "Kode autentikator hanya berlaku dari akun penanda tangan sendiri.", code="otp_bukan_pemilik"
        )
    wrong = passphrase.refuse_if_locked(tenant_schema, user_key)
    token = "".join((token or "").split())
    memo_key = (tenant_schema, user_key, "totp")
    if token and passphrase.remembered(memo_key, token):
        return
    devices = _confirmed_totp_devices(user)
    if not devices:
        raise SigningError(
            "Akun Anda belum memakai aplikasi autentikator. Ketik passphrase tanda tangan Anda.", code="otp_tidak_ada"
        )
    if not token:
        raise SigningError("Masukkan kode 6 angka dari aplikasi autentikator Anda.", code="otp_wajib")
    answers = [_verify(device, token) for device in devices] if token.isdigit() and len(token) <= 8 else [False]
    if any(answers):
        passphrase.remember(memo_key, token, tenant_schema=tenant_schema, user_key=user_key, wrong=wrong)
        return
    if None in answers:
        raise SigningError(
            "Terlalu banyak kode salah. Tunggu beberapa detik, lalu masukkan kode yang baru.", code="otp_tunggu"
        )
    passphrase.count_wrong(tenant_schema, user_key, wrong)
    raise SigningError("Kode autentikator salah atau kedaluwarsa.", code="otp_salah")
