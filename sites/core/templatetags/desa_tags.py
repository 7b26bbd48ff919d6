"""Template tags every desa template may use: `{% load desa_tags %}`.

The formatting filters (`|tanggal`, `|angka`, `|rupiah`…) are plain functions in `sites/core/formatting.py`,
registered here; menu and breadcrumbs live in `navigation_tags.py`, `{% memo_fragment %}` in `fragment_tags.py`;
both are registered here too, so the one `{% load desa_tags %}` every theme's templates start with gives them.
"""

import json

from django import template
from django.templatetags.static import static
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from wagtail.images.models import Filter
from wagtail.images.templatetags import wagtailimages_tags
from wagtail.rich_text import RichText, expand_db_html
from wagtail.whitelist import check_url

from sites.core import renditions
from sites.core.formatting import angka, angka_ringkas, bulan_tahun, jam, rupiah, tanggal, tanggal_hari, tanggal_jam

from . import fragment_tags, navigation_tags
from .navigation_tags import home_page

register = template.Library()
register.tags.update(navigation_tags.register.tags)
register.tags.update(fragment_tags.register.tags)

for _filter in (tanggal, tanggal_hari, jam, tanggal_jam, bulan_tahun, angka, angka_ringkas, rupiah):
    register.filter(_filter.__name__, _filter)


@register.filter
def richtext_safe(value) -> str:
    """Wagtail's |richtext, minus links whose scheme is not http(s), mailto or tel (javascript:, data:…).

    The admin editor already refuses them; this also covers text that arrived another way (an import, a script).
    """
    from bs4 import BeautifulSoup

    # Wagtail's RichText renders "wagtailcore/shared/richtext.html" ({{ html|safe }}) around the expanded HTML: the
    # same text without a template render per paragraph.
    html = expand_db_html((value.source if isinstance(value, RichText) else value) or "")
    if "href" not in html:
        return mark_safe(html)  # noqa: S308 - Wagtail's own rich text output
    soup = BeautifulSoup(html, "html.parser")
    for link in soup.find_all(href=True):
        if check_url(link["href"]) is None:
            del link["href"]
    return mark_safe(str(soup))  # noqa: S308 - parsed and re-serialised, unsafe links removed


class SrcsetImageNode(wagtailimages_tags.SrcsetImageNode):
    """Wagtail's `{% srcset_image %}` with one Filter per spec for the life of the template (renditions.filter_for)."""

    def get_filters(self):
        return [renditions.filter_for(spec) for spec in Filter.expand_spec(self.filter_specs)]


@register.tag("srcset_image")
def srcset_image(parser, token):
    """`{% srcset_image %}`, as Wagtail's (same arguments, same HTML), for templates that load desa_tags after
    wagtailimages_tags: Wagtail parses each spec's operations again on every view, a third of a picture's cost."""
    node = wagtailimages_tags.image(parser, token)
    return SrcsetImageNode(node.image_expr, node.filter_specs, node.output_var_name, node.attrs)


@register.simple_tag(takes_context=True)
def canonical_url(context) -> str:
    """The page's own full URL without query string, so aliases and ?utm= links point search engines home.

    A view that serves a sub-URL of a page (a category, a month archive) puts `canonical_path` in the context.
    """
    request = context.get("request")
    page = context.get("page")
    path = context.get("canonical_path")
    if path:
        return full_url(context, path)
    if page is not None and hasattr(page, "get_full_url"):
        url = page.get_full_url(request)
        if url:
            return url
    if request is not None:
        return request.build_absolute_uri(request.path)
    return ""


@register.simple_tag(takes_context=True)
def full_url(context, url: str) -> str:
    """An absolute URL for a path (OpenGraph and feeds want absolute URLs)."""
    request = context.get("request")
    if not url or url.startswith(("http://", "https://")) or request is None:
        return url or ""
    return request.build_absolute_uri(url)


@register.simple_tag(takes_context=True)
def og_image_url(context, image=None) -> str:
    """Absolute URL of a 1200×630 rendition of `image` (or the page's listing image, or the desa logo)."""
    if image is None:
        page = context.get("page")
        image = getattr(page, "listing_image", None)
    if image is None:
        pengaturan = _pengaturan(context)
        image = getattr(pengaturan, "logo", None)
    if image is None:
        return ""
    rendition = renditions.rendition(image, "fill-1200x630-c50" if image.width >= 600 else "original")
    return full_url(context, rendition.url)


