"""Suspend, resume and delete a desa. A suspended desa answers every public URL with a 503 maintenance page."""

from django.db import transaction

from ..models import AuditLog, Desa
from ..schemas import public_schema
from . import audit, backup
from .errors import ServiceError
from .provisioning import delete_desa


def suspend(desa: Desa, actor=None, reason: str = "") -> Desa:
    if desa.is_suspended:
        raise ServiceError(f"{desa.display_name} sudah ditangguhkan.")
    with public_schema(), transaction.atomic():
        desa.status = Desa.Status.SUSPENDED
        desa.save(update_fields=["status"])
        audit.record(actor, AuditLog.Action.SUSPEND, desa, alasan=reason)
    return desa


def resume(desa: Desa, actor=None) -> Desa:
    if not desa.is_suspended:
        raise ServiceError(f"{desa.display_name} tidak sedang ditangguhkan.")
    with public_schema(), transaction.atomic():
        desa.status = Desa.Status.ACTIVE
        desa.save(update_fields=["status"])
        audit.record(actor, AuditLog.Action.RESUME, desa)
    return desa


def delete(desa: Desa, confirm_slug: str, actor=None) -> str:
    """Delete a desa for good, after writing a backup of it; returns the backup's path."""
    if (confirm_slug or "").strip() != desa.slug:
        raise ServiceError(f"Ketik slug '{desa.slug}' persis untuk mengonfirmasi penghapusan.")
    path = backup.backup_desa(desa, actor=actor)
    slug = desa.slug
    delete_desa(desa)
    backup.remove_media(desa.schema_name)
    audit.record(actor, AuditLog.Action.DELETE, slug, cadangan=path.name)
    return str(path)


def create(spec, actor=None) -> Desa:
    """create_desa (the one way a desa is made) plus the audit entry of who asked for it."""
    from .provisioning import create_desa

    desa = create_desa(spec)
    audit.record(actor, AuditLog.Action.CREATE, desa, domain=spec.domains[0] if spec.domains else "")
    return desa
