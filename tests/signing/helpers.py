"""Test helpers for the signing service: enter a desa, a signer, a box, a foreign (non-platform) CA."""

import datetime as dt
from contextlib import contextmanager

from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from django.db import connection

from desa_platform.signing import SignatureBox, Signer

KADES = Signer(user_key="7", full_name="Sutrisno", jabatan="Kepala Desa", nik_or_nip="3523010101800001")
PASSPHRASE = "rahasia-ttd-1"
BOX = SignatureBox(page=-1, x1=340, y1=80, x2=540, y2=160, qr_url="https://uji-a.test/verifikasi/AB12CD/")


@contextmanager
def in_desa(desa):
    """Run as the desa's own site does: the connection's tenant is the desa (what current_desa() reads)."""
    connection.set_tenant(desa)
    try:
        yield
    finally:
        connection.set_schema_to_public()


def foreign_chain(common_name="Sutrisno", title="Kepala Desa"):
    """A self-made CA and signer that look like ours (same names) but were never issued by the platform."""
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Diskominfo Kabupaten Tuban Root CA Desa Digital")])
    now = dt.datetime.now(dt.UTC)
    ca_cert = (
        x509.CertificateBuilder()
        .subject_name(ca_name)
        .issuer_name(ca_name)
        .public_key(ca_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=365))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(ca_key.public_key()), critical=False)
        .sign(ca_key, hashes.SHA256())
    )
    key = ec.generate_private_key(ec.SECP256R1())
    cert = (
        x509.CertificateBuilder()
        .subject_name(
            x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common_name), x509.NameAttribute(NameOID.TITLE, title)])
        )
        .issuer_name(ca_name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=365))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        # the same key usage as the platform's signers: what makes it foreign is only who issued it
        .add_extension(x509.KeyUsage(True, True, False, False, False, False, False, False, False), critical=True)
        .sign(ca_key, hashes.SHA256())
    )
    return key, cert, [ca_cert], ca_cert
