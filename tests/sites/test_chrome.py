"""The header, menu, footer and <head> of an uncached article come from the worker's memo
(`{% memo_fragment %}`, sites/core/templatetags/fragment_tags.py): yet every edit of the menu, the settings or a
page title shows on the next uncached article, each page marks its own place in the menu, and one desa's chrome
never reaches another."""

import pytest
from django.test import Client
from wagtail.models import Page

from desa_platform.tenancy.services import domains
from sites.core.models import PengaturanDesa
from tests.sites import text

pytestmark = pytest.mark.django_db

UNCACHED = "?bench=1"  # a query the page cache does not keep: Wagtail renders the article every time


def real_article(client) -> str:
    """The benchmark's article (bench/real_article.py, with photo, tags and related articles); its URL."""
    from bench import real_article as bench_article

    with client.schema():
        return bench_article.ensure("jalan-poros-dicor")


def warm(*clients) -> list[str]:
    """Each desa's article, viewed once so this worker's memo holds its chrome; their URLs."""
    urls = []
    for client in clients:
        url = real_article(client) + UNCACHED
        assert client.get(url).status_code == 200
        urls.append(url)
    return urls


def current_menu_items(html: str) -> list[str]:
    import re

    return re.findall(r'<a href="([^"]*)" aria-current="page">', html)


def test_renamed_menu_page_shows_on_the_next_uncached_article_of_that_desa_only(client_a, client_b):
    url_a, url_b = warm(client_a, client_b)
    with client_a.schema():
        profil = Page.objects.get(slug="profil").specific
        profil.title = "Tentang Kami"
        profil.save_revision().publish()
    page_a, page_b = client_a.get(url_a).text, client_b.get(url_b).text
    assert ">Tentang Kami</a>" in page_a and ">Profil</a>" not in page_a
    assert ">Tentang Kami</a>" not in page_b and ">Profil</a>" in page_b


def test_a_page_taken_out_of_the_menu_leaves_the_next_uncached_article(client_a):
    (url,) = warm(client_a)
    assert ">Profil</a>" in client_a.get(url).text
    with client_a.schema():
        profil = Page.objects.get(slug="profil").specific
        profil.show_in_menus = False
        profil.save_revision().publish()
    assert ">Profil</a>" not in client_a.get(url).text


def test_changed_settings_show_in_header_footer_and_json_ld_of_that_desa_only(client_a, client_b):
    url_a, url_b = warm(client_a, client_b)
    with client_a.schema():
        row = PengaturanDesa.base_queryset().first() or PengaturanDesa()
        row.tagline = "Desa tangguh bencana"
        row.telepon = "(0356) 777888"
        row.save()
    page_a = client_a.get(url_a).text
    assert '<span class="brand-tagline">Desa tangguh bencana</span>' in page_a  # header
    assert "Telepon: <a" in page_a and "(0356) 777888</a>" in page_a  # footer
    assert '"telephone": "(0356) 777888"' in page_a  # the organisation's JSON-LD in <head>
    page_b = client_b.get(url_b).text
    assert "Desa tangguh bencana" not in page_b and "777888" not in page_b


def test_each_desa_shows_its_own_name_in_the_chrome(client_a, client_b):
    url_a, url_b = warm(client_a, client_b)
    for client, url, other in ((client_a, url_a, client_b), (client_b, url_b, client_a)):
        page = client.get(url).text
        assert f'<span class="brand-name">{client.desa.display_name}</span>' in page
        assert other.desa.display_name not in text(client.get(url))


def test_each_page_marks_its_own_place_in_the_menu(client_a):
    (url,) = warm(client_a)
    assert current_menu_items(client_a.get(url).text) == ["/berita/", "/berita/"]  # wide menu and phone menu
    assert current_menu_items(client_a.get("/profil/" + UNCACHED).text) == ["/profil/", "/profil/"]
    assert current_menu_items(client_a.get("/" + UNCACHED).text) == ["/", "/"]
    assert current_menu_items(client_a.get(url).text) == ["/berita/", "/berita/"]


def test_the_search_box_keeps_a_query_only_on_its_own_results(client_a):
    (url,) = warm(client_a)
    assert 'value="jalan poros"' in client_a.get("/cari/?q=jalan+poros").text
    assert 'name="q" placeholder="Cari…" value=""' in client_a.get(url).text


def test_a_new_primary_domain_shows_in_the_organisation_json_ld_at_once(client_a, desa_a):
    (url,) = warm(client_a)
    domains.add_alias(desa_a, "www.uji-a.test")
    domains.set_primary(desa_a, "www.uji-a.test")
    page = Client(HTTP_HOST="www.uji-a.test").get(url).text
    assert '"url": "http://www.uji-a.test/"' in page and '"url": "http://uji-a.test/"' not in page
