"""Diskominfo staff accounts: Django users of the PUBLIC schema (separate from every desa's users).

A new account gets a one-time set-password link for the console; two-factor (TOTP) enrolment is required
at its first login.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import default_token_generator
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django_tenants.utils import schema_context

from ..current import root_url_for
from .provisioning import ProvisioningError


def console_root_url() -> str:
    return root_url_for(settings.PLATFORM_DOMAINS[0])


def create_staff(username: str, email: str = "", full_name: str = "", superuser: bool = False):
    """Create (or find) a console account; returns it and a one-time set-password link."""
    User = get_user_model()
    username = (username or "").strip()
    if not username:
        raise ProvisioningError("Nama pengguna staf wajib diisi.")
    first, _, last = (full_name or "").strip().partition(" ")
    with schema_context("public"):
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


def reset_two_factor(username: str) -> int:
    from django_otp.plugins.otp_totp.models import TOTPDevice

    with schema_context("public"):
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise ProvisioningError(f"Akun staf '{username}' tidak ada.")
        deleted, _ = TOTPDevice.objects.filter(user=user).delete()
    return deleted
