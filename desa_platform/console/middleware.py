"""Support sessions inside a desa's admin end by themselves: expired or closed from the console → logged out."""

from django.contrib.auth import logout
from django.shortcuts import render
from wagtail.contrib.redirects.middleware import RedirectMiddleware

from desa_platform.tenancy.current import current_desa
from desa_platform.tenancy.services import support


class SupportSessionMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        session_id = request.session.get(support.SESSION_KEY) if getattr(request, "tenant", None) else None
        if session_id is not None:
            if not support.touch(session_id, request.tenant):
                logout(request)
                return render(request, "console/support_ended.html", {"desa": current_desa()}, status=403)
        return self.get_response(request)


class TenantRedirectMiddleware(RedirectMiddleware):
    """Wagtail's redirects live in each desa's schema: on the platform's own domain (console, portal) there are
    none, and looking them up there would turn every 404 into a 500 (no wagtailcore_site table in public)."""

    def process_response(self, request, response):
        if getattr(request, "tenant", None) is None:
            return response
        return super().process_response(request, response)
