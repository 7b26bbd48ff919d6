"""What console tests share: the staff password and the TOTP code an authenticator app would show now."""

from django_otp.oath import TOTP

PASSWORD = "sandi-staf-panjang-1"


def current_code(device) -> str:
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    return f"{totp.token():06d}"
