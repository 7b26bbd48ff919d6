"""verify_pdf: is every signature in this file intact, and issued by the platform CA (or BSrE)?

pyHanko's validator does the work with ONLY the platform root (plus BSrE roots the kabupaten configured in
SIGNING_BSRE_TRUST_ROOTS) as trust anchors, no network fetching: a certificate chain that does not end in one
of them is "not trusted" whatever the file embeds. Answers are Indonesian reasons, never an exception.
"""

import hashlib
import io
import logging
from functools import lru_cache
from pathlib import Path

from asn1crypto import x509 as asn1_x509
from django.conf import settings
from django.db import connection
from django_tenants.utils import get_public_schema_name
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.ades.report import AdESFailure, AdESIndeterminate
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko.sign.validation.status import SignatureCoverageLevel
from pyhanko_certvalidator import ValidationContext

from . import ca, pades
from .models import CertificateAuthority
from .types import VerificationResult

logger = logging.getLogger(__name__)

DIUBAH = "berkas diubah setelah ditandatangani"
BUKAN_PLATFORM = "ditandatangani dengan kunci yang tidak diterbitkan platform"
TANPA_TTD = "berkas tidak memuat tanda tangan elektronik"
BUKAN_PDF = "berkas bukan PDF yang dapat dibaca"
DESA_LAIN = "ditandatangani oleh desa lain, bukan desa ini"
TERLALU_BESAR = "berkas terlalu besar (maks. 20 MB)"
TERLALU_BANYAK = "berkas memuat terlalu banyak tanda tangan"
MAX_SIGNATURES = 10
KEDALUWARSA = "sertifikat penanda tangan sudah kedaluwarsa"
BELUM_BERLAKU = "sertifikat penanda tangan belum berlaku"
DICABUT = "sertifikat penanda tangan telah dicabut"
TIDAK_UNTUK_TTD = "sertifikat penanda tangan tidak untuk menandatangani dokumen"
_TRUST_REASONS = {
    AdESIndeterminate.EXPIRED: KEDALUWARSA,
    AdESIndeterminate.OUT_OF_BOUNDS_NO_POE: KEDALUWARSA,
    AdESIndeterminate.OUT_OF_BOUNDS_NOT_REVOKED: KEDALUWARSA,
    AdESIndeterminate.NOT_YET_VALID: BELUM_BERLAKU,
    AdESIndeterminate.REVOKED_NO_POE: DICABUT,
    AdESIndeterminate.REVOKED_CA_NO_POE: DICABUT,
    AdESFailure.REVOKED: DICABUT,
    AdESIndeterminate.SIG_CONSTRAINTS_FAILURE: TIDAK_UNTUK_TTD,
    AdESIndeterminate.CHAIN_CONSTRAINTS_FAILURE: TIDAK_UNTUK_TTD,
}


@lru_cache(maxsize=8)
def _bsre_roots(paths: tuple[str, ...]) -> tuple[asn1_x509.Certificate, ...]:
    from cryptography import x509

    roots = []
    for path in paths:
        roots += [pades.to_asn1_cert(c) for c in x509.load_pem_x509_certificates(Path(path).read_bytes())]
    return tuple(roots)


def bsre_roots() -> tuple[asn1_x509.Certificate, ...]:
    paths = settings.SIGNING_BSRE_TRUST_ROOTS or []
    return _bsre_roots(tuple(str(p) for p in paths))


def tsa_roots() -> tuple[asn1_x509.Certificate, ...]:
    paths = settings.SIGNING_TSA_TRUST_ROOTS or []
    return _bsre_roots(tuple(str(p) for p in paths))


def _name_attribute(cert: asn1_x509.Certificate, attribute: str) -> str:
    value = cert.subject.native.get(attribute, "")
    return value[-1] if isinstance(value, list) else str(value or "")


