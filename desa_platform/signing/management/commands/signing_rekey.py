"""Re-encrypt every private key (root, intermediates, signers) under the current SIGNING_KEY_ENCRYPTION_KEY.

Changing the key (e.g. after it may have leaked):
    SIGNING_KEY_ENCRYPTION_KEY=<new> SIGNING_KEY_ENCRYPTION_KEYS_OLD=<old> python manage.py signing_rekey
then remove SIGNING_KEY_ENCRYPTION_KEYS_OLD. Certificates and signatures do not change.
"""

from django.core.management.base import BaseCommand
from django.db import transaction

from desa_platform.signing import crypto
from desa_platform.signing.models import CertificateAuthority, SignerCredential


def _owner(row) -> bytes:
    if isinstance(row, SignerCredential):
        return crypto.owner_label("signer", row.tenant_schema, row.user_key)
    return crypto.owner_label(row.kind, row.tenant_schema)


class Command(BaseCommand):
    help = "Re-encrypt all signing keys under the current SIGNING_KEY_ENCRYPTION_KEY."

    def handle(self, *args, **options):
        changed = kept = 0
        with transaction.atomic():
            for model in (CertificateAuthority, SignerCredential):
                for row in model.objects.select_for_update():
                    if crypto.is_current(row.key_ciphertext):
                        kept += 1
                        continue
                    owner = _owner(row)
                    row.key_ciphertext = crypto.encrypt_private_key(
                        crypto.decrypt_private_key(row.key_ciphertext, owner), owner
                    )
                    row.save(update_fields=["key_ciphertext"])
                    changed += 1
        self.stdout.write(f"{changed} kunci dienkripsi ulang, {kept} sudah memakai kunci sekarang.")
