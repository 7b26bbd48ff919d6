"""A desa user who turned on two-step verification sees no admin page before typing the code."""

from urllib.parse import urlencode

from django.conf import settings
from django.shortcuts import redirect
from django.urls import reverse
from django_otp import user_has_device


class AdminOTPRequiredMiddleware:
    # Pages a user with a pending code may still reach: the code form itself and the way out.
    OPEN_URL_NAMES = ("desa_admin_otp_verify", "wagtailadmin_logout", "wagtailadmin_login")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if self.code_missing(request):
            verify_url = reverse("desa_admin_otp_verify", urlconf=settings.ROOT_URLCONF)
            return redirect(f"{verify_url}?{urlencode({'next': request.get_full_path()})}")
        return self.get_response(request)

    def code_missing(self, request) -> bool:
        # Only a desa's admin: the console (public schema) has its own rule for Diskominfo staff.
        if getattr(request, "tenant", None) is None:
            return False
        admin_root = reverse("wagtailadmin_home", urlconf=settings.ROOT_URLCONF)
        if not request.path.startswith(admin_root):
            return False
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated or user.is_verified():
            return False
        open_paths = {reverse(name, urlconf=settings.ROOT_URLCONF) for name in self.OPEN_URL_NAMES}
        if request.path in open_paths:
            return False
        return user_has_device(user, confirmed=True)
