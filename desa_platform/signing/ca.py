"""The platform's own CA, made on demand: Diskominfo root → one intermediate per desa → one certificate per signer.

The desa is always the connection's tenant (current_desa()), never a parameter: code running for desa B
cannot name desa A's intermediate or signer. Rows are read on every call (a few indexed queries); parsing and
decryption are memoised per process by the row's fingerprint and ciphertext, so a memo can never outlive the
row it came from.
"""

import functools

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric import ec
from django.conf import settings
from django.db import IntegrityError, connection, transaction
from django.utils import timezone
from django_tenants.utils import get_public_schema_name

from desa_platform.tenancy.current import DesaFacts, current_desa

from . import crypto
from .models import CertificateAuthority, SignerCredential
from .types import Signer, SigningError

ROOT_YEARS = 30
INTERMEDIATE_YEARS = 20
SIGNER_YEARS = 10  # letters are verified years later; B-B signatures are checked against the certificate's term


def ca_name() -> str:
    return settings.SIGNING_CA_NAME


def current_tenant() -> tuple[str, DesaFacts]:
    schema = connection.schema_name
    facts = current_desa()
    if schema == get_public_schema_name() or facts is None:
        raise SigningError("Penandatanganan hanya dapat dilakukan dari situs desa.", code="bukan_desa")
    return schema, facts


@functools.lru_cache(maxsize=512)
def _load_cert(pem: str):
    return crypto.from_pem(pem)


@functools.lru_cache(maxsize=512)
def _load_key(ciphertext: bytes, owner: bytes):
    return crypto.decrypt_private_key(ciphertext, owner)


def load_key(row) -> ec.EllipticCurvePrivateKey:
    if isinstance(row, SignerCredential):
        owner = crypto.owner_label("signer", row.tenant_schema, row.user_key)
    else:
        owner = crypto.owner_label(row.kind, row.tenant_schema)
    return _load_key(bytes(row.key_ciphertext), owner)


def load_cert(row):
    return _load_cert(row.cert_pem)


def _create_ca_row(kind: str, tenant_schema: str, make):
    """Insert a CA row, or take the one another process inserted first (the unique constraint decides)."""
    row = CertificateAuthority.objects.filter(kind=kind, tenant_schema=tenant_schema).first()
    if row is not None:
        return row
    key, cert = make()
    try:
        with transaction.atomic():
            return CertificateAuthority.objects.create(
                kind=kind,
                tenant_schema=tenant_schema,
                subject=cert.subject.rfc4514_string()[:255],
                cert_pem=crypto.to_pem(cert),
                key_ciphertext=crypto.encrypt_private_key(key, crypto.owner_label(kind, tenant_schema)),
                fingerprint=crypto.fingerprint(cert),
                not_after=cert.not_valid_after_utc,
            )
    except IntegrityError:
        return CertificateAuthority.objects.get(kind=kind, tenant_schema=tenant_schema)


def root_row() -> CertificateAuthority:
    def make():
        key = crypto.new_key(ec.SECP384R1())
        name = crypto.build_name(f"{ca_name()} Root CA Desa Digital", organization=ca_name())
        cert = crypto.issue_certificate(
            subject=name,
            public_key=key.public_key(),
            issuer_cert=None,
            issuer_key=key,
            years=ROOT_YEARS,
            ca_path_length=1,
            is_ca=True,
        )
        return key, cert

    return _create_ca_row(CertificateAuthority.ROOT, "", make)


def intermediate_row() -> CertificateAuthority:
    """The current desa's intermediate (made on first use)."""
    schema, facts = current_tenant()
    root = root_row()

    def make():
        key = crypto.new_key(ec.SECP384R1())
        name = crypto.build_name(
            f"CA {facts.display_name}"[:64],
            organization=ca_name(),
            unit=f"Kecamatan {facts.kecamatan}, Kabupaten {facts.kabupaten}" if facts.kecamatan else "",
        )
        cert = crypto.issue_certificate(
            subject=name,
            public_key=key.public_key(),
            issuer_cert=load_cert(root),
            issuer_key=load_key(root),
            years=INTERMEDIATE_YEARS,
            ca_path_length=0,
            is_ca=True,
        )
        return key, cert

    return _create_ca_row(CertificateAuthority.INTERMEDIATE, schema, make)


