"""Key generation, certificates and encryption of private keys at rest (the `cryptography` package).

Keys: the root and the per-desa intermediates are EC P-384 (made once, kept for decades), signers EC P-256
(fast: a signature costs well under a millisecond, against ~2 ms for RSA 2048 and ~15 ms for RSA 4096).
At rest a private key is AES-256-GCM ciphertext under a key derived from SIGNING_KEY_ENCRYPTION_KEY, with
its owner (kind, desa schema, signer) as associated data: the ciphertext only opens for the row it was made
for, so copying desa A's key into desa B's row yields an error, not a key.
"""

import datetime as dt
import hashlib
import os

from cryptography import x509
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from cryptography.x509.oid import NameOID

from .types import SigningError

CIPHERTEXT_VERSION = b"DSK1"
# Document-signing purposes readers look for (Adobe's and Microsoft's); no e-mail or TLS use.
ADOBE_AUTHENTIC_DOCUMENTS = x509.ObjectIdentifier("1.2.840.113583.1.1.5")
MICROSOFT_DOCUMENT_SIGNING = x509.ObjectIdentifier("1.3.6.1.4.1.311.10.3.12")


def _master_key() -> bytes:
    from django.conf import settings

    secret = settings.SIGNING_KEY_ENCRYPTION_KEY
    if len(secret) < 32:
        raise SigningError(
            "Kunci enkripsi tanda tangan (SIGNING_KEY_ENCRYPTION_KEY) belum diatur atau kurang dari 32 karakter.",
            code="konfigurasi",
        )
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=b"desa-digital signing keys v1").derive(
        secret.encode()
    )


def _key_id(master: bytes) -> bytes:
    return hashlib.sha256(b"key-id" + master).digest()[:8]


def owner_label(kind: str, tenant_schema: str, user_key: str = "") -> bytes:
    return f"{kind}|{tenant_schema}|{user_key}".encode()


def encrypt_private_key(key: ec.EllipticCurvePrivateKey, owner: bytes) -> bytes:
    master = _master_key()
    der = key.private_bytes(serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    nonce = os.urandom(12)
    return CIPHERTEXT_VERSION + _key_id(master) + nonce + AESGCM(master).encrypt(nonce, der, owner)


def decrypt_private_key(blob: bytes, owner: bytes) -> ec.EllipticCurvePrivateKey:
    blob = bytes(blob)
    master = _master_key()
    if blob[:4] != CIPHERTEXT_VERSION:
        raise SigningError("Kunci penanda tangan rusak.", code="kunci_rusak")
    if blob[4:12] != _key_id(master):
        raise SigningError(
            "Kunci penanda tangan dienkripsi dengan SIGNING_KEY_ENCRYPTION_KEY yang lain.", code="kunci_enkripsi_beda"
        )
    nonce, ciphertext = blob[12:24], blob[24:]
    try:
        der = AESGCM(master).decrypt(nonce, ciphertext, owner)
    except InvalidTag:
        message = "Kunci penanda tangan bukan milik penanda tangan ini."
        raise SigningError(message, code="kunci_bukan_miliknya") from None
    return serialization.load_der_private_key(der, password=None)


def new_key(curve: ec.EllipticCurve) -> ec.EllipticCurvePrivateKey:
    return ec.generate_private_key(curve)


def fingerprint(cert: x509.Certificate) -> str:
    return cert.fingerprint(hashes.SHA256()).hex()


def to_pem(cert: x509.Certificate) -> str:
    return cert.public_bytes(serialization.Encoding.PEM).decode()


def from_pem(pem: str) -> x509.Certificate:
    return x509.load_pem_x509_certificate(pem.encode())


def build_name(common_name: str, *, organization: str = "", unit: str = "", title: str = "") -> x509.Name:
    attributes = [x509.NameAttribute(NameOID.COUNTRY_NAME, "ID")]
    if organization:
        attributes.append(x509.NameAttribute(NameOID.ORGANIZATION_NAME, organization[:64]))
    if unit:
        attributes.append(x509.NameAttribute(NameOID.ORGANIZATIONAL_UNIT_NAME, unit[:64]))
    if title:
        attributes.append(x509.NameAttribute(NameOID.TITLE, title[:64]))
    attributes.append(x509.NameAttribute(NameOID.COMMON_NAME, common_name[:64]))
    return x509.Name(attributes)


def issue_certificate(
    *,
    subject: x509.Name,
    public_key,
    issuer_cert: x509.Certificate | None,
    issuer_key: ec.EllipticCurvePrivateKey,
    years: int,
    ca_path_length: int | None = None,
    is_ca: bool,
) -> x509.Certificate:
    """A certificate with the extensions pyHanko's validator and Adobe Reader expect of a CA or a signer."""
    now = dt.datetime.now(dt.UTC)
    issuer_name = issuer_cert.subject if issuer_cert is not None else subject
    builder = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(issuer_name)
        .public_key(public_key)
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=365 * years))
        .add_extension(x509.BasicConstraints(ca=is_ca, path_length=ca_path_length), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(public_key), critical=False)
    )
    if issuer_cert is not None:
        issuer_ski = issuer_cert.extensions.get_extension_for_class(x509.SubjectKeyIdentifier).value
        builder = builder.add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_subject_key_identifier(issuer_ski), critical=False
        )
    if is_ca:
        usage = x509.KeyUsage(
            digital_signature=True,
            content_commitment=False,
            key_encipherment=False,
            data_encipherment=False,
            key_agreement=False,
            key_cert_sign=True,
            crl_sign=True,
            encipher_only=False,
            decipher_only=False,
        )
    else:
        usage = x509.KeyUsage(
            digital_signature=True,
            content_commitment=True,  # non-repudiation: a person's signature on a document
            key_encipherment=False,
            data_encipherment=False,
            key_agreement=False,
            key_cert_sign=False,
            crl_sign=False,
            encipher_only=False,
            decipher_only=False,
        )
        builder = builder.add_extension(
            x509.ExtendedKeyUsage([ADOBE_AUTHENTIC_DOCUMENTS, MICROSOFT_DOCUMENT_SIGNING]), critical=False
        )
    builder = builder.add_extension(usage, critical=True)
    hash_algorithm = hashes.SHA384() if isinstance(issuer_key.curve, ec.SECP384R1) else hashes.SHA256()
    return builder.sign(issuer_key, hash_algorithm)
