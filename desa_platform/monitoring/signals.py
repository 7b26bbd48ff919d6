"""A desa acts, its summary row in the public schema follows: a login, a publish, a resident's message.

Each handler writes a row or two in the public schema (no other desa is read, nothing waits on the network).
A publish also queues the page for the judol guard, which runs after the response (`desa judol-scan`).
"""

from django.contrib.auth.signals import user_logged_in
from django.db import connection, transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils import timezone
from wagtail.signals import page_published

from desa_platform.tenancy.models import Desa
from desa_platform.tenancy.schemas import public_schema

from .models import ScanRequest, TenantActivity, TenantEvent
from .sources import SUPPORT_PREFIX

_pending_refresh: set[str] = set()


def current_desa_row() -> Desa | None:
    """The Desa whose schema this connection uses (None on public and on the template schema)."""
    tenant = getattr(connection, "tenant", None)
    if isinstance(tenant, Desa) and tenant.pk:
        return tenant
    schema = connection.schema_name
    if schema in ("public", ""):
        return None
    with public_schema():
        return Desa.objects.filter(schema_name=schema).first()


def _touch(desa: Desa, **values) -> None:
    with public_schema():
        if not TenantActivity.objects.filter(desa=desa).update(**values):
            TenantActivity.objects.get_or_create(desa=desa, defaults=values)


def _refresh_after_commit(desa: Desa) -> None:
    """Recount this desa's news and completeness once per transaction (a pilot load publishes dozens)."""
    if desa.schema_name in _pending_refresh:
        return
    _pending_refresh.add(desa.schema_name)

    def run():
        _pending_refresh.discard(desa.schema_name)
        from .liveness import refresh

        refresh([desa])

    transaction.on_commit(run)


@receiver(post_save, sender=Desa)
def desa_created(sender, instance, created, **kwargs):
    if created:
        with public_schema():
            TenantActivity.objects.get_or_create(desa=instance)


@receiver(user_logged_in)
def admin_logged_in(sender, request, user, **kwargs):
    desa = current_desa_row()
    if desa is None or user.username.startswith(SUPPORT_PREFIX):
        return
    _touch(desa, last_login_at=timezone.now())
    with public_schema():
        TenantEvent.objects.create(desa=desa, kind=TenantEvent.Kind.LOGIN, title=user.get_username()[:255])


@receiver(page_published)
def page_was_published(sender, instance, **kwargs):
    desa = current_desa_row()
    if desa is None:
        return
    _touch(desa, last_publish_at=timezone.now())
    with public_schema():
        TenantEvent.objects.create(desa=desa, kind=TenantEvent.Kind.PUBLISH, title=instance.title[:255])
        ScanRequest.objects.create(desa=desa, page_id=instance.pk)
    _refresh_after_commit(desa)


def _is_message(sender) -> bool:
    meta = getattr(sender, "_meta", None)
    return meta is not None and meta.label == "kontak.Pesan"


@receiver(post_save)
def message_saved(sender, instance, created, **kwargs):
    if not _is_message(sender):
        return
    desa = current_desa_row()
    if desa is None:
        return
    with public_schema():
        if created:
            TenantEvent.objects.create(desa=desa, kind=TenantEvent.Kind.MESSAGE, title=instance.nomor)
        elif instance.status != "baru":
            answered = TenantEvent.objects.filter(desa=desa, kind=TenantEvent.Kind.ANSWER, title=instance.nomor)
            if not answered.exists():
                TenantEvent.objects.create(desa=desa, kind=TenantEvent.Kind.ANSWER, title=instance.nomor)
    _count_messages(desa)


@receiver(post_delete)
def message_deleted(sender, instance, **kwargs):
    if _is_message(sender):
        desa = current_desa_row()
        if desa is not None:
            _count_messages(desa)


def _count_messages(desa: Desa) -> None:
    from .sources import waiting_messages

    waiting, oldest = waiting_messages()  # this desa's own schema, where the message was saved
    _touch(desa, messages_waiting=waiting, oldest_message_at=oldest)
