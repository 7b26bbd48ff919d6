"""Console sign-in: password, then a TOTP code (enrolment at the first sign-in). Staff only, public schema."""

from functools import wraps

from django.contrib.auth import REDIRECT_FIELD_NAME
from django.shortcuts import redirect
from django.urls import reverse


def has_confirmed_device(user) -> bool:
    from django_otp.plugins.otp_totp.models import TOTPDevice

    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def staff_required(view):
    """Signed in, Diskominfo staff, and verified with a second factor in this session."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        user = request.user
        if not user.is_authenticated or not user.is_staff:
            return redirect(f"{reverse('console:login')}?{REDIRECT_FIELD_NAME}={request.get_full_path()}")
        if not user.is_verified():
            step = "console:otp-verify" if has_confirmed_device(user) else "console:otp-enrol"
            return redirect(reverse(step))
        return view(request, *args, **kwargs)

    return wrapped


def superuser_required(view):
    @wraps(view)
    @staff_required
    def wrapped(request, *args, **kwargs):
        if not request.user.is_superuser:
            return redirect("console:index")
        return view(request, *args, **kwargs)

    return wrapped
