"""Menu and breadcrumbs (as bakerydemo keeps them): `{% main_menu %}` and `{% breadcrumbs %}`.

Both are shared by every page of a desa for one content generation, so they come from the per-generation memo.
`desa_tags` registers these tags as well, so templates that load only `desa_tags` keep them.
"""

from dataclasses import dataclass

from django import template
from wagtail.models import Page, Site

from sites.core import memo

register = template.Library()


@dataclass(frozen=True)
class Crumb:
    title: str
    url: str


def home_page(request):
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
    home = home_page(request)
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
def menu_section(context) -> str:
    """What of the header changes from one page of a desa to the next: whether this is the home page and which
    menu item is the current one (the vary value of the header's `{% memo_fragment %}`)."""
    page = context.get("page")
    home = "home" if page is not None and getattr(page, "depth", None) == 2 else ""
    return home + "|" + " ".join(item["url"] for item in main_menu(context) if item["active"])


@register.simple_tag(takes_context=True)
def breadcrumbs(context) -> list[Crumb]:
    """The pages from the desa's home down to the current one, which is left out (base.html prints its title).

    A view below a page (a news category, the search page) sets `crumb_current`; then the page itself is a link.
    """
    page = context.get("page")
    request = context.get("request")
    home = home_page(request)
    sub_view = bool(context.get("crumb_current"))
    if home is None:
        return []
    if page is None:
        return [Crumb(home.title, home.get_url(request))] if sub_view else []
    if getattr(page, "depth", 0) < home.depth or (page.depth == home.depth and not sub_view):
        return []
    crumbs = _ancestors_below(home, page, request)
    return crumbs + [Crumb(page.title, page.get_url(request))] if sub_view else crumbs


def _ancestors_below(home, page, request) -> list[Crumb]:
    """The page's ancestors from the desa's home down; shared by the pages of one parent for a content generation."""
    paths = [page.path[: depth * page.steplen] for depth in range(home.depth, page.depth)]
    if not paths:
        return []

    def load():
        return [Crumb(p.title, p.get_url(request)) for p in Page.objects.filter(path__in=paths).order_by("depth")]

    return memo.remember(f"ancestors:{paths[-1]}", load)
