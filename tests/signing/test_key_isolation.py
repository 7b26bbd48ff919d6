"""Keys never cross desa and are never stored in the clear: desa B cannot sign with desa A's key or intermediate."""

import pytest
from cryptography.hazmat.primitives import serialization
from django.db import connection

from desa_platform.signing import (
    Signer,
    SigningError,
    ca,
    has_signing_passphrase,
    set_signing_passphrase,
    sign_pdf,
    verify_pdf,
)
from desa_platform.signing.models import CertificateAuthority, SignerCredential
from desa_platform.signing.sample import sample_pdf
from desa_platform.signing.verify import DESA_LAIN

from .helpers import BOX, KADES, PASSPHRASE, in_desa

pytestmark = pytest.mark.django_db


def test_same_user_key_in_desa_b_does_not_reach_desa_a_credential(desa_a, desa_b):
    with in_desa(desa_a):
        set_signing_passphrase(KADES, PASSPHRASE)
    with in_desa(desa_b):
        # desa B's user 7 is another person: it has no credential, and A's passphrase opens nothing here
        assert not has_signing_passphrase(KADES)
        with pytest.raises(SigningError) as refused:
            sign_pdf(sample_pdf(), KADES, PASSPHRASE, BOX)
    assert refused.value.code == "belum_terdaftar"


def test_each_desa_gets_its_own_intermediate_and_signer_certificates_chain_to_it(desa_a, desa_b):
    with in_desa(desa_a):
        set_signing_passphrase(KADES, PASSPHRASE)
        signed_a = sign_pdf(sample_pdf(), KADES, PASSPHRASE, BOX)
    with in_desa(desa_b):
        set_signing_passphrase(KADES, "passphrase-desa-b")
        signed_b = sign_pdf(sample_pdf(), KADES, "passphrase-desa-b", BOX)
        assert verify_pdf(signed_b).desa_schema == desa_b.schema_name
    intermediates = CertificateAuthority.objects.filter(kind=CertificateAuthority.INTERMEDIATE)
    assert set(intermediates.values_list("tenant_schema", flat=True)) >= {desa_a.schema_name, desa_b.schema_name}
    a_row = SignerCredential.objects.get(tenant_schema=desa_a.schema_name, user_key=KADES.user_key)
    b_row = SignerCredential.objects.get(tenant_schema=desa_b.schema_name, user_key=KADES.user_key)
    assert a_row.fingerprint != b_row.fingerprint
    assert ca.load_key(a_row).public_key() != ca.load_key(b_row).public_key()
    with in_desa(desa_a):
        assert verify_pdf(signed_a).desa_schema == desa_a.schema_name


def test_desa_a_letter_does_not_verify_on_desa_b(desa_a, desa_b):
    with in_desa(desa_a):
        set_signing_passphrase(KADES, PASSPHRASE)
        signed = sign_pdf(sample_pdf(), KADES, PASSPHRASE, BOX)
        assert verify_pdf(signed).valid
    with in_desa(desa_b):
        on_b = verify_pdf(signed)
    assert not on_b.valid and DESA_LAIN in on_b.reasons


def test_desa_a_key_copied_into_desa_b_row_does_not_decrypt(desa_a, desa_b):
    """Even with database access inside the platform, A's ciphertext is bound to A's row."""
    with in_desa(desa_a):
        set_signing_passphrase(KADES, PASSPHRASE)
    with in_desa(desa_b):
        set_signing_passphrase(KADES, "passphrase-desa-b")
    a_row = SignerCredential.objects.get(tenant_schema=desa_a.schema_name, user_key=KADES.user_key)
    SignerCredential.objects.filter(tenant_schema=desa_b.schema_name).update(
        key_ciphertext=a_row.key_ciphertext, cert_pem=a_row.cert_pem, fingerprint=a_row.fingerprint
    )
    with in_desa(desa_b):
        with pytest.raises(SigningError) as refused:
            sign_pdf(sample_pdf(), KADES, "passphrase-desa-b", BOX)
    # refused before any signature is made: A's certificate is not from B's intermediate, A's key not B's
    assert refused.value.code in {"desa_lain", "kunci_bukan_miliknya"}


def test_desa_b_intermediate_cannot_be_taken_by_desa_a(desa_a, desa_b):
    """Copying B's intermediate into A's place: A's signers are then refused, never signed under B's name."""
    with in_desa(desa_b):
        set_signing_passphrase(Signer("1", "Warsito", "Kepala Desa"), "passphrase-desa-b")
    with in_desa(desa_a):
        set_signing_passphrase(KADES, PASSPHRASE)
    b_ca = CertificateAuthority.objects.get(kind="intermediate", tenant_schema=desa_b.schema_name)
    CertificateAuthority.objects.filter(kind="intermediate", tenant_schema=desa_a.schema_name).delete()
    CertificateAuthority.objects.create(
        kind="intermediate",
        tenant_schema=desa_a.schema_name,
        subject=b_ca.subject,
        cert_pem=b_ca.cert_pem,
        key_ciphertext=b_ca.key_ciphertext,
        fingerprint="copy-" + b_ca.fingerprint[:59],
        not_after=b_ca.not_after,
    )
    with in_desa(desa_a):
        with pytest.raises(SigningError) as refused:
            sign_pdf(sample_pdf(), KADES, PASSPHRASE, BOX)
    assert refused.value.code == "desa_lain"
    with in_desa(desa_a):
        with pytest.raises(SigningError) as new_signer:
            set_signing_passphrase(Signer("9", "Suyanto", "Sekretaris Desa"), PASSPHRASE)
    assert new_signer.value.code == "kunci_bukan_miliknya"


