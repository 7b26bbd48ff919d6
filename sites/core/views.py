"""Site-wide views of a desa that are not pages."""

import io
import logging
from functools import lru_cache

from django.http import HttpResponse, HttpResponseServerError
from django.shortcuts import redirect
from django.template import loader
from django.views.decorators.http import require_GET
from PIL import Image, ImageDraw

from desa_platform.tenancy.current import current_desa
from desa_platform.tenancy.themes import current_theme

logger = logging.getLogger(__name__)


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


@lru_cache(maxsize=1)
def default_favicon() -> bytes:
    """The platform's icon for a desa without a logo: a green disc with a white rice-field stripe, as ICO."""
    image = Image.new("RGBA", (64, 64), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.ellipse((2, 2, 61, 61), fill=(21, 101, 52, 255))
    for y in (26, 36, 46):
        draw.line((14, y, 50, y - 6), fill=(255, 255, 255, 255), width=4)
    buffer = io.BytesIO()
    image.save(buffer, "ICO", sizes=[(16, 16), (32, 32), (48, 48)])
    return buffer.getvalue()


@require_GET
def favicon(request):
    """/favicon.ico: the desa's logo (a small square rendition) when it has one, else the platform's icon."""
    from .models import PengaturanDesa

    logo = PengaturanDesa.load(request_or_site=request).logo
    if logo is not None:
        try:
            return redirect(logo.get_rendition("fill-64x64|format-png").url)
        except Exception:  # a logo whose file is missing: the platform icon rather than an error
            logger.warning("favicon: logo %s has no usable file", logo.pk)
    response = HttpResponse(default_favicon(), content_type="image/x-icon")
    response["Cache-Control"] = "public, max-age=86400"
    return response
