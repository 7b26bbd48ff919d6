"""A desa's domains: one primary, any number of aliases that answer 301 to the primary.

A domain belongs to one desa only (unique in the registry, checked here with a clear message first).
"""

from django.conf import settings
from django.db import transaction

from ..models import AuditLog, Desa, Domain
from ..schemas import public_schema
from . import audit
from .errors import ServiceError
from .provisioning import DOMAIN_RE, personalise


def clean_domain(domain: str) -> str:
    name = (domain or "").strip().lower().rstrip(".")
    if name in {d.lower() for d in settings.PLATFORM_DOMAINS}:
        raise ServiceError(f"Domain '{name}' adalah domain platform, bukan domain desa.")
    if not DOMAIN_RE.match(name):
        raise ServiceError(f"Domain '{domain}' tidak sah: contoh yang benar 'socorejo.desa.id'.")
    return name


def add_alias(desa: Desa, domain: str, actor=None) -> Domain:
    name = clean_domain(domain)
    with public_schema(), transaction.atomic():
        owner = Domain.objects.filter(domain=name).select_related("tenant").first()
        if owner is not None:
            whose = "desa ini" if owner.tenant_id == desa.pk else owner.tenant.display_name
            raise ServiceError(f"Domain '{name}' sudah dipakai {whose}.")
        alias = Domain.objects.create(domain=name, tenant=desa, is_primary=False)
        audit.record(actor, AuditLog.Action.DOMAIN_ADD, desa, domain=name)
    return alias


def remove_alias(desa: Desa, domain: str, actor=None) -> None:
    name = (domain or "").strip().lower()
    with public_schema(), transaction.atomic():
        row = Domain.objects.filter(domain=name, tenant=desa).first()
        if row is None:
            raise ServiceError(f"Domain '{name}' bukan milik {desa.display_name}.")
        if row.is_primary:
            raise ServiceError("Domain utama tidak bisa dihapus; jadikan domain lain utama lebih dulu.")
        row.delete()
        audit.record(actor, AuditLog.Action.DOMAIN_REMOVE, desa, domain=name)


def set_primary(desa: Desa, domain: str, actor=None) -> None:
    """Make one of the desa's domains the primary; the old primary becomes an alias (301)."""
    name = (domain or "").strip().lower()
    with public_schema(), transaction.atomic():
        rows = list(Domain.objects.select_for_update().filter(tenant=desa))
        new = next((row for row in rows if row.domain == name), None)
        if new is None:
            raise ServiceError(f"Domain '{name}' bukan milik {desa.display_name}; tambahkan dulu sebagai alias.")
        if new.is_primary:
            return
        for row in rows:
            if row.is_primary:
                row.is_primary = False
                row.save(update_fields=["is_primary"])
        new.is_primary = True
        new.save(update_fields=["is_primary"])
        # Wagtail builds every full URL (sitemap, canonical, admin mail) from the Site's hostname.
        personalise(desa, name)
        audit.record(actor, AuditLog.Action.DOMAIN_PRIMARY, desa, domain=name)


def primary_domain(desa: Desa) -> str:
    row = desa.domains.filter(is_primary=True).first()
    return row.domain if row else ""
