"""Site-wide views of a desa that are not pages."""

from django.http import HttpResponse, HttpResponseServerError
from django.template import loader
from django.views.decorators.http import require_GET

from desa_platform.tenancy.current import current_desa
from desa_platform.tenancy.themes import current_theme


@require_GET
def robots_txt(request):
    """Crawlers may read everything public; the admin is not for them. The sitemap is on the desa's own host."""
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /cari/",
        "",
        f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


def server_error(request):
    """The 500 page in the desa's look, rendered without touching the database (it may be the thing that broke)."""
    try:
        desa = current_desa()
    except Exception:  # the error may be the database itself; the page must still come out
        desa = None
    try:
        html = loader.get_template("500.html").render({"desa": desa, "theme": current_theme()})
    except Exception:
        html = "<h1>Terjadi gangguan</h1><p>Silakan muat ulang halaman ini beberapa saat lagi.</p>"
    return HttpResponseServerError(html)
