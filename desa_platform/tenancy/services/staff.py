"""Diskominfo staff accounts: Django users of the PUBLIC schema (separate from every desa's users).

A new account gets a one-time set-password link for the console; two-factor (TOTP) enrolment is required
at its first login.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import default_token_generator
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from desa_platform.outbox import enqueue_mail

from ..current import root_url_for
from ..models import AuditLog, SupportSession
from ..schemas import public_schema
from . import audit
from .errors import ServiceError


def console_root_url() -> str:
    return root_url_for(settings.PLATFORM_DOMAINS[0])


def create_staff(username: str, email: str = "", full_name: str = "", superuser: bool = False):
    """Create (or find) a console account; returns it and a one-time set-password link."""
    User = get_user_model()
    username = (username or "").strip()
    if not username:
        raise ServiceError("Nama pengguna staf wajib diisi.")
    first, _, last = (full_name or "").strip().partition(" ")
    with public_schema():
        user, created = User.objects.get_or_create(
            username=username, defaults={"email": email, "first_name": first, "last_name": last}
        )
        user.is_staff = True
        user.is_superuser = user.is_superuser or superuser
        if created:
            user.set_unusable_password()
        user.save()
        return user, password_link(user)


def password_link(user) -> str:
    path = reverse(
        "console:set-password",
        urlconf=settings.PUBLIC_SCHEMA_URLCONF,
        kwargs={
            "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
            "token": default_token_generator.make_token(user),
        },
    )
    return console_root_url() + path


def send_link(user, link: str) -> bool:
    """Queue the one-time set-password link in the outbox; False when there is no address (the console shows
    the link either way, and a mail the server refuses shows as failed under Surel keluar)."""
    if not user.email:
        return False
    enqueue_mail(
        [user.email],
        "Akun Konsol Diskominfo Desa Digital",
        f"Pasang kata sandi Anda lewat tautan sekali pakai ini:\n{link}\n\n"
        "Setelah itu daftarkan autentikasi dua langkah.",
        tenant_schema="",
        kind="staff-link",
    )
    return True


def reset_two_factor(username: str) -> int:
    from django_otp.plugins.otp_totp.models import TOTPDevice

    with public_schema():
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise ServiceError(f"Akun staf '{username}' tidak ada.")
        deleted, _ = TOTPDevice.objects.filter(user=user).delete()
    return deleted


def list_staff():
    with public_schema():
        return list(get_user_model().objects.filter(is_staff=True).order_by("-is_active", "username"))


def set_active(username: str, active: bool, actor=None):
    """Switch a console account off or on; returns the account and, when switched on, its set-password link.

    Accounts are never deleted: the audit log keeps naming them. Switched off, the account cannot sign in, its
    console sessions end at their next request (Django refuses inactive users) and its support sessions close.
    Switched on, it sets a new password and enrols a new second factor. Nobody switches off their own account
    or the last active superuser.
    """
    from django_otp.plugins.otp_totp.models import TOTPDevice

    with public_schema(), transaction.atomic():
        user = get_user_model().objects.select_for_update().filter(username=username, is_staff=True).first()
        if user is None:
            raise ServiceError(f"Akun staf '{username}' tidak ada.")
        if not active and actor is not None and getattr(actor, "pk", None) == user.pk:
            raise ServiceError("Anda tidak dapat menonaktifkan akun Anda sendiri.")
        if not active and user.is_superuser:
            managers = get_user_model().objects.select_for_update().filter(is_superuser=True, is_active=True)
            others = managers.exclude(pk=user.pk)
            if not others.exists():
                raise ServiceError("Ini satu-satunya akun pengelola staf yang aktif; aktifkan yang lain dulu.")
        if user.is_active == active:
            return user, ""
        user.is_active = active
        link = ""
        if active:  # back with a new password and a new second factor, never the old ones
            user.set_unusable_password()
            link = password_link(user)
        else:
            TOTPDevice.objects.filter(user=user).delete()
            # Open support sessions would keep this person in desa admins for hours.
            SupportSession.objects.filter(staff_username=user.username, closed_at__isnull=True).update(
                closed_at=timezone.now()
            )
        user.save()
        audit.record(actor, AuditLog.Action.STAFF_ON if active else AuditLog.Action.STAFF_OFF, staf=username)
        return user, link
