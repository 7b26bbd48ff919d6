"""Diskominfo support access to one desa's admin: opened from the console, logged, time-limited.

A staff member opens a support session for one desa and gets a signed, one-time URL on that desa's domain.
Using it logs in a dedicated support user inside the desa's schema (`diskominfo-<staff>`, created on demand,
named and grouped so the desa's admins see who it is, with no usable password). The session ends by itself
when its time is up, or when it is closed from the console; every step is in the audit log.
"""

import hashlib
import secrets
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import signing
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.text import slugify
from django_tenants.utils import schema_context

from ..current import SUPPORT_GROUP, root_url_for
from ..models import AuditLog, Desa, SupportSession
from ..schemas import public_schema
from . import audit
from .domains import primary_domain
from .errors import ServiceError

SESSION_KEY = "diskominfo_support_session"
ENTRY_PREFIX = "/admin/dukungan/"
SALT = "desa_platform.support"
MAX_MINUTES = 240


def default_minutes() -> int:
    return settings.DESA_SUPPORT_MINUTES


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def support_username(staff) -> str:
    return f"diskominfo-{slugify(getattr(staff, 'username', staff))}"[:150]


def open_session(desa: Desa, staff, reason: str, minutes: int | None = None) -> tuple[SupportSession, str]:
    """Open a support session; returns it and the one-time entry URL (shown once, never stored)."""
    minutes = minutes or default_minutes()
    if not (reason or "").strip():
        raise ServiceError("Tuliskan alasan akses dukungan (misalnya nomor tiket atau permintaan desa).")
    if not 1 <= minutes <= MAX_MINUTES:
        raise ServiceError(f"Lama akses dukungan 1–{MAX_MINUTES} menit.")
    token = secrets.token_urlsafe(24)
    with public_schema():
        session = SupportSession.objects.create(
            desa=desa,
            staff_username=staff.username,
            support_username=support_username(staff),
            reason=reason.strip()[:300],
            expires_at=timezone.now() + timedelta(minutes=minutes),
            token_hash=_hash(token),
        )
        audit.record(staff, AuditLog.Action.SUPPORT_OPEN, desa, sesi=session.pk, menit=minutes, alasan=session.reason)
    signed = signing.dumps({"s": session.pk, "t": token}, salt=SALT, compress=True)
    return session, f"{root_url_for(primary_domain(desa))}{ENTRY_PREFIX}{signed}/"


def looks_like_ours(signed: str) -> bool:
    """Whether the link was signed by us (nothing is spent or recorded): the confirmation page shows only then."""
    try:
        signing.loads(signed, salt=SALT, max_age=MAX_MINUTES * 60)
    except signing.BadSignature:
        return False
    return True


def enter(signed: str, desa: Desa):
    """Check a one-time entry token for this desa and return (session, support user) — or raise with a reason."""
    try:
        payload = signing.loads(signed, salt=SALT, max_age=MAX_MINUTES * 60)
    except signing.BadSignature:
        # Not a link we made: anyone can type /admin/dukungan/<anything>/, and each one must not add a row to
        # the audit log (a flood of them would bury the real entries). Refusals of real links are recorded below.
        raise ServiceError("Tautan akses dukungan tidak sah.") from None
    now = timezone.now()
    with public_schema(), transaction.atomic():
        session = SupportSession.objects.select_for_update().filter(pk=payload.get("s")).first()
        problem = None
        if session is None or session.token_hash != _hash(str(payload.get("t"))):
            problem = "Tautan akses dukungan tidak dikenal."
        elif session.desa_id != desa.pk:
            problem = "Tautan akses dukungan ini untuk desa lain."
        elif session.used_at is not None:
            problem = "Tautan akses dukungan hanya bisa dipakai sekali; buka sesi baru dari konsol."
        elif session.closed_at is not None or session.expires_at <= now:
            problem = "Sesi akses dukungan sudah berakhir; buka sesi baru dari konsol."
        if problem is None:
            session.used_at = now
            session.save(update_fields=["used_at"])
    if problem:  # logged outside the transaction above, which a refusal must not roll back
        audit.record(
            session.staff_username if session else "anonim", AuditLog.Action.SUPPORT_DENIED, desa, alasan=problem
        )
        raise ServiceError(problem)
    user = ensure_support_user(desa, session)
    audit.record(session.staff_username, AuditLog.Action.SUPPORT_ENTER, desa, sesi=session.pk, pengguna=user.username)
    return session, user


def ensure_support_user(desa: Desa, session: SupportSession):
    User = get_user_model()
    with schema_context(desa.schema_name):
        user, _ = User.objects.get_or_create(username=session.support_username)
        user.first_name = "Diskominfo"
        user.last_name = f"(akses dukungan: {session.staff_username})"[:150]
        user.is_staff = True
        user.is_superuser = True
        user.is_active = True
        user.set_unusable_password()
        user.save()
        group, _ = Group.objects.get_or_create(name=SUPPORT_GROUP)
        user.groups.add(group)
    return user


def is_active(session_id, desa: Desa) -> bool:
    with public_schema():
        return SupportSession.objects.filter(
            pk=session_id, desa_id=desa.pk, closed_at__isnull=True, used_at__isnull=False, expires_at__gt=timezone.now()
        ).exists()


def touch(session_id, desa: Desa) -> bool:
    """Count one request of a support session; False (and logged once) when it has ended."""
    now = timezone.now()
    with public_schema():
        updated = SupportSession.objects.filter(
            pk=session_id, desa_id=desa.pk, closed_at__isnull=True, expires_at__gt=now
        ).update(requests=F("requests") + 1, last_seen_at=now)
        if updated:
            return True
        session = SupportSession.objects.filter(pk=session_id).first()
        if session is not None and session.closed_at is None:
            session.closed_at = now
            session.save(update_fields=["closed_at"])
            audit.record(session.staff_username, AuditLog.Action.SUPPORT_EXPIRED, desa, sesi=session.pk)
    return False


def close(session: SupportSession, actor) -> None:
    with public_schema():
        if session.closed_at is None:
            session.closed_at = timezone.now()
            session.save(update_fields=["closed_at"])
            audit.record(actor, AuditLog.Action.SUPPORT_CLOSE, session.desa, sesi=session.pk)


def sessions_for(desa: Desa):
    return SupportSession.objects.filter(desa=desa).order_by("-opened_at")


def session_allows_admin(desa: Desa, session_key: str | None) -> bool:
    """For a suspended desa: does this (desa-schema) session cookie belong to a live support session?"""
    if not session_key:
        return False
    from importlib import import_module

    store = import_module(settings.SESSION_ENGINE).SessionStore
    with schema_context(desa.schema_name):
        session_id = store(session_key=session_key).get(SESSION_KEY)
    return session_id is not None and is_active(session_id, desa)


def admin_allowed_while_suspended(request, desa: Desa) -> bool:
    """A suspended desa's admin is open only to a live Diskominfo support session (and its entry link)."""
    if not request.path.startswith("/admin/"):
        return False
    if request.path.startswith(ENTRY_PREFIX):
        return True
    return session_allows_admin(desa, request.COOKIES.get(settings.SESSION_COOKIE_NAME))
