"""A signer who turned on TOTP for the admin confirms each signature with a code as well as the passphrase."""

import pytest
from django.contrib.auth import get_user_model
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from desa_platform.signing import SigningError, set_signing_passphrase, sign_pdf, verify_pdf
from desa_platform.signing.sample import sample_pdf

from .helpers import BOX, KADES, PASSPHRASE, in_desa

pytestmark = pytest.mark.django_db


def code_for(device) -> str:
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


def test_totp_device_makes_the_code_required(desa_a, settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = 0  # django_otp makes the next try after a wrong code wait a second
    with in_desa(desa_a):
        user = get_user_model().objects.create_user("kades-ttd", password="Sandi-kades-2026")
        device = TOTPDevice.objects.create(user=user, name="ponsel", confirmed=True)
        set_signing_passphrase(KADES, PASSPHRASE)
        with pytest.raises(SigningError) as missing:
            sign_pdf(sample_pdf(), KADES, PASSPHRASE, BOX, otp_user=user)
        with pytest.raises(SigningError) as wrong:
            sign_pdf(sample_pdf(), KADES, PASSPHRASE, BOX, otp_user=user, otp_token="000000")
        signed = sign_pdf(sample_pdf(), KADES, PASSPHRASE, BOX, otp_user=user, otp_token=code_for(device))
        assert verify_pdf(signed).valid
    assert missing.value.code == "otp_wajib" and wrong.value.code == "otp_salah"


def test_without_a_device_the_passphrase_is_enough(desa_a):
    with in_desa(desa_a):
        user = get_user_model().objects.create_user("sekdes-ttd", password="Sandi-sekdes-2026")
        set_signing_passphrase(KADES, PASSPHRASE)
        assert verify_pdf(sign_pdf(sample_pdf(), KADES, PASSPHRASE, BOX, otp_user=user)).valid
