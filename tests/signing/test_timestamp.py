"""PAdES B-T: with SIGNING_TSA_URL set, each signature carries a TSA timestamp (tested against a loopback TSA);
without it, or with the TSA down, letters are still signed (B-B)."""

import io
import socket

import pytest
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko_certvalidator import ValidationContext

from desa_platform.signing import root_certificate_pem, set_signing_passphrase, sign_pdf, verify_pdf
from desa_platform.signing.pades import to_asn1_cert
from desa_platform.signing.sample import sample_pdf

from .helpers import BOX, KADES, PASSPHRASE, in_desa
from .tsa_stub import TsaStub

pytestmark = pytest.mark.django_db


def validated(signed: bytes, *roots):
    from cryptography import x509

    anchors = [to_asn1_cert(x509.load_pem_x509_certificate(pem)) for pem in roots]
    context = ValidationContext(trust_roots=anchors, allow_fetching=False, revocation_mode="soft-fail")
    (embedded,) = PdfFileReader(io.BytesIO(signed)).embedded_signatures
    return validate_pdf_signature(embedded, context, ts_validation_context=context)


def test_with_a_tsa_each_signature_is_timestamped_and_verifies(desa_a, settings, tmp_path):
    with TsaStub() as tsa:
        root_file = tmp_path / "tsa-root.pem"
        root_file.write_bytes(tsa.root_pem())
        settings.SIGNING_TSA_URL, settings.SIGNING_TSA_TIMEOUT = tsa.url, 5.0
        settings.SIGNING_TSA_TRUST_ROOTS = [str(root_file)]
        with in_desa(desa_a):
            set_signing_passphrase(KADES, PASSPHRASE)
            signed = sign_pdf(sample_pdf(), KADES, PASSPHRASE, BOX)
            result = verify_pdf(signed)
            platform_root = root_certificate_pem()
        assert tsa.requests >= 1
    status = validated(signed, platform_root, tsa.root_pem())
    assert status.timestamp_validity is not None and status.timestamp_validity.trusted
    assert status.bottom_line  # what `pyhanko sign validate --trust root.pem --trust tsa-root.pem` judges
    assert result.valid and result.timestamped_at is not None, result.reasons


def test_a_tsa_that_is_down_leaves_the_letter_signed_without_a_timestamp(desa_a, settings):
    with socket.socket() as closed:
        closed.bind(("127.0.0.1", 0))
        port = closed.getsockname()[1]  # nothing listens here once the socket is closed
    settings.SIGNING_TSA_URL, settings.SIGNING_TSA_TIMEOUT = f"http://127.0.0.1:{port}/tsa", 1.0
    with in_desa(desa_a):
        set_signing_passphrase(KADES, PASSPHRASE)
        signed = sign_pdf(sample_pdf(), KADES, PASSPHRASE, BOX)
        result = verify_pdf(signed)
    assert result.valid and result.timestamped_at is None


def test_by_default_there_is_no_timestamp(desa_a):
    with in_desa(desa_a):
        set_signing_passphrase(KADES, PASSPHRASE)
        signed = sign_pdf(sample_pdf(), KADES, PASSPHRASE, BOX)
        platform_root = root_certificate_pem()
    assert validated(signed, platform_root).timestamp_validity is None
