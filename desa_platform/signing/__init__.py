"""The signing service's public face (see /work/brief/INTERFACES.md "Signing"). Letters import only from here.

The tenant is always the connection's desa (current_desa()), never a parameter. Models are imported inside the
functions: this package is imported while Django loads its apps.
"""

from .types import SignatureBox, Signer, SigningError, VerificationResult

__all__ = [
    "Signer",
    "SignatureBox",
    "SigningError",
    "VerificationResult",
    "sign_pdf",
    "verify_pdf",
    "set_signing_passphrase",
    "has_signing_passphrase",
    "root_certificate_pem",
    "backend_kind",
    "can_confirm_with_totp",
]


def sign_pdf(
    pdf: bytes,
    signer: Signer,
    confirmation: str,
    box: SignatureBox,
    *,
    reason: str = "",
    location: str = "",
    otp_user=None,
    otp_token: str = "",
) -> bytes:
    """PAdES over the whole PDF with a visible box (name, jabatan, date, QR of box.qr_url), for the current desa.

    confirmation: for the local CA the signer's own signing passphrase (set_signing_passphrase); for BSrE,
    BSrE's passphrase. Or, local CA only, a TOTP code instead: otp_token, a current code from a confirmed TOTP
    device of otp_user, the signer's own account (its pk is signer.user_key); confirmation is then ignored.
    Wrong passphrases and codes count toward one lockout. Raises SigningError(message in Indonesian, code=...),
    e.g. "Passphrase salah".
    """
    from .backends import get_backend

    totp = (otp_user, otp_token) if (otp_token or "").strip() else None
    return get_backend().sign(pdf, signer, confirmation, box, reason=reason, location=location, totp=totp)


def can_confirm_with_totp(user) -> bool:
    """May this account confirm a signature with a TOTP code (local CA and a confirmed TOTP device)?"""
    from .second_factor import has_totp

    return backend_kind() == "lokal" and has_totp(user)


def verify_pdf(pdf: bytes) -> VerificationResult:
    """Check every signature in the file against the platform root (and configured BSrE roots) only."""
    from .verify import verify

    return verify(bytes(pdf))


def set_signing_passphrase(signer: Signer, passphrase: str) -> None:
    """Enrol the signer in the current desa (intermediate and certificate made on demand) or change its
    passphrase. The caller (letters) must have confirmed the user's identity, e.g. with the login password."""
    from . import ca
    from .passphrase import hash_passphrase, reset_attempts

    row = ca.enrol(signer, hash_passphrase(passphrase))
    reset_attempts(row.tenant_schema, row.user_key)


def has_signing_passphrase(signer: Signer) -> bool:
    """Can this signer sign now? Local CA: enrolled in the current desa. BSrE: the passphrase is BSrE's own, so
    only the NIK registered with BSrE is needed."""
    from . import ca

    if backend_kind() == "bsre":
        ca.current_tenant()
        return bool(signer.nik_or_nip.strip())
    return ca.credential(signer) is not None


def root_certificate_pem() -> bytes:
    """The platform root (made on first use), for `pyhanko sign validate --trust root.pem`."""
    from . import ca

    return ca.root_row().cert_pem.encode()


def backend_kind() -> str:
    """ "lokal" or "bsre" (setting SIGNING_BACKEND)."""
    from .backends import backend_kind as kind

    return kind()
