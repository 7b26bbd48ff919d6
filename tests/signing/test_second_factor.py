"""A signer whose account has a TOTP device may confirm a signature with a current code instead of the
passphrase (local CA only); wrong codes and wrong passphrases count toward one lockout."""

import dataclasses

import pytest
from django.contrib.auth import get_user_model
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from desa_platform.signing import SigningError, can_confirm_with_totp, set_signing_passphrase, sign_pdf, verify_pdf
from desa_platform.signing.sample import sample_pdf

from .helpers import BOX, KADES, PASSPHRASE, in_desa

pytestmark = pytest.mark.django_db


def code_for(device) -> str:
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


@pytest.fixture
def kades_with_totp(desa_a, settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = 0  # django_otp makes the next try after a wrong code wait a second
    settings.SIGNING_MAX_ATTEMPTS = 5
    with in_desa(desa_a):
        user = get_user_model().objects.create_user("kades-ttd", password="Sandi-kades-2026")
        device = TOTPDevice.objects.create(user=user, name="ponsel", confirmed=True)
        signer = dataclasses.replace(KADES, user_key=str(user.pk))
        set_signing_passphrase(signer, PASSPHRASE)
        yield user, device, signer


def test_a_current_code_signs_instead_of_the_passphrase(kades_with_totp):
    user, device, signer = kades_with_totp
    assert can_confirm_with_totp(user)
    code = code_for(device)
    first = sign_pdf(sample_pdf(), signer, "", BOX, otp_user=user, otp_token=code)
    # a stack of letters: the same code, typed once, signs the next letter too (django_otp alone would refuse it)
    second = sign_pdf(sample_pdf(), signer, "", BOX, otp_user=user, otp_token=code)
    assert verify_pdf(first).valid and verify_pdf(second).valid
    # and the passphrase still works for the same signer
    assert verify_pdf(sign_pdf(sample_pdf(), signer, PASSPHRASE, BOX)).valid


def test_a_wrong_code_is_refused_and_five_lock_even_the_passphrase(kades_with_totp):
    user, device, signer = kades_with_totp
    for _ in range(5):
        with pytest.raises(SigningError) as wrong:
            sign_pdf(sample_pdf(), signer, "", BOX, otp_user=user, otp_token="000000")
        assert wrong.value.code == "otp_salah" and "salah" in wrong.value.message
    with pytest.raises(SigningError) as locked:
        sign_pdf(sample_pdf(), signer, PASSPHRASE, BOX)
    assert locked.value.code == "terkunci" and "dikunci 15 menit" in locked.value.message
    with pytest.raises(SigningError) as still_locked:
        sign_pdf(sample_pdf(), signer, "", BOX, otp_user=user, otp_token=code_for(device))
    assert still_locked.value.code == "terkunci"


def test_wrong_passphrases_count_toward_the_code_lockout(kades_with_totp):
    user, device, signer = kades_with_totp
    for _ in range(5):
        with pytest.raises(SigningError):
            sign_pdf(sample_pdf(), signer, "tebakan-salah", BOX)
    with pytest.raises(SigningError) as locked:
        sign_pdf(sample_pdf(), signer, "", BOX, otp_user=user, otp_token=code_for(device))
    assert locked.value.code == "terkunci"


def test_another_accounts_code_does_not_sign_for_this_signer(kades_with_totp):
    _user, _device, signer = kades_with_totp
    other = get_user_model().objects.create_user("operator-lain", password="Sandi-operator-2026")
    other_device = TOTPDevice.objects.create(user=other, name="ponsel", confirmed=True)
    with pytest.raises(SigningError) as refused:
        sign_pdf(sample_pdf(), signer, "", BOX, otp_user=other, otp_token=code_for(other_device))
    assert refused.value.code == "otp_bukan_pemilik"


def test_without_a_device_a_code_is_refused_and_the_passphrase_is_needed(desa_a):
    with in_desa(desa_a):
        user = get_user_model().objects.create_user("sekdes-ttd", password="Sandi-sekdes-2026")
        signer = dataclasses.replace(KADES, user_key=str(user.pk))
        set_signing_passphrase(signer, PASSPHRASE)
        assert not can_confirm_with_totp(user)
        with pytest.raises(SigningError) as refused:
            sign_pdf(sample_pdf(), signer, "", BOX, otp_user=user, otp_token="123456")
        assert refused.value.code == "otp_tidak_ada"
        assert verify_pdf(sign_pdf(sample_pdf(), signer, PASSPHRASE, BOX, otp_user=user)).valid
