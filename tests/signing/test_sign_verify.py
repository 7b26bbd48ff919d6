"""Signing a letter with the platform CA and verifying it: what a resident's upload on the verification page meets."""

import hashlib
import io

import pytest
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko_certvalidator import ValidationContext

from desa_platform.signing import (
    SigningError,
    backend_kind,
    has_signing_passphrase,
    pades,
    root_certificate_pem,
    set_signing_passphrase,
    sign_pdf,
    verify_pdf,
)
from desa_platform.signing.sample import sample_pdf
from desa_platform.signing.verify import BUKAN_PLATFORM, DIUBAH, KEDALUWARSA

from .helpers import BOX, KADES, PASSPHRASE, foreign_chain, in_desa

pytestmark = pytest.mark.django_db


@pytest.fixture
def signed(desa_a):
    with in_desa(desa_a):
        set_signing_passphrase(KADES, PASSPHRASE)
        return sign_pdf(sample_pdf(), KADES, PASSPHRASE, BOX, reason="Surat keterangan", location="Uji A")


def test_signed_pdf_validates_with_only_the_platform_root(signed):
    from cryptography import x509

    root = x509.load_pem_x509_certificate(root_certificate_pem())
    context = ValidationContext(trust_roots=[pades.to_asn1_cert(root)], allow_fetching=False)
    (signature,) = PdfFileReader(io.BytesIO(signed)).embedded_signatures
    status = validate_pdf_signature(signature, context)
    assert status.intact and status.valid and status.trusted
    assert status.coverage.name == "ENTIRE_FILE"
    assert status.signing_cert.subject.native["common_name"] == "Sutrisno"
    # the chain is root → the desa's intermediate → the signer
    path = [c.subject.native["common_name"] for c in status.validation_path.iter_certs(include_root=True)]
    assert path == ["Diskominfo Kabupaten Tuban Root CA Desa Digital", "CA Desa Uji A", "Sutrisno"]


def test_the_same_root_without_trust_is_refused(signed):
    """Negative control for the test above: a validator that trusts some other root says not trusted."""
    _key, _cert, _chain, other_root = foreign_chain()
    context = ValidationContext(trust_roots=[pades.to_asn1_cert(other_root)], allow_fetching=False)
    (signature,) = PdfFileReader(io.BytesIO(signed)).embedded_signatures
    assert not validate_pdf_signature(signature, context).trusted


def test_verify_reports_signer_kind_and_hash(signed, desa_a):
    with in_desa(desa_a):
        result = verify_pdf(signed)
    assert result.valid and result.intact and result.trusted, result.reasons
    assert (result.signer_name, result.jabatan, result.kind) == ("Sutrisno", "Kepala Desa", "lokal")
    assert result.sha256 == hashlib.sha256(signed).hexdigest()
    assert result.signed_at is not None and result.reasons == []
    assert result.desa_schema == desa_a.schema_name


def test_visible_box_carries_name_jabatan_and_qr_link(signed):
    reader = PdfFileReader(io.BytesIO(signed))
    page = reader.root["/Pages"]["/Kids"][0].get_object()
    widgets = [a.get_object() for a in page["/Annots"]]
    (widget,) = [w for w in widgets if w.get("/FT") == "/Sig"]
    assert [round(v) for v in widget["/Rect"]] == [340, 80, 540, 160]
    appearance = widget["/AP"]["/N"].get_object()
    text = appearance.data
    for resource in appearance["/Resources"]["/XObject"].values():
        text += resource.get_object().data
    assert b"Sutrisno" in text and b"Kepala Desa" in text and b"Ditandatangani secara elektronik" in text
    assert b"/QR Do" in text  # segno's QR drawn inside the box


def test_byte_modified_copy_is_rejected(signed, desa_a):
    position = signed.index(b"Contoh surat")
    forged = signed[:position] + b"Contoh SURAT" + signed[position + len(b"Contoh surat") :]
    assert len(forged) == len(signed)
    with in_desa(desa_a):
        result = verify_pdf(forged)
    assert not result.valid and not result.intact
    assert DIUBAH in result.reasons


def test_copy_resigned_with_a_key_not_issued_by_the_platform_is_rejected(desa_a):
    key, cert, chain, _root = foreign_chain()
    forged = pades.sign(sample_pdf(), pades.simple_signer(key, cert, chain), KADES, BOX)
    with in_desa(desa_a):
        result = verify_pdf(forged)
    assert result.intact and not result.trusted and not result.valid
    assert result.signer_name == "Sutrisno"  # it claims the same name: only the chain tells
    assert BUKAN_PLATFORM in result.reasons


def test_genuine_letter_with_a_foreign_signature_appended_is_rejected(signed, desa_a):
    key, cert, chain, _root = foreign_chain()
    box = BOX.__class__(page=0, x1=40, y1=80, x2=240, y2=160)
    forged = pades.sign(signed, pades.simple_signer(key, cert, chain), KADES, box)
    with in_desa(desa_a):
        result = verify_pdf(forged)
    assert not result.valid and BUKAN_PLATFORM in result.reasons


