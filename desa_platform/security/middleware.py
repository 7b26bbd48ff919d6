"""Outermost request checks and response headers, so they hold for every answer, page-cache hits included."""

from django.conf import settings
from django.http import HttpResponseBadRequest

# Public pages, portal and console: no script may run but our own files (there are no inline scripts);
# inline style attributes stay allowed (theme colours). Embeds are iframes of the big video sites.
STRICT_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: https:; "
    "font-src 'self' data:; connect-src 'self'; media-src 'self' https:; "
    "frame-src https://www.youtube.com https://www.youtube-nocookie.com https://player.vimeo.com "
    "https://www.google.com; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
)
# The Wagtail admin ships inline scripts and previews pages in a same-origin iframe.
ADMIN_POLICY = (
    "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data: blob: https:; font-src 'self' data:; connect-src 'self'; media-src 'self' https:; "
    "frame-src 'self' https:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'"
)


def has_nul(request) -> bool:
    query = request.META.get("QUERY_STRING", "")
    return "\x00" in request.path_info or "\x00" in query or "%00" in query


class RejectNulBytesMiddleware:
    """A NUL byte cannot go into a PostgreSQL text value: a `?q=%00` used to reach a query and answer 500
    (search, console filters, the admin's search). Nothing we serve needs one."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if has_nul(request):
            return HttpResponseBadRequest(
                "Permintaan tidak sah: alamat memuat karakter yang tidak diizinkan.",
                content_type="text/plain; charset=utf-8",
            )
        return self.get_response(request)


class SecurityHeadersMiddleware:
    """Content-Security-Policy on HTML, and X-Frame-Options on everything, set here (outside the page cache)
    so a cached page carries them too; a view that set its own (Wagtail's preview: SAMEORIGIN) keeps it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if not getattr(response, "xframe_options_exempt", False):
            response.headers.setdefault("X-Frame-Options", getattr(settings, "X_FRAME_OPTIONS", "DENY"))
        if response.get("Content-Type", "").startswith("text/html"):
            admin = request.path_info.startswith("/admin/") and getattr(request, "tenant", None) is not None
            response.headers.setdefault("Content-Security-Policy", ADMIN_POLICY if admin else STRICT_POLICY)
        response.headers.setdefault("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()")
        return response
