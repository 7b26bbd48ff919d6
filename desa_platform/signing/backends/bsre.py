"""BSrE (Balai Sertifikasi Elektronik, BSSN) as the signer, through the kabupaten's esign-client API.

The shape is the one desa and kabupaten systems already use (OpenSID's TTE module and others):
POST <SIGNING_BSRE_URL>/api/sign/pdf, HTTP Basic with the application's account, multipart fields
file, nik, passphrase, tampilan=visible|invisible, image=true|false with imageTTD (PNG), page (1-based),
xAxis/yAxis/width/height (PDF points from the bottom left), reason, location. It answers the signed PDF, or
JSON with `error` and `status_code` (e.g. 2031 "Passphrase anda salah", 2011 user not registered), which is
passed through to the signer in BSrE's own Indonesian words. Newer esign-clients answer JSON with
`id_dokumen`; the signed file is then GET /api/sign/download/<id>. Every call has a short timeout
(SIGNING_BSRE_TIMEOUT): the private key is at BSSN, and a BSrE outage must not hold a worker.
"""

import html
import io
import json
import logging
import re

import requests
import segno
from django.conf import settings

from .. import ca, pades
from ..types import SignatureBox, Signer, SigningError

logger = logging.getLogger(__name__)

MAX_RESPONSE_BYTES = 30 * 1024 * 1024
CODES = {2031: "passphrase_salah", 2011: "nik_tidak_terdaftar"}


def _config() -> tuple[str, tuple[str, str], float]:
    url = settings.SIGNING_BSRE_URL.rstrip("/")
    if not url:
        raise SigningError("Alamat layanan BSrE (SIGNING_BSRE_URL) belum diatur.", code="konfigurasi")
    auth = (settings.SIGNING_BSRE_USER, settings.SIGNING_BSRE_PASSWORD)
    return url, auth, float(settings.SIGNING_BSRE_TIMEOUT)


def _clean(text: str) -> str:
    text = re.sub(r"<[^>]*>", " ", html.unescape(str(text)))
    return " ".join(text.split())[:200]


def _json(body: bytes):
    try:
        return json.loads(body)
    except ValueError:
        return None


def _error_from(status: int, raw: bytes) -> SigningError:
    body = _json(raw)
    if isinstance(body, dict):
        text = body.get("error") or body.get("message") or body.get("deskripsi_status") or ""
        try:
            status_code = int(body.get("status_code") or 0)
        except (TypeError, ValueError):
            status_code = 0
        if text:
            code = CODES.get(status_code) or (f"bsre_{status_code}" if status_code else "bsre_menolak")
            return SigningError(_clean(text), code=code)
    if status == 401:
        return SigningError("Akun aplikasi untuk BSrE ditolak (periksa SIGNING_BSRE_USER).", code="bsre_akun")
    return SigningError(
        f"Layanan BSrE sedang bermasalah (HTTP {status}). Coba lagi beberapa saat lagi.",
        code="bsre_gangguan",
    )


def _read(response: requests.Response) -> bytes:
    body = io.BytesIO()
    for chunk in response.iter_content(64 * 1024):
        body.write(chunk)
        if body.tell() > MAX_RESPONSE_BYTES:
            raise SigningError("Jawaban BSrE terlalu besar.", code="bsre_gangguan")
    return body.getvalue()


def _call(method: str, url: str, auth, timeout: float, **kwargs) -> requests.Response:
    try:
        return requests.request(method, url, auth=auth, timeout=(min(3.0, timeout), timeout), stream=True, **kwargs)
    except requests.Timeout:
        raise SigningError(
            f"Layanan BSrE tidak menjawab dalam {timeout:g} detik. Coba lagi beberapa saat lagi.", code="bsre_timeout"
        ) from None
    except requests.RequestException:
        raise SigningError(
            "Layanan BSrE tidak dapat dihubungi. Coba lagi nanti.", code="bsre_tidak_terjangkau"
        ) from None


def _qr_png(url: str) -> bytes:
    out = io.BytesIO()
    segno.make(url, error="m").save(out, kind="png", scale=4, border=2)
    return out.getvalue()


def sign(
    pdf: bytes, signer: Signer, confirmation: str, box: SignatureBox, *, reason: str, location: str, totp=None
) -> bytes:
    _schema, facts = ca.current_tenant()
    if totp is not None:
        raise SigningError(
            "Tanda tangan BSrE memakai passphrase BSrE Anda; kode autentikator tidak dapat menggantikannya.",
            code="otp_bukan_bsre",
        )
    if not signer.nik_or_nip.strip():
        raise SigningError(
            "Tanda tangan BSrE memerlukan NIK penanda tangan yang terdaftar di BSrE, tetapi NIK belum diisi.",
            code="nik_kosong",
        )
    if not confirmation:
        raise SigningError("Passphrase BSrE wajib diisi.", code="passphrase_salah")
    writer = pades.open_pdf(pdf)
    page, (x1, y1, x2, y2) = pades.check_box(box, pades.page_count(writer))
    url, auth, timeout = _config()
    fields = {
        "nik": signer.nik_or_nip.strip(),
        "passphrase": confirmation,
        "tampilan": "visible",
        "page": str(page + 1),
        "xAxis": str(x1),
        "yAxis": str(y1),
        "width": str(x2 - x1),
        "height": str(y2 - y1),
        "reason": (reason or "Dokumen ditandatangani secara elektronik")[:200],
        "location": (location or f"{facts.display_name}, Kabupaten {facts.kabupaten}")[:200],
        "image": "true" if box.qr_url else "false",
    }
    files = {"file": ("surat.pdf", bytes(pdf), "application/pdf")}
    if box.qr_url:
        files["imageTTD"] = ("qr.png", _qr_png(box.qr_url), "image/png")
        fields["linkQR"] = box.qr_url
    response = _call("POST", f"{url}/api/sign/pdf", auth, timeout, data=fields, files=files)
    with response:
        body = _read(response)
        if response.status_code != 200:
            raise _error_from(response.status_code, body)
    if not body.startswith(b"%PDF-"):
        body = _download(body, url, auth, timeout)
    return _checked(body, pdf)


def _download(body: bytes, url: str, auth, timeout: float) -> bytes:
    answer = _json(body)
    document_id = answer.get("id_dokumen") if isinstance(answer, dict) else None
    if not document_id or not re.fullmatch(r"[A-Za-z0-9_-]{1,100}", str(document_id)):
        raise _error_from(502, body)
    response = _call("GET", f"{url}/api/sign/download/{document_id}", auth, timeout)
    with response:
        downloaded = _read(response)
        if response.status_code != 200:
            raise _error_from(response.status_code, downloaded)
    return downloaded


def _checked(signed: bytes, original: bytes) -> bytes:
    """What BSrE sent back is a PDF carrying one more signature than ours, not an error page."""
    try:
        from pyhanko.pdf_utils.reader import PdfFileReader

        before = len(PdfFileReader(io.BytesIO(bytes(original)), strict=False).embedded_signatures)
        after = len(PdfFileReader(io.BytesIO(signed), strict=False).embedded_signatures)
    except Exception:  # noqa: BLE001 - any parse failure means the answer is not a signed PDF
        after, before = 0, 0
    if after <= before:
        raise SigningError("Jawaban BSrE bukan PDF bertanda tangan.", code="bsre_gangguan")
    return signed
