"""The phone menu: one "Menu" button that works without JavaScript, names the section the visitor is in and opens
the same links as the wide-screen menu, in every theme. (Where the page starts on a 360×740 screen is measured in
a real browser by bench/pages.py.)"""

import re

import pytest
from wagtail.models import Page

from .helpers import use_theme

pytestmark = pytest.mark.django_db
THEMES = ["klasik", "modern", "hijau"]


def phone_menu(html: str) -> tuple[str, list[str]]:
    found = re.findall(r'<details class="menu-toggle">(.*?)</details>', html, re.S)
    assert len(found) == 1, "one phone menu"
    summary = re.search(r"<summary>(.*?)</summary>", found[0], re.S).group(1)
    return " ".join(re.sub(r"<[^>]+>", " ", summary).split()), re.findall(r'href="([^"]+)"', found[0])


def wide_menu_links(html: str) -> list[str]:
    nav = re.search(r'<nav class="main-nav" aria-label="Menu utama">(.*?)</nav>', html, re.S).group(1)
    return re.findall(r'href="([^"]+)"', nav)


@pytest.mark.parametrize("theme", THEMES)
def test_the_phone_menu_names_the_current_section_and_opens_every_link(client_a, theme):
    use_theme(client_a, theme)
    with client_a.schema():
        article = Page.objects.get(depth=3, slug="berita").get_children().live().first()
        url = article.url if article else "/berita/"
    html = client_a.get(url).content.decode()
    label, links = phone_menu(html)
    assert label.startswith("Menu") and label.endswith("Berita"), label
    assert ", bagian ini:" in label  # what a screen reader says between the two
    assert links == wide_menu_links(html) and "/" in links and len(links) > 5
    assert not re.search(r"<script(?! type=\"application/ld\+json\")", html), "no script runs the menu"
    home_label, _ = phone_menu(client_a.get("/").content.decode())
    assert home_label.endswith("Beranda")


@pytest.mark.parametrize("theme", THEMES)
def test_a_page_outside_the_menu_shows_just_menu(client_a, theme):
    use_theme(client_a, theme)
    label, _ = phone_menu(client_a.get("/cari/?q=surat").content.decode())
    assert label == "Menu"
