"""The signing service's vocabulary: plain values, no Django models, so letters can import them anywhere."""

from dataclasses import dataclass, field
from datetime import datetime


@dataclass(frozen=True)
class Signer:
    user_key: str  # stable id of the signer inside its tenant, e.g. str(user.pk)
    full_name: str  # "Sutrisno"
    jabatan: str  # "Kepala Desa" or "Sekretaris Desa" (a.n. is the letter text's business)
    nik_or_nip: str = ""  # for BSrE only; never printed, never logged


@dataclass(frozen=True)
class SignatureBox:
    page: int  # 0-based page index, -1 = last page
    x1: float  # PDF points, origin bottom-left
    y1: float
    x2: float
    y2: float
    qr_url: str | None = None  # drawn as a QR code (segno) inside the box


class SigningError(Exception):
    """A refusal the signer can act on; `message` is Indonesian and safe to show, `code` is for programs."""

    def __init__(self, message: str, code: str = "gagal"):
        super().__init__(message)
        self.message = message
        self.code = code

    def __str__(self) -> str:
        return self.message


@dataclass
class VerificationResult:
    valid: bool  # intact and trusted and every check passed: "sah"
    intact: bool  # the signed bytes are unchanged and nothing was added after the last signature
    trusted: bool  # the chain ends in the platform root (or a configured BSrE root)
    signer_name: str = ""
    jabatan: str = ""
    signed_at: datetime | None = None
    sha256: str = ""  # of the whole file as given
    kind: str = ""  # "lokal" | "bsre" | "" (unknown issuer)
    reasons: list[str] = field(default_factory=list)  # Indonesian, why it is not "sah"
    desa_schema: str = ""  # the desa whose intermediate issued the signer's certificate (lokal only)
    timestamped_at: datetime | None = None  # PAdES B-T: the time a trusted TSA vouches for, if any