def verify(pdf: bytes) -> VerificationResult:
    result = VerificationResult(valid=False, intact=False, trusted=False, sha256=hashlib.sha256(pdf).hexdigest())
    if len(pdf) > pades.MAX_PDF_BYTES:
        result.reasons.append(TERLALU_BESAR)
        return result
    try:
        reader = PdfFileReader(io.BytesIO(pdf), strict=False)
        signatures = reader.embedded_signatures
    except Exception:  # noqa: BLE001 - an upload is hostile: any parse failure is "not a PDF", never a 500
        result.reasons.append(BUKAN_PDF)
        return result
    if not signatures:
        result.reasons.append(TANPA_TTD)
        return result
    if len(signatures) > MAX_SIGNATURES:  # each costs a validation: a crafted upload must not cost minutes
        result.reasons.append(TERLALU_BANYAK)
        return result

    root = pades.to_asn1_cert(ca.load_cert(ca.root_row()))
    extra = bsre_roots()
    intact = trusted = True
    trust_reasons: list[str] = []
    for index, embedded in enumerate(signatures):
        context = ValidationContext(trust_roots=[root, *extra], allow_fetching=False, revocation_mode="soft-fail")
        # The TSA's roots vouch for timestamps only, never for a signer's certificate.
        ts_context = ValidationContext(
            trust_roots=[root, *extra, *tsa_roots()], allow_fetching=False, revocation_mode="soft-fail"
        )
        try:
            status = validate_pdf_signature(embedded, context, ts_validation_context=ts_context)
        except Exception as error:  # noqa: BLE001 - a crafted signature must give a reason, not a 500
            logger.info("signature %s could not be validated: %s", index, type(error).__name__)
            intact = trusted = False
            continue
        intact &= bool(status.intact and status.valid)
        stamp = status.timestamp_validity
        if stamp is not None and not (stamp.intact and stamp.valid):
            intact = False  # a timestamp token that does not match the signature was tampered with
        elif stamp is not None and stamp.trusted and index == len(signatures) - 1:
            result.timestamped_at = stamp.timestamp
        if not status.trusted:
            trusted = False
            # no chain to our root at all is "not issued by the platform"; a chain with a problem says which
            reason = _TRUST_REASONS.get(status.trust_problem_indic, BUKAN_PLATFORM)
            if reason not in trust_reasons:
                trust_reasons.append(reason)
        if index == len(signatures) - 1:
            # The last signature must cover the whole file: nothing may have been appended after it.
            if status.coverage != SignatureCoverageLevel.ENTIRE_FILE:
                intact = False
            _describe(result, status, root)
    result.intact, result.trusted = intact, trusted
    if not intact:
        result.reasons.append(DIUBAH)
    if not trusted:
        result.reasons.extend(trust_reasons or [BUKAN_PLATFORM])
    _same_desa(result)
    result.valid = result.intact and result.trusted and not result.reasons
    return result


def _describe(result: VerificationResult, status, root: asn1_x509.Certificate) -> None:
    cert = status.signing_cert
    result.signer_name = _name_attribute(cert, "common_name")
    result.jabatan = _name_attribute(cert, "title")
    result.signed_at = status.signer_reported_dt
    path = status.validation_path
    if not status.trusted or path is None:
        return
    anchor = path[0]
    if anchor.sha256 == root.sha256:
        result.kind = "lokal"
        issuer = list(path.iter_certs(include_root=False))
        if len(issuer) >= 2:  # [intermediate, signer]
            fp = issuer[0].sha256.hex()
            row = CertificateAuthority.objects.filter(kind=CertificateAuthority.INTERMEDIATE, fingerprint=fp).first()
            result.desa_schema = row.tenant_schema if row else ""
    else:
        result.kind = "bsre"


def _same_desa(result: VerificationResult) -> None:
    """On a desa's domain only that desa's letters verify (a letter of desa A uploaded on desa B's site is not
    B's letter, even though the platform issued both certificates)."""
    schema = connection.schema_name
    if schema == get_public_schema_name() or result.kind != "lokal":
        return
    if result.desa_schema != schema:
        result.reasons.append(DESA_LAIN)
        result.trusted = False