def test_private_keys_are_never_stored_decrypted(desa_a):
    with in_desa(desa_a):
        set_signing_passphrase(KADES, PASSPHRASE)
    row = SignerCredential.objects.get(tenant_schema=desa_a.schema_name, user_key=KADES.user_key)
    key = ca.load_key(row)
    der = key.private_bytes(serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    raw = key.private_numbers().private_value.to_bytes(32, "big")
    with connection.cursor() as cursor:
        cursor.execute("SELECT key_ciphertext FROM public.signing_signercredential")
        signer_blobs = [bytes(r[0]) for r in cursor.fetchall()]
        cursor.execute("SELECT key_ciphertext FROM public.signing_certificateauthority")
        ca_blobs = [bytes(r[0]) for r in cursor.fetchall()]
    assert signer_blobs and ca_blobs
    for blob in signer_blobs + ca_blobs:
        assert b"PRIVATE KEY" not in blob and not blob.startswith(b"\x30")  # neither PEM nor DER
    assert all(der not in blob and raw not in blob for blob in signer_blobs)
    assert row.passphrase_hash.startswith("pbkdf2_sha256$") and PASSPHRASE not in row.passphrase_hash


def test_keys_do_not_open_without_the_environment_key(desa_a, settings):
    with in_desa(desa_a):
        set_signing_passphrase(KADES, PASSPHRASE)
    row = SignerCredential.objects.get(tenant_schema=desa_a.schema_name, user_key=KADES.user_key)
    ca._load_key.cache_clear()
    settings.SIGNING_KEY_ENCRYPTION_KEY = "another-deployment-key-0123456789abcdef"
    with pytest.raises(SigningError) as refused:
        ca.load_key(row)
    assert refused.value.code == "kunci_enkripsi_beda"
    settings.SIGNING_KEY_ENCRYPTION_KEY = ""
    with pytest.raises(SigningError) as missing:
        ca.load_key(row)
    assert missing.value.code == "konfigurasi"


def test_deleting_a_desa_destroys_its_signers_keys(desa_a, desa_b):
    """delete_desa deletes the Desa row (then drops the schema): its signers' keys go with it, the intermediate
    stays so its letters still verify if the desa is restored under the same schema name."""
    from desa_platform.tenancy.models import Desa

    with in_desa(desa_b):
        set_signing_passphrase(KADES, "passphrase-desa-b")
        signed = sign_pdf(sample_pdf(), KADES, "passphrase-desa-b", BOX)
    with in_desa(desa_a):
        set_signing_passphrase(KADES, PASSPHRASE)
    schema = desa_b.schema_name
    desa_b.domains.all().delete()
    Desa.objects.filter(pk=desa_b.pk).delete()  # what delete_desa does before DROP SCHEMA (rolled back after)
    assert not SignerCredential.objects.filter(tenant_schema=schema).exists()
    assert SignerCredential.objects.filter(tenant_schema=desa_a.schema_name).exists()  # others untouched
    assert CertificateAuthority.objects.filter(kind="intermediate", tenant_schema=schema).exists()
    assert verify_pdf(signed).valid  # from the platform's own domain


def test_changing_the_environment_key_with_signing_rekey(desa_a, settings):
    from io import StringIO

    from django.core.management import call_command

    old_key = settings.SIGNING_KEY_ENCRYPTION_KEY
    with in_desa(desa_a):
        set_signing_passphrase(KADES, PASSPHRASE)
    ca._load_key.cache_clear()
    settings.SIGNING_KEY_ENCRYPTION_KEY = "new-deployment-key-after-a-leak-0123456789"
    settings.SIGNING_KEY_ENCRYPTION_KEYS_OLD = [old_key]
    out = StringIO()
    call_command("signing_rekey", stdout=out)
    assert "dienkripsi ulang" in out.getvalue() and not out.getvalue().startswith("0 ")
    settings.SIGNING_KEY_ENCRYPTION_KEYS_OLD = []
    ca._load_key.cache_clear()
    with in_desa(desa_a):
        assert verify_pdf(sign_pdf(sample_pdf(), KADES, PASSPHRASE, BOX)).valid  # opens under the new key only
    settings.SIGNING_KEY_ENCRYPTION_KEY = old_key
    ca._load_key.cache_clear()
    row = SignerCredential.objects.get(tenant_schema=desa_a.schema_name, user_key=KADES.user_key)
    with pytest.raises(SigningError):
        ca.load_key(row)  # and no longer under the old one


def test_schema_context_of_a_desa_signs_as_that_desa(desa_a, desa_b):
    """Commands and jobs enter a desa with schema_context (schema name only): still that desa, never another."""
    from django_tenants.utils import schema_context

    with in_desa(desa_a):
        set_signing_passphrase(KADES, PASSPHRASE)
    with schema_context(desa_a.schema_name):
        signed = sign_pdf(sample_pdf(), KADES, PASSPHRASE, BOX)
        assert verify_pdf(signed).desa_schema == desa_a.schema_name
    with schema_context(desa_b.schema_name), pytest.raises(SigningError) as refused:
        sign_pdf(sample_pdf(), KADES, PASSPHRASE, BOX)
    assert refused.value.code == "belum_terdaftar"
    with schema_context("template_or_unknown"), pytest.raises(SigningError) as unknown:
        sign_pdf(sample_pdf(), KADES, PASSPHRASE, BOX)
    assert unknown.value.code == "bukan_desa"
