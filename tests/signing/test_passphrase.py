"""The signer confirms each signature with a passphrase of their own; guessing it is slowed down."""

import dataclasses

import pytest

from desa_platform.signing import SigningError, set_signing_passphrase, sign_pdf, verify_pdf
from desa_platform.signing.sample import sample_pdf

from .helpers import BOX, KADES, PASSPHRASE, in_desa

pytestmark = pytest.mark.django_db


def test_short_passphrase_is_refused(desa_a):
    with in_desa(desa_a), pytest.raises(SigningError) as refused:
        set_signing_passphrase(KADES, "1234567")
    assert refused.value.code == "passphrase_pendek" and "minimal 8" in refused.value.message


def test_five_wrong_passphrases_lock_signing_even_the_right_one(desa_a, settings):
    settings.SIGNING_MAX_ATTEMPTS = 5
    with in_desa(desa_a):
        set_signing_passphrase(KADES, PASSPHRASE)
        for _ in range(5):
            with pytest.raises(SigningError) as wrong:
                sign_pdf(sample_pdf(), KADES, "tebakan-salah", BOX)
            assert wrong.value.code == "passphrase_salah"
        with pytest.raises(SigningError) as locked:
            sign_pdf(sample_pdf(), KADES, PASSPHRASE, BOX)
        assert locked.value.code == "terkunci" and "dikunci 15 menit" in locked.value.message
        # setting a new passphrase (the letters UI checks the account password first) lifts the wait
        set_signing_passphrase(KADES, "passphrase-baru-1")
        assert verify_pdf(sign_pdf(sample_pdf(), KADES, "passphrase-baru-1", BOX)).valid


def test_a_right_passphrase_clears_earlier_mistakes(desa_a, settings):
    settings.SIGNING_MAX_ATTEMPTS = 3
    with in_desa(desa_a):
        set_signing_passphrase(KADES, PASSPHRASE)
        for _ in range(2):
            with pytest.raises(SigningError):
                sign_pdf(sample_pdf(), KADES, "tebakan-salah", BOX)
        sign_pdf(sample_pdf(), KADES, PASSPHRASE, BOX)
        for _ in range(2):
            with pytest.raises(SigningError) as wrong:
                sign_pdf(sample_pdf(), KADES, "tebakan-salah", BOX)
            assert wrong.value.code == "passphrase_salah"  # not yet locked: the count started again


def test_new_jabatan_gets_a_new_certificate_and_the_box_and_certificate_agree(desa_a):
    with in_desa(desa_a):
        set_signing_passphrase(KADES, PASSPHRASE)
        first = verify_pdf(sign_pdf(sample_pdf(), KADES, PASSPHRASE, BOX))
        promoted = dataclasses.replace(KADES, jabatan="Pj. Kepala Desa")
        second = verify_pdf(sign_pdf(sample_pdf(), promoted, PASSPHRASE, BOX))
    assert (first.jabatan, second.jabatan) == ("Kepala Desa", "Pj. Kepala Desa")
    assert second.valid
