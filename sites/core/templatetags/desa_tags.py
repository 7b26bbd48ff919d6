"""Template tags every desa template may use: `{% load desa_tags %}`.

Dates are written in Indonesian by hand, not through Django's locale machinery, so "7 November 2019" comes
out the same whatever language the request (or the admin user) happens to use.
"""

import datetime
import json
from decimal import Decimal

from django import template
from django.templatetags.static import static
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from wagtail.models import Page, Site
from wagtail.rich_text import RichText
from wagtail.whitelist import check_url

from desa_platform.pagecache import memo

register = template.Library()

BULAN = [
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
]
HARI = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"]


def _local(value):
    if isinstance(value, datetime.datetime) and timezone.is_aware(value):
        return timezone.localtime(value)
    return value


def nama_bulan(month: int) -> str:
    return BULAN[int(month) - 1]


@register.filter
def tanggal(value) -> str:
    """7 November 2019"""
    if not value:
        return ""
    value = _local(value)
    return f"{value.day} {BULAN[value.month - 1]} {value.year}"


@register.filter
def tanggal_hari(value) -> str:
    """Kamis, 7 November 2019"""
    if not value:
        return ""
    value = _local(value)
    return f"{HARI[value.weekday()]}, {tanggal(value)}"


@register.filter
def jam(value) -> str:
    """09.00 (Indonesian writes hours with a dot)."""
    if not value:
        return ""
    value = _local(value)
    return f"{value.hour:02d}.{value.minute:02d}"


@register.filter
def tanggal_jam(value) -> str:
    """7 November 2019, 09.00 WIB"""
    if not value:
        return ""
    suffix = " WIB" if str(timezone.get_current_timezone()) == "Asia/Jakarta" else ""
    return f"{tanggal(value)}, {jam(value)}{suffix}"


@register.filter
def bulan_tahun(value) -> str:
    """November 2019"""
    if not value:
        return ""
    value = _local(value)
    return f"{BULAN[value.month - 1]} {value.year}"


@register.filter
def angka(value, decimals=0) -> str:
    """1.234.567 (or 1.234,50 with `|angka:2`): Indonesian grouping, whatever the active locale."""
    if value is None or value == "":
        return ""
    try:
        number = Decimal(str(value))
    except ArithmeticError:
        return str(value)
    decimals = int(decimals)
    text = f"{number:,.{decimals}f}"  # 1,234,567.50
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


@register.filter
def angka_ringkas(value) -> str:
    """A figure with its decimals only when it has any: 12 → '12', 12.50 → '12,5'."""
    if value is None or value == "":
        return ""
    number = Decimal(str(value))
    if number == number.to_integral_value():
        return angka(number)
    text = angka(number, 2).rstrip("0")
    return text


@register.filter
def rupiah(value) -> str:
    """Rp 1.234.567"""
    if value is None or value == "":
        return ""
    return f"Rp {angka(value)}"


@register.filter
def richtext_safe(value) -> str:
    """Wagtail's |richtext, minus links whose scheme is not http(s), mailto or tel (javascript:, data:…).

    The admin editor already refuses them; this also covers text that arrived another way (an import, a script).
    """
    from bs4 import BeautifulSoup

    html = str(RichText(value)) if not isinstance(value, RichText) else str(value)
    if "href" not in html:
        return mark_safe(html)  # noqa: S308 - Wagtail's own rich text output
    soup = BeautifulSoup(html, "html.parser")
    for link in soup.find_all(href=True):
        if check_url(link["href"]) is None:
            del link["href"]
    return mark_safe(str(soup))  # noqa: S308 - parsed and re-serialised, unsafe links removed


def _home(request):
    """The desa's home page (root of its one Site), cached on the request."""
    if request is None:
        return None
    if not hasattr(request, "_desa_home"):
        site = Site.find_for_request(request)
        request._desa_home = site.root_page if site else None
    return request._desa_home


@register.simple_tag(takes_context=True)
def main_menu(context) -> list[dict]:
    """Top navigation: the home page's live children with 'Tampilkan di menu' ticked, in tree order."""
    request = context.get("request")
    home = _home(request)
    if home is None:
        return []
    current_path = getattr(context.get("page"), "path", "")

    def load():
        return [(child.title, child.get_url(request), child.path) for child in home.get_children().live().in_menu()]

    return [
        {"title": title, "url": url, "active": bool(current_path) and current_path.startswith(path)}
        for title, url, path in memo.remember("main_menu", load)
    ]


@register.simple_tag(takes_context=True)
def breadcrumbs(context) -> list:
    """The pages from the desa's home down to the current one, which is left out (base.html prints its title).

    A view below a page (a news category, the search page) sets `crumb_current`; then the page itself is a link.
    """
    page = context.get("page")
    request = context.get("request")
    home = _home(request)
    sub_view = bool(context.get("crumb_current"))
    if home is None:
        return []
    if page is None:
        return [home] if sub_view else []
    if getattr(page, "depth", 0) < home.depth or (page.depth == home.depth and not sub_view):
        return []
    crumbs = _ancestors_below(home, page)
    return crumbs + [page] if sub_view else crumbs


def _ancestors_below(home, page) -> list:
    """The page's ancestors from the desa's home down; shared by the pages of one parent for a content generation."""
    paths = [page.path[: depth * page.steplen] for depth in range(home.depth, page.depth)]
    if not paths:
        return []
    return memo.remember(f"ancestors:{paths[-1]}", lambda: list(Page.objects.filter(path__in=paths).order_by("depth")))


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
        settings = _pengaturan(context)
        image = getattr(settings, "logo", None)
    if image is None:
        return ""
    rendition = image.get_rendition("fill-1200x630-c50" if image.width >= 600 else "original")
    return full_url(context, rendition.url)


def _pengaturan(context):
    """The settings row from the context processor (never created on a page view)."""
    return context.get("pengaturan")


def _json_ld_script(data: dict) -> str:
    text = json.dumps(data, ensure_ascii=False, default=str)
    # Inside <script>, "</" would end the element: escape the characters HTML cares about.
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return mark_safe(f'<script type="application/ld+json">{text}</script>')  # noqa: S308 - escaped above


def organisation_data(context) -> dict:
    desa = context.get("desa")
    request = context.get("request")
    settings = _pengaturan(context)
    home = _home(request)
    url = home.get_full_url(request) if home is not None else getattr(desa, "url", "")
    data = {
        "@context": "https://schema.org",
        "@type": "GovernmentOrganization",
        "name": getattr(desa, "display_name", ""),
        "url": url,
    }
    address = {"@type": "PostalAddress", "addressCountry": "ID"}
    if settings and settings.alamat:
        address["streetAddress"] = " ".join(settings.alamat.split())
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
    if settings:
        if settings.telepon:
            data["telephone"] = settings.telepon
        if settings.email:
            data["email"] = settings.email
        if settings.social_links:
            data["sameAs"] = [link for _label, link in settings.social_links]
        if settings.logo:
            data["logo"] = full_url(context, settings.logo.get_rendition("max-512x512").url)
        if settings.has_location:
            data["geo"] = {
                "@type": "GeoCoordinates",
                "latitude": float(settings.latitude),
                "longitude": float(settings.longitude),
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
