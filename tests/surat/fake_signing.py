"""A stand-in for desa_platform.signing with the agreed facade (INTERFACES.md), used only while the real
service is not on this branch: it "signs" by appending an HMAC of the document under a per-desa key, so a
changed byte or another desa's key is caught like a real signature would be."""

import hashlib
import hmac
from dataclasses import dataclass, field
from datetime import datetime

from django.db import connection

MARK = b"\n%FAKE-SIG "
_passphrases: dict[tuple[str, str], str] = {}


class SigningError(Exception):
    def __init__(self, message, code=""):
        super().__init__(message)
        self.code = code


@dataclass(frozen=True)
class Signer:
    user_key: str
    full_name: str
    jabatan: str
    nik_or_nip: str = ""


@dataclass(frozen=True)
class SignatureBox:
    page: int
    x1: float
    y1: float
    x2: float
    y2: float
    qr_url: str | None = None


@dataclass
class VerificationResult:
    valid: bool
    intact: bool
    trusted: bool
    signer_name: str = ""
    jabatan: str = ""
    signed_at: datetime | None = None
    sha256: str = ""
    kind: str = "lokal"
    reasons: list[str] = field(default_factory=list)


def _key(schema: str) -> bytes:
    return hashlib.sha256(b"fake-key-" + schema.encode()).digest()


def backend_kind() -> str:
    return "lokal"


def set_signing_passphrase(signer, passphrase):
    _passphrases[(connection.schema_name, signer.user_key)] = passphrase


def has_signing_passphrase(signer):
    return (connection.schema_name, signer.user_key) in _passphrases


def sign_pdf(pdf, signer, confirmation, box, *, reason="", location=""):
    if _passphrases.get((connection.schema_name, signer.user_key)) != confirmation:
        raise SigningError("Passphrase salah", code="passphrase")
    tag = hmac.new(_key(connection.schema_name), pdf, hashlib.sha256).hexdigest()
    return pdf + MARK + connection.schema_name.encode() + b" " + tag.encode() + b"\n"


def verify_pdf(pdf):
    digest = hashlib.sha256(pdf).hexdigest()
    head, sep, tail = pdf.rpartition(MARK)
    if not sep:
        return VerificationResult(False, False, False, sha256=digest, reasons=["berkas tidak bertanda tangan"])
    schema, _, tag = tail.strip().partition(b" ")
    expected = hmac.new(_key(schema.decode()), head, hashlib.sha256).hexdigest().encode()
    if not hmac.compare_digest(tag, expected):
        return VerificationResult(False, False, True, sha256=digest, reasons=["berkas diubah setelah ditandatangani"])
    return VerificationResult(True, True, True, signer_name="?", sha256=digest)
