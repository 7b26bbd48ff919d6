"""Keys and certificates of the platform CA, in the public schema, keyed by the tenant's schema name.

No letter content lives here. Private keys are stored only as AES-GCM ciphertext bound to their owner
(see crypto.py): a row copied to another desa does not decrypt there.
"""

from django.db import models


class CertificateAuthority(models.Model):
    ROOT = "root"
    INTERMEDIATE = "intermediate"
    KINDS = [(ROOT, "Root Diskominfo"), (INTERMEDIATE, "Intermediate desa")]

    kind = models.CharField(max_length=16, choices=KINDS)
    tenant_schema = models.CharField(max_length=63, blank=True, default="")  # "" for the root
    subject = models.CharField(max_length=255)
    cert_pem = models.TextField()
    key_ciphertext = models.BinaryField()
    fingerprint = models.CharField(max_length=64, unique=True)  # SHA-256 of the DER certificate
    not_after = models.DateTimeField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["kind", "tenant_schema"], name="signing_one_ca_per_desa")]
        verbose_name = "otoritas sertifikat"
        verbose_name_plural = "otoritas sertifikat"

    def __str__(self) -> str:
        return self.subject


class SignerCredential(models.Model):
    """One signer of one desa: the signing passphrase's hash, the encrypted key and the current certificate."""

    tenant_schema = models.CharField(max_length=63)
    user_key = models.CharField(max_length=64)
    full_name = models.CharField(max_length=150)
    jabatan = models.CharField(max_length=100)
    passphrase_hash = models.CharField(max_length=256)
    cert_pem = models.TextField()
    key_ciphertext = models.BinaryField()
    fingerprint = models.CharField(max_length=64)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["tenant_schema", "user_key"], name="signing_one_signer_key")]
        verbose_name = "penanda tangan"
        verbose_name_plural = "penanda tangan"

    def __str__(self) -> str:
        return f"{self.full_name} ({self.jabatan}, {self.tenant_schema})"
