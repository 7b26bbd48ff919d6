"""A deleted desa's signers lose their keys: a new desa made later with the same schema name (same slug) must
not find the old kepala desa's key and certificate under user 7. The desa's intermediate stays, so letters
issued before keep verifying if the desa is restored from a backup; its signers then set a passphrase again."""

from django.db.models.signals import post_delete
from django.dispatch import receiver

from desa_platform.tenancy.models import Desa


@receiver(post_delete, sender=Desa, dispatch_uid="signing-forget-deleted-desa-signers")
def forget_signers_of_deleted_desa(sender, instance, **kwargs):
    from .models import SignerCredential

    SignerCredential.objects.filter(tenant_schema=instance.schema_name).delete()
