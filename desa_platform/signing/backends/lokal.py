"""The platform's own CA as a signer: the key never leaves this process, the signer's passphrase unlocks its use."""

from .. import ca, pades, passphrase, second_factor, timestamp
from ..crypto import fingerprint
from ..types import SignatureBox, Signer, SigningError

# pyHanko signer objects per (certificate, chain) fingerprints: a reissued certificate or a new chain is a new
# entry, so a memo never outlives what it was made from. Bounded: one entry per active signer.
_signers: dict[tuple[str, ...], object] = {}
_MAX_SIGNERS = 256


def _pyhanko_signer(row, cert, chain):
    key = (row.fingerprint, *(fingerprint(c) for c in chain))
    found = _signers.get(key)
    if found is None:
        if len(_signers) >= _MAX_SIGNERS:
            _signers.clear()
        found = _signers[key] = pades.simple_signer(ca.load_key(row), cert, chain)
    return found


def sign(
    pdf: bytes, signer: Signer, confirmation: str, box: SignatureBox, *, reason: str, location: str, totp=None
) -> bytes:
    row = ca.credential(signer)
    if row is None:
        raise SigningError(
            "Anda belum membuat passphrase tanda tangan elektronik. Buat dahulu di halaman profil.",
            code="belum_terdaftar",
        )
    if totp is not None:
        user, token = totp
        second_factor.check_code(user, token, tenant_schema=row.tenant_schema, user_key=row.user_key)
    else:
        passphrase.check_passphrase(
            row.passphrase_hash, confirmation, tenant_schema=row.tenant_schema, user_key=row.user_key
        )
    row = ca.refresh_certificate(row, signer)
    cert, chain = ca.chain_for(row)
    pyhanko_signer = _pyhanko_signer(row, cert, chain)
    stamper = timestamp.timestamper()
    if stamper is not None:
        try:
            return pades.sign(pdf, pyhanko_signer, signer, box, reason=reason, location=location, timestamper=stamper)
        except timestamp.FAILURES as error:
            timestamp.failed(error)
    return pades.sign(pdf, pyhanko_signer, signer, box, reason=reason, location=location)
