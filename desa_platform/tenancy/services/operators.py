"""The shared kecamatan operator: one person at the kantor kecamatan who helps the desa and kelurahan of that
kecamatan with their sites.

Explicit: Diskominfo grants it by name (CLI or console), to an account of the kecamatan's own site (its
password and second factor live there). Limited: from the kecamatan's admin the operator gets a one-time entry
link to the admin of one desa of THAT kecamatan only, where it works as a dedicated user
(`kecamatan-<kecamatan>-<username>`, group Operator: drafts and edits, the desa's head still approves; never a
superuser, no user management). Audited: grant, every entry, every refusal and the revocation are in the audit
log. Revocable: revoking refuses new entries and switches the dedicated users off in every desa, which ends
their sessions on the next request.
"""

import secrets

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import signing
from django.core.cache import cache
from django.utils import timezone
from django.utils.text import slugify
from django_tenants.utils import schema_context

from ..current import root_url_for
from ..models import Desa, OperatorKecamatan
from ..schemas import public_schema
from . import audit
from .domains import primary_domain
from .errors import ServiceError

ENTRY_PREFIX = "/admin/operator-kecamatan/"
SALT = "desa_platform.operator-kecamatan"
ENTRY_SECONDS = 120
MARKER_GROUP = "Operator Kecamatan"
ROLE_GROUP = "Operator"  # the desa's own editing role (sites/desa_admin/roles.py)


def desa_of(kecamatan: Desa):
    """The desa and kelurahan this kecamatan supports: same kabupaten and kecamatan, read from the public schema."""
    return Desa.objects.filter(
        kind__in=[Desa.Kind.DESA, Desa.Kind.KELURAHAN],
        kabupaten__iexact=kecamatan.kabupaten,
        kecamatan__iexact=kecamatan.kecamatan,
    ).order_by("name")


def desa_username(grant: OperatorKecamatan) -> str:
    return f"kecamatan-{slugify(grant.kecamatan.kecamatan)}-{slugify(grant.username)}"[:150]


def grant(kecamatan: Desa, username: str, nama: str, actor) -> OperatorKecamatan:
    if kecamatan.kind != Desa.Kind.KECAMATAN:
        raise ServiceError(f"{kecamatan.display_name} bukan kecamatan; operator kecamatan hanya untuk kecamatan.")
    if not kecamatan.kecamatan:
        raise ServiceError(f"{kecamatan.display_name} belum mencatat nama kecamatannya.")
    with schema_context(kecamatan.schema_name):
        if not get_user_model().objects.filter(username=username, is_active=True).exists():
            raise ServiceError(
                f"Akun '{username}' tidak ada di situs {kecamatan.display_name}; buat dulu akunnya di sana."
            )
    with public_schema():
        if OperatorKecamatan.objects.filter(kecamatan=kecamatan, username=username, revoked_at__isnull=True).exists():
            raise ServiceError(f"'{username}' sudah menjadi operator {kecamatan.display_name}.")
        granted = OperatorKecamatan.objects.create(
            kecamatan=kecamatan, username=username, nama=(nama or username).strip()[:150], granted_by=_name(actor)
        )
        audit.record(actor, "operator-grant", kecamatan, pengguna=username, jumlah_desa=desa_of(kecamatan).count())
    return granted


def revoke(granted: OperatorKecamatan, actor) -> int:
    """Refuse new entries and switch the dedicated users off in every desa; returns how many were switched off."""
    with public_schema():
        if granted.revoked_at is None:
            granted.revoked_at = timezone.now()
            granted.revoked_by = _name(actor)
            granted.save(update_fields=["revoked_at", "revoked_by"])
        schemas = list(Desa.objects.values_list("schema_name", flat=True))
    switched = 0
    for schema in schemas:  # every tenant: a desa that moved kecamatan since must lose the account too
        with schema_context(schema):
            switched += (
                get_user_model().objects.filter(username=desa_username(granted), is_active=True).update(is_active=False)
            )
    audit.record(actor, "operator-revoke", granted.kecamatan, pengguna=granted.username, dinonaktifkan=switched)
    return switched


def active_grant(kecamatan: Desa, username: str) -> OperatorKecamatan | None:
    with public_schema():
        return (
            OperatorKecamatan.objects.select_related("kecamatan")
            .filter(kecamatan=kecamatan, username=username, revoked_at__isnull=True)
            .first()
        )


def entry_url(kecamatan: Desa, user, desa: Desa) -> str:
    """A one-time link into `desa`'s admin for the kecamatan operator `user` (signed in on the kecamatan's site)."""
    granted = active_grant(kecamatan, user.username)
    if granted is None:
        audit.record(user.username, "operator-denied", desa, alasan="bukan operator kecamatan")
        raise ServiceError("Anda bukan operator kecamatan ini, atau aksesnya sudah dicabut.")
    if not desa_of(kecamatan).filter(pk=desa.pk).exists():
        audit.record(user.username, "operator-denied", desa, alasan="desa di luar kecamatan")
        raise ServiceError(f"{desa.display_name} tidak termasuk {kecamatan.display_name}.")
    token = signing.dumps({"g": granted.pk, "d": desa.pk, "n": secrets.token_urlsafe(12)}, salt=SALT)
    return f"{root_url_for(primary_domain(desa))}{ENTRY_PREFIX}{token}/"


def enter(signed: str, desa: Desa):
    """Check an entry link on `desa`'s site; returns the dedicated user to log in, or raises with a reason."""
    try:
        payload = signing.loads(signed, salt=SALT, max_age=ENTRY_SECONDS)
    except signing.BadSignature:
        audit.record("anonim", "operator-denied", desa, alasan="tautan tidak sah atau kedaluwarsa")
        raise ServiceError("Tautan operator kecamatan tidak sah atau sudah kedaluwarsa.") from None
    with public_schema():
        granted = OperatorKecamatan.objects.select_related("kecamatan").filter(pk=payload.get("g")).first()
        problem = None
        if granted is None or granted.revoked_at is not None:
            problem = "Akses operator kecamatan ini sudah dicabut."
        elif payload.get("d") != desa.pk or not desa_of(granted.kecamatan).filter(pk=desa.pk).exists():
            problem = "Tautan operator kecamatan ini untuk desa lain."
        # One use: the nonce is remembered for as long as the link could be valid.
        elif not cache.add(f"operator-entry:{payload.get('n')}", 1, ENTRY_SECONDS + 5):
            problem = "Tautan operator kecamatan hanya bisa dipakai sekali."
    if problem:
        audit.record(granted.username if granted else "anonim", "operator-denied", desa, alasan=problem)
        raise ServiceError(problem)
    user = _ensure_desa_user(granted, desa)
    audit.record(granted.username, "operator-enter", desa, kecamatan=granted.kecamatan.slug, pengguna=user.username)
    return user


def _ensure_desa_user(granted: OperatorKecamatan, desa: Desa):
    User = get_user_model()
    with schema_context(desa.schema_name):
        user, _ = User.objects.get_or_create(username=desa_username(granted))
        user.first_name = granted.nama[:150]
        user.last_name = f"(operator {granted.kecamatan.display_name})"[:150]
        user.is_staff = True
        user.is_superuser = False  # never: it edits like the desa's own operator
        user.is_active = True
        user.set_unusable_password()
        user.save()
        marker, _ = Group.objects.get_or_create(name=MARKER_GROUP)
        user.groups.set([marker, *Group.objects.filter(name=ROLE_GROUP)])
    return user


def _name(actor) -> str:
    return getattr(actor, "username", None) or (str(actor) if actor else audit.cli_actor())
