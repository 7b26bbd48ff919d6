"""Shared by the theme tests: which theme a rendered page came from, as a visitor could tell."""

from desa_platform.tenancy.services.appearance import set_theme


def stylesheet_of(html: str) -> str:
    """The theme whose stylesheet the page links."""
    marker = "/static/themes/"
    start = html.index(marker) + len(marker)
    return html[start : html.index("/", start)]


def use_theme(client, theme: str) -> None:
    set_theme(client.desa, theme)
    client.desa.refresh_from_db()