def test_bytes_appended_after_the_signature_are_rejected(signed, desa_a):
    with in_desa(desa_a):
        result = verify_pdf(signed + b"\n% tambahan\n")
    assert not result.valid


def test_unsigned_or_garbage_files_get_a_reason_not_an_error(desa_a):
    with in_desa(desa_a):
        unsigned = verify_pdf(sample_pdf())
        garbage = verify_pdf(b"%PDF-1.7 bukan pdf sungguhan")
        empty = verify_pdf(b"")
    assert unsigned.reasons == ["berkas tidak memuat tanda tangan elektronik"] and not unsigned.valid
    assert not garbage.valid and garbage.reasons
    assert not empty.valid and empty.reasons


def test_wrong_passphrase_is_refused_in_indonesian(desa_a):
    with in_desa(desa_a):
        set_signing_passphrase(KADES, PASSPHRASE)
        with pytest.raises(SigningError) as refused:
            sign_pdf(sample_pdf(), KADES, "bukan-passphrase", BOX)
    assert refused.value.message == "Passphrase salah" and refused.value.code == "passphrase_salah"


def test_signing_without_enrolment_or_from_the_platform_schema_is_refused(desa_a):
    with in_desa(desa_a):
        assert not has_signing_passphrase(KADES)
        with pytest.raises(SigningError) as not_enrolled:
            sign_pdf(sample_pdf(), KADES, PASSPHRASE, BOX)
    assert not_enrolled.value.code == "belum_terdaftar"
    with pytest.raises(SigningError) as public:
        sign_pdf(sample_pdf(), KADES, PASSPHRASE, BOX)
    assert public.value.code == "bukan_desa"


def test_backend_is_lokal_by_default():
    assert backend_kind() == "lokal"


def test_root_certificate_is_a_pem_ca():
    from cryptography import x509

    root = x509.load_pem_x509_certificate(root_certificate_pem())
    assert root.extensions.get_extension_for_class(x509.BasicConstraints).value.ca
    assert root.subject == root.issuer
    assert root_certificate_pem() == root_certificate_pem()  # made once, then the same root every time


def test_mangled_uploads_never_raise(signed, desa_a):
    """Hostile uploads: cut, overwritten or shuffled copies each get an answer with a reason, never an error."""
    import random
    import re

    rng = random.Random(11)
    a, b, c, d = map(int, re.search(rb"/ByteRange \[\s*(\d+) (\d+) (\d+) (\d+)", signed).groups())
    with in_desa(desa_a):
        for _ in range(25):
            data = bytearray(signed)
            start = rng.randrange(len(data))
            choice = rng.choice(["cut", "overwrite", "swap"])
            if choice == "cut":
                data = data[:start]
            elif choice == "overwrite":
                data[start : start + 16] = rng.randbytes(16)
            else:
                other = rng.randrange(len(data))
                data[start], data[other] = data[other], data[start]
            result = verify_pdf(bytes(data))
            if result.valid:  # only a change in the signature's zero padding may leave it valid
                assert len(data) == len(signed)
                assert data[a : a + b] == signed[a : a + b] and data[c : c + d] == signed[c : c + d]
            else:
                assert result.reasons


def test_django_cookie_signer_is_left_alone():
    """Our backend setting must not take Django's SIGNING_BACKEND (the signed-cookie class behind messages)."""
    from django.core import signing

    assert signing.get_cookie_signer(salt="uji").sign("x").startswith("x:")


def test_expired_platform_certificate_is_named_as_such(desa_a):
    """A chain to our root with an expired signer certificate is not "a stranger's key": the reason says so."""
    import datetime as dt

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import ec

    from desa_platform.signing import ca, crypto

    with in_desa(desa_a):
        intermediate = ca.intermediate_row()
        issuer, issuer_key = ca.load_cert(intermediate), ca.load_key(intermediate)
        key = ec.generate_private_key(ec.SECP256R1())
        long_ago = dt.datetime(2020, 1, 1, tzinfo=dt.UTC)
        cert = (
            x509.CertificateBuilder()
            .subject_name(crypto.build_name("Sutrisno", title="Kepala Desa"))
            .issuer_name(issuer.subject)
            .public_key(key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(long_ago)
            .not_valid_after(long_ago + dt.timedelta(days=30))
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            .add_extension(x509.KeyUsage(True, True, False, False, False, False, False, False, False), critical=True)
            .sign(issuer_key, hashes.SHA384())
        )
        chain = [issuer, ca.load_cert(ca.root_row())]
        result = verify_pdf(pades.sign(sample_pdf(), pades.simple_signer(key, cert, chain), KADES, BOX))
    assert result.intact and not result.trusted and not result.valid
    assert KEDALUWARSA in result.reasons and BUKAN_PLATFORM not in result.reasons


def test_an_upload_with_too_many_signatures_is_not_validated_one_by_one(signed, desa_a, monkeypatch):
    from desa_platform.signing import verify

    monkeypatch.setattr(verify, "MAX_SIGNATURES", 0)
    with in_desa(desa_a):
        result = verify_pdf(signed)
    assert not result.valid and result.reasons == [verify.TERLALU_BANYAK]
