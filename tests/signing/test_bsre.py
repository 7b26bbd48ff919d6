"""The BSrE backend against a loopback stub that answers like BSrE's esign-client."""

import pytest
from cryptography.hazmat.primitives import serialization

from desa_platform.signing import SigningError, backend_kind, sign_pdf, verify_pdf
from desa_platform.signing.sample import sample_pdf

from .bsre_stub import PASSWORD, USER, BsreStub
from .helpers import BOX, KADES, in_desa

pytestmark = pytest.mark.django_db
BSRE_PASSPHRASE = "Bsre#Passphrase1"


@pytest.fixture
def stub(settings, tmp_path):
    with BsreStub({KADES.nik_or_nip: (BSRE_PASSPHRASE, "SUTRISNO", "Kepala Desa Uji A")}) as running:
        root = tmp_path / "bsre-root.pem"
        root.write_bytes(running.root.public_bytes(serialization.Encoding.PEM))
        settings.DESA_SIGNING_BACKEND = "bsre"
        settings.SIGNING_BSRE_URL = running.url
        settings.SIGNING_BSRE_USER, settings.SIGNING_BSRE_PASSWORD = USER, PASSWORD
        settings.SIGNING_BSRE_TIMEOUT = 2.0
        settings.SIGNING_BSRE_TRUST_ROOTS = [str(root)]
        yield running


def test_bsre_signs_visible_with_the_qr_and_verifies_as_bsre(stub, desa_a):
    with in_desa(desa_a):
        assert backend_kind() == "bsre"
        signed = sign_pdf(sample_pdf(), KADES, BSRE_PASSPHRASE, BOX, reason="Surat keterangan")
        result = verify_pdf(signed)
    (request,) = stub.requests
    fields = request["fields"]
    assert fields["nik"] == KADES.nik_or_nip and fields["tampilan"] == "visible" and fields["image"] == "true"
    assert (fields["page"], fields["xAxis"], fields["yAxis"], fields["width"], fields["height"]) == (
        "1", "340", "80", "200", "80",
    )  # fmt: skip
    assert request["files"] == ["file", "imageTTD"] and fields["linkQR"] == BOX.qr_url
    assert result.valid and result.kind == "bsre" and result.signer_name == "SUTRISNO", result.reasons


def test_bsre_wrong_passphrase_passes_bsre_message_through(stub, desa_a):
    with in_desa(desa_a), pytest.raises(SigningError) as refused:
        sign_pdf(sample_pdf(), KADES, "salah", BOX)
    assert refused.value.message == "Passphrase anda salah" and refused.value.code == "passphrase_salah"


def test_bsre_unknown_nik(stub, desa_a):
    import dataclasses

    stranger = dataclasses.replace(KADES, nik_or_nip="3523019999990001")
    with in_desa(desa_a), pytest.raises(SigningError) as refused:
        sign_pdf(sample_pdf(), stranger, BSRE_PASSPHRASE, BOX)
    assert refused.value.message == "User tidak terdaftar" and refused.value.code == "nik_tidak_terdaftar"


def test_bsre_that_hangs_is_given_up_after_the_timeout(stub, desa_a, settings):
    settings.SIGNING_BSRE_TIMEOUT = 0.5
    stub.delay = 3.0
    with in_desa(desa_a), pytest.raises(SigningError) as refused:
        sign_pdf(sample_pdf(), KADES, BSRE_PASSPHRASE, BOX)
    assert refused.value.code == "bsre_timeout" and "tidak menjawab dalam 0.5 detik" in refused.value.message


def test_bsre_unreachable(stub, desa_a, settings):
    stub.server.server_close()  # nothing listens there any more
    settings.SIGNING_BSRE_URL = "http://127.0.0.1:9"
    with in_desa(desa_a), pytest.raises(SigningError) as refused:
        sign_pdf(sample_pdf(), KADES, BSRE_PASSPHRASE, BOX)
    assert refused.value.code == "bsre_tidak_terjangkau"


def test_bsre_wrong_application_account(stub, desa_a, settings):
    settings.SIGNING_BSRE_PASSWORD = "bukan"
    with in_desa(desa_a), pytest.raises(SigningError) as refused:
        sign_pdf(sample_pdf(), KADES, BSRE_PASSPHRASE, BOX)
    assert refused.value.code == "bsre_akun"


def test_bsre_answer_by_document_id_is_downloaded(stub, desa_a):
    stub.by_id = True
    with in_desa(desa_a):
        signed = sign_pdf(sample_pdf(), KADES, BSRE_PASSPHRASE, BOX)
        assert verify_pdf(signed).kind == "bsre"
    assert stub.documents == {}  # fetched from /api/sign/download/<id>


def test_bsre_signature_is_not_trusted_without_the_bsre_root(stub, desa_a, settings):
    with in_desa(desa_a):
        signed = sign_pdf(sample_pdf(), KADES, BSRE_PASSPHRASE, BOX)
        settings.SIGNING_BSRE_TRUST_ROOTS = []
        result = verify_pdf(signed)
    assert result.intact and not result.trusted and not result.valid


def test_with_bsre_a_signer_needs_only_a_nik(stub, desa_a):
    import dataclasses

    from desa_platform.signing import has_signing_passphrase

    with in_desa(desa_a):
        assert has_signing_passphrase(KADES)
        assert not has_signing_passphrase(dataclasses.replace(KADES, nik_or_nip=""))


def test_bsre_takes_no_totp_code_instead_of_its_passphrase(stub, desa_a):
    with in_desa(desa_a), pytest.raises(SigningError) as refused:
        sign_pdf(sample_pdf(), KADES, "", BOX, otp_user=object(), otp_token="123456")
    assert refused.value.code == "otp_bukan_bsre" and not stub.requests


def test_bsre_without_the_signers_nik_says_so_before_calling_bsre(stub, desa_a):
    import dataclasses

    no_nik = dataclasses.replace(KADES, nik_or_nip="")
    with in_desa(desa_a), pytest.raises(SigningError) as refused:
        sign_pdf(sample_pdf(), no_nik, BSRE_PASSPHRASE, BOX)
    assert refused.value.code == "nik_kosong" and "NIK" in refused.value.message and not stub.requests
