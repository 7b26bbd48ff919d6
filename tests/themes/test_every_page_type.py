"""Every theme shows every page type, the search page, 404 and 500 (a theme overrides some templates and falls
back to themes/_base for the rest)."""

import re

import pytest
from django.apps import apps
from django.conf import settings
from django.db import connection
from django.template.loader import get_template
from django.test import RequestFactory
from wagtail.models import Page

from desa_platform.tenancy.themes import available_themes
from sites.core.views import server_error

from .helpers import stylesheet_of, use_theme

pytestmark = pytest.mark.django_db
THEMES = ["klasik", "modern", "hijau"]


def css_classes(path) -> set[str]:
    return set(re.findall(r"\.([a-z][a-z0-9-]*)", path.read_text()))


@pytest.mark.parametrize("theme", THEMES)
def test_every_live_page_search_and_404_render_in_the_theme(client_a, theme):
    use_theme(client_a, theme)
    with client_a.schema():
        urls = [page.url for page in Page.objects.live().filter(depth__gte=2).specific()]
    assert len(urls) > 10
    for url in [*urls, "/cari/", "/cari/?q=surat", "/cari/?q=tidakadahasilnya"]:
        response = client_a.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        assert stylesheet_of(html) == theme, url
        assert 'class="skip" href="#isi"' in html and '<main id="isi"' in html, url
    missing = client_a.get("/halaman-yang-tidak-ada/")
    assert missing.status_code == 404 and stylesheet_of(missing.content.decode()) == theme


@pytest.mark.parametrize("theme", THEMES)
def test_the_500_page_comes_in_the_theme_without_the_database(desa_a, theme):
    desa_a.theme = theme
    connection.set_tenant(desa_a)
    response = server_error(RequestFactory().get("/"))
    assert response.status_code == 500
    assert stylesheet_of(response.content.decode()) == theme


@pytest.mark.parametrize("theme", THEMES)
def test_every_page_model_has_a_template_in_every_theme(desa_a, theme):
    desa_a.theme = theme
    connection.set_tenant(desa_a)
    models = [m for m in apps.get_models() if issubclass(m, Page) and m.__module__.startswith("sites.")]
    assert len(models) > 10
    for model in models:
        assert get_template(model().get_template(RequestFactory().get("/"))), model


@pytest.mark.parametrize("theme", ["modern", "hijau"])
def test_each_theme_styles_every_class_the_reference_theme_styles(theme):
    """klasik is the reference: a class that the shared templates need styled must be styled in every theme."""
    reference = css_classes(settings.THEMES_DIR / "klasik" / "static" / "css" / "site.css")
    missing = reference - css_classes(settings.THEMES_DIR / theme / "static" / "css" / "site.css")
    assert not missing, f"{theme} lacks: {sorted(missing)}"


def test_every_theme_folder_is_only_templates_and_static_files():
    for theme in available_themes():
        folder = settings.THEMES_DIR / theme
        assert (folder / "static" / "css" / "site.css").is_file(), theme
        assert not [p for p in folder.rglob("*.py")], f"{theme} holds Python"
