"""PAdES signing of a whole PDF with pyHanko, shared by the local CA and the test BSrE stub."""

import io
import uuid
from datetime import UTC, datetime

from asn1crypto import keys as asn1_keys
from asn1crypto import x509 as asn1_x509
from cryptography.hazmat.primitives import serialization
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.misc import PdfError
from pyhanko.sign import fields, signers
from pyhanko.sign.fields import SigSeedSubFilter
from pyhanko_certvalidator.registry import SimpleCertificateStore

from . import appearance
from .types import SignatureBox, Signer, SigningError

MAX_PDF_BYTES = 20 * 1024 * 1024
# Room for the CMS container (an EC P-256 signature with its three certificates is ~2.5 KB): reserving it
# spares pyHanko a dry-run signature to measure it, a third of the signing time. Bigger chains fall back.
BYTES_RESERVED = 8192
# A timestamp token with its TSA's certificates; a TSA embedding a longer chain makes signing fail loudly (too
# small), not silently.
TIMESTAMP_BYTES_RESERVED = 12288


def to_asn1_cert(cert) -> asn1_x509.Certificate:
    return asn1_x509.Certificate.load(cert.public_bytes(serialization.Encoding.DER))


def simple_signer(key, cert, chain) -> signers.SimpleSigner:
    der = key.private_bytes(serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    return signers.SimpleSigner(
        signing_cert=to_asn1_cert(cert),
        signing_key=asn1_keys.PrivateKeyInfo.load(der),
        cert_registry=SimpleCertificateStore.from_certs([to_asn1_cert(c) for c in chain]),
    )


def open_pdf(pdf: bytes) -> IncrementalPdfFileWriter:
    if not isinstance(pdf, bytes | bytearray) or not pdf.startswith(b"%PDF-"):
        raise SigningError("Berkas bukan PDF.", code="bukan_pdf")
    if len(pdf) > MAX_PDF_BYTES:
        raise SigningError("Berkas PDF terlalu besar untuk ditandatangani (maks. 20 MB).", code="pdf_terlalu_besar")
    try:
        writer = IncrementalPdfFileWriter(io.BytesIO(bytes(pdf)), strict=False)
    except (PdfError, ValueError, KeyError, TypeError, IndexError) as error:
        raise SigningError("Berkas PDF rusak dan tidak dapat ditandatangani.", code="pdf_rusak") from error
    if writer.prev.encrypted:
        raise SigningError("PDF terenkripsi tidak dapat ditandatangani.", code="pdf_terenkripsi")
    return writer


def page_count(writer: IncrementalPdfFileWriter) -> int:
    return int(writer.root["/Pages"]["/Count"])


def check_box(box: SignatureBox, pages: int) -> tuple[int, tuple[int, int, int, int]]:
    page = box.page if box.page >= 0 else pages + box.page
    if not 0 <= page < pages:
        raise SigningError(f"Halaman {box.page + 1} tidak ada di PDF ini.", code="kotak_di_luar_halaman")
    if not (0 <= box.x1 < box.x2 and 0 <= box.y1 < box.y2) or box.x2 - box.x1 < 40 or box.y2 - box.y1 < 20:
        raise SigningError("Kotak tanda tangan tidak sah.", code="kotak_tidak_sah")
    return page, (round(box.x1), round(box.y1), round(box.x2), round(box.y2))


def sign(
    pdf: bytes,
    pyhanko_signer: signers.SimpleSigner,
    signer: Signer,
    box: SignatureBox,
    *,
    reason: str = "",
    location: str = "",
    moment: datetime | None = None,
    timestamper=None,
) -> bytes:
    """PAdES B-B over the whole file (subfilter ETSI.CAdES.detached), with a visible box on the given page;
    B-T when a timestamper (timestamp.py) is given."""
    writer = open_pdf(pdf)
    page, rect = check_box(box, page_count(writer))
    moment = moment or datetime.now(UTC)
    field_name = f"TTE_{uuid.uuid4().hex[:10]}"
    meta = signers.PdfSignatureMetadata(
        field_name=field_name,
        md_algorithm="sha256",
        subfilter=SigSeedSubFilter.PADES,
        reason=reason[:200] or None,
        location=location[:200] or None,
        name=signer.full_name[:150],
    )
    pdf_signer = signers.PdfSigner(
        meta,
        signer=pyhanko_signer,
        timestamper=timestamper,
        stamp_style=appearance.stamp_style(with_qr=bool(box.qr_url)),
        new_field_spec=fields.SigFieldSpec(sig_field_name=field_name, on_page=page, box=rect),
    )
    params = {"teks": appearance.box_text(signer.full_name, signer.jabatan, moment)}
    if box.qr_url:
        params["url"] = box.qr_url
    reserved = BYTES_RESERVED if sum(len(c.dump()) for c in pyhanko_signer.cert_registry) < 4096 else None
    if reserved and timestamper is not None:
        reserved += TIMESTAMP_BYTES_RESERVED
    out = pdf_signer.sign_pdf(writer, appearance_text_params=params, bytes_reserved=reserved)
    return out.getvalue()