def _pengaturan(context):
    """The PengaturanDesa row from the context processor (never created on a page view)."""
    return context.get("pengaturan")


def _json_ld_script(data: dict) -> str:
    text = json.dumps(data, ensure_ascii=False, default=str)
    # Inside <script>, "</" would end the element: escape the characters HTML cares about.
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return mark_safe(f'<script type="application/ld+json">{text}</script>')  # noqa: S308 - escaped above


def organisation_data(context) -> dict:
    desa = context.get("desa")
    request = context.get("request")
    pengaturan = _pengaturan(context)
    home = home_page(request)
    url = home.get_full_url(request) if home is not None else getattr(desa, "url", "")
    data = {
        "@context": "https://schema.org",
        "@type": "GovernmentOrganization",
        "name": getattr(desa, "display_name", ""),
        "url": url,
    }
    address = {"@type": "PostalAddress", "addressCountry": "ID"}
    if pengaturan and pengaturan.alamat:
        address["streetAddress"] = " ".join(pengaturan.alamat.split())
    for key, attr in (
        ("addressLocality", "kecamatan"),
        ("addressRegion", "provinsi"),
        ("postalCode", "kode_pos"),
    ):
        if getattr(desa, attr, ""):
            address[key] = getattr(desa, attr)
    if getattr(desa, "kabupaten", ""):
        address["addressLocality"] = ", ".join(
            part for part in (getattr(desa, "kecamatan", ""), f"Kabupaten {desa.kabupaten}") if part
        )
    data["address"] = address
    if pengaturan:
        if pengaturan.telepon:
            data["telephone"] = pengaturan.telepon
        if pengaturan.email:
            data["email"] = pengaturan.email
        if pengaturan.social_links:
            data["sameAs"] = [link for _label, link in pengaturan.social_links]
        if pengaturan.logo:
            data["logo"] = full_url(context, pengaturan.logo.get_rendition("max-512x512").url)
        if pengaturan.has_location:
            data["geo"] = {
                "@type": "GeoCoordinates",
                "latitude": float(pengaturan.latitude),
                "longitude": float(pengaturan.longitude),
            }
    return data


@register.simple_tag(takes_context=True)
def organisation_json_ld(context) -> str:
    """schema.org GovernmentOrganization for the desa, printed on every page."""
    if context.get("desa") is None:
        return ""
    return _json_ld_script(organisation_data(context))


@register.simple_tag(takes_context=True)
def page_json_ld(context) -> str:
    """The page's own schema.org data (articles, events), when its type has any."""
    page = context.get("page")
    data = page.json_ld(context.get("request")) if hasattr(page, "json_ld") else None
    return _json_ld_script(data) if data else ""


@register.simple_tag
def theme_static(theme: str, path: str) -> str:
    """URL of a theme's static file, e.g. {% theme_static theme 'css/site.css' %}."""
    return static(f"themes/{theme}/{path}")


@register.simple_tag(takes_context=True)
def share_links(context, title: str = "", url: str = "") -> list[tuple[str, str]]:
    """Plain share links (no third-party script): WhatsApp, Facebook, X, Telegram, e-mail."""
    from urllib.parse import quote

    url = url or canonical_url(context)
    text = quote(f"{title} {url}".strip())
    u = quote(url, safe="")
    t = quote(title)
    return [
        ("WhatsApp", f"https://wa.me/?text={text}"),
        ("Facebook", f"https://www.facebook.com/sharer/sharer.php?u={u}"),
        ("X", f"https://x.com/intent/post?text={t}&url={u}"),
        ("Telegram", f"https://t.me/share/url?url={u}&text={t}"),
        ("Surel", f"mailto:?subject={t}&body={text}"),
    ]


@register.simple_tag
def bar_style(percent) -> str:
    """style attribute value for a CSS bar of `percent` width (0–100), clamped."""
    try:
        width = max(0.0, min(100.0, float(percent)))
    except (TypeError, ValueError):
        width = 0.0
    return format_html("width:{}%", f"{width:.1f}")