def _signer_cert(signer: Signer, facts: DesaFacts, public_key, intermediate: CertificateAuthority):
    name = crypto.build_name(
        signer.full_name.strip(),
        organization=facts.display_name,
        unit=f"Kecamatan {facts.kecamatan}, Kabupaten {facts.kabupaten}" if facts.kecamatan else "",
        title=signer.jabatan.strip(),
    )
    return crypto.issue_certificate(
        subject=name,
        public_key=public_key,
        issuer_cert=load_cert(intermediate),
        issuer_key=load_key(intermediate),
        years=SIGNER_YEARS,
        is_ca=False,
    )


def _check_signer(signer: Signer) -> None:
    if not signer.user_key or len(signer.user_key) > 64:
        raise SigningError("Penanda tangan tidak dikenal.", code="penanda_tangan_tidak_dikenal")
    if not signer.full_name.strip() or not signer.jabatan.strip():
        raise SigningError("Nama dan jabatan penanda tangan wajib diisi.", code="penanda_tangan_tidak_lengkap")


def enrol(signer: Signer, passphrase_hash: str) -> SignerCredential:
    """Create the signer's key and certificate, or set a new passphrase on the existing ones."""
    _check_signer(signer)
    schema, facts = current_tenant()
    intermediate = intermediate_row()
    mine = SignerCredential.objects.filter(tenant_schema=schema, user_key=signer.user_key)
    row = mine.first()
    if row is None:
        key = crypto.new_key(ec.SECP256R1())
        cert = _signer_cert(signer, facts, key.public_key(), intermediate)
        try:
            with transaction.atomic():
                return SignerCredential.objects.create(
                    tenant_schema=schema,
                    user_key=signer.user_key,
                    full_name=signer.full_name.strip(),
                    jabatan=signer.jabatan.strip(),
                    passphrase_hash=passphrase_hash,
                    cert_pem=crypto.to_pem(cert),
                    key_ciphertext=crypto.encrypt_private_key(
                        key, crypto.owner_label("signer", schema, signer.user_key)
                    ),
                    fingerprint=crypto.fingerprint(cert),
                )
        except IntegrityError:  # enrolled at the same moment from another request: set the passphrase on it
            row = mine.get()
    mine.update(passphrase_hash=passphrase_hash, updated_at=timezone.now())
    row.passphrase_hash = passphrase_hash
    return refresh_certificate(row, signer)


def credential(signer: Signer) -> SignerCredential | None:
    """The current desa's credential for this signer; another desa's row with the same user_key is never found."""
    _check_signer(signer)
    schema, _facts = current_tenant()
    return SignerCredential.objects.filter(tenant_schema=schema, user_key=signer.user_key).first()


def refresh_certificate(row: SignerCredential, signer: Signer) -> SignerCredential:
    """A new certificate (same key) when the signer's name or jabatan changed: the box and the certificate agree."""
    if row.full_name == signer.full_name.strip() and row.jabatan == signer.jabatan.strip():
        return row
    schema, facts = current_tenant()
    if row.tenant_schema != schema:  # defence in depth: credential() already filters by schema
        raise SigningError("Penanda tangan bukan dari desa ini.", code="desa_lain")
    cert = _signer_cert(signer, facts, load_key(row).public_key(), intermediate_row())
    row.full_name = signer.full_name.strip()
    row.jabatan = signer.jabatan.strip()
    row.cert_pem = crypto.to_pem(cert)
    row.fingerprint = crypto.fingerprint(cert)
    row.save(update_fields=["full_name", "jabatan", "cert_pem", "fingerprint", "updated_at"])
    return row


def chain_for(row: SignerCredential):
    """(signer certificate, [intermediate, root]) for the current desa."""
    intermediate = intermediate_row()
    signer_cert = load_cert(row)
    issuer = load_cert(intermediate)
    try:
        signer_cert.verify_directly_issued_by(issuer)
    except (ValueError, TypeError, InvalidSignature):
        raise SigningError("Sertifikat penanda tangan bukan terbitan desa ini.", code="desa_lain") from None
    return signer_cert, [issuer, load_cert(root_row())]
