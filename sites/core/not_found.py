"""The desa's own 404 page even with DEBUG on (the pilot, `run.py up`).

With DEBUG, Django answers a wrong URL with its technical page: English, 980 px wide, listing the internal URL
patterns. A resident of the pilot must see what production shows: themes/_base/templates/404.html in the
desa's look. Only Django's technical page is replaced (it carries a robots NONE meta); every other 404 stays.
"""

from django.conf import settings
from django.views.defaults import page_not_found

TECHNICAL_MARK = b'<meta name="robots" content="NONE,NOARCHIVE">'


class DesaNotFoundMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if (
            settings.DEBUG
            and response.status_code == 404
            and getattr(request, "tenant", None) is not None
            and getattr(request.tenant, "schema_name", "public") != "public"
            and TECHNICAL_MARK in getattr(response, "content", b"")
        ):
            return page_not_found(request, exception=None)
        return response
