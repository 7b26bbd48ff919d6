"""Optional second confirmation: if the signer's account has a confirmed TOTP device (django_otp, the same one
the admin login asks for), signing also needs a current code from it. Letters pass the user; the device lives in
the desa's own schema, so only that desa's account is consulted. django_otp throttles repeated wrong codes."""

from .types import SigningError


def check_totp(user, token: str) -> None:
    if user is None:
        return
    from django_otp import devices_for_user
    from django_otp.plugins.otp_totp.models import TOTPDevice

    devices = [d for d in devices_for_user(user, confirmed=True) if isinstance(d, TOTPDevice)]
    if not devices:
        return
    token = (token or "").strip().replace(" ", "")
    if not token:
        raise SigningError("Masukkan kode dari aplikasi autentikator Anda.", code="otp_wajib")
    if not token.isdigit() or not any(device.verify_token(token) for device in devices):
        raise SigningError("Kode autentikator salah atau kedaluwarsa.", code="otp_salah")
