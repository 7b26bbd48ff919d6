"""A page view that misses the page cache reuses the desa's Site, settings, menu and restriction check from the
worker's memo (desa_platform/pagecache/memo.py): no query for them, yet every edit shows on the next view, and
one desa's answers never reach another."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django_tenants.utils import schema_context
from wagtail.models import Page, PageViewRestriction

from desa_platform.pagecache import store
from desa_platform.tenancy.services import domains
from desa_platform.tenancy.services.provisioning import DesaSpec, create_desa
from sites.core.models import PengaturanDesa

UNCACHED = "/?cari=1"  # a query the page cache does not keep: Wagtail renders the page every time


@pytest.mark.django_db
def test_second_uncached_home_view_makes_no_query(client_a):
    assert client_a.get(UNCACHED).status_code == 200
    with CaptureQueriesContext(connection) as queries:
        response = client_a.get(UNCACHED)
    assert response.status_code == 200 and "X-Cache" not in response
    assert [q["sql"] for q in queries.captured_queries if not q["sql"].startswith("SET ")] == []


@pytest.mark.django_db
def test_changed_settings_show_on_the_next_view_of_that_desa_only(client_a, client_b):
    client_a.get(UNCACHED), client_b.get(UNCACHED)
    with client_a.schema():
        row = PengaturanDesa.base_queryset().first() or PengaturanDesa()
        row.tagline = "Desa tangguh bencana"
        row.save()
    assert "Desa tangguh bencana" in client_a.get(UNCACHED).text
    assert "Desa tangguh bencana" not in client_b.get(UNCACHED).text


@pytest.mark.django_db
def test_renamed_menu_page_shows_at_once_and_only_in_that_desa(client_a, client_b):
    client_a.get(UNCACHED), client_b.get(UNCACHED)
    with client_a.schema():
        profil = Page.objects.get(slug="profil").specific
        profil.title = "Tentang Kami"
        profil.save_revision().publish()
    assert ">Tentang Kami</a>" in client_a.get(UNCACHED).text
    page_b = client_b.get(UNCACHED).text
    assert ">Tentang Kami</a>" not in page_b and ">Profil</a>" in page_b


@pytest.mark.django_db
def test_restricting_a_page_takes_effect_on_the_next_view(client_a, client_b):
    assert client_a.get("/profil/").status_code == 200
    assert client_a.get("/profil/")["X-Cache"] == "HIT"
    with client_a.schema():
        PageViewRestriction.objects.create(
            page=Page.objects.get(slug="profil"), restriction_type=PageViewRestriction.PASSWORD, password="rahasia"
        )
    locked = client_a.get("/profil/")
    assert "password" in locked.text.lower() and "X-Cache" not in locked
    assert client_b.get("/profil/").status_code == 200  # the other desa restricted nothing


@pytest.mark.django_db
def test_publishing_renews_the_generation_again_once_committed(client_a, django_capture_on_commit_callbacks):
    with client_a.schema():
        with django_capture_on_commit_callbacks(execute=False) as after_commit:
            home = Page.objects.get(depth=2).specific
            home.title = "Beranda Baru"
            home.save_revision().publish()
            during = store.generation()
        assert after_commit
        for callback in after_commit:
            callback()
        # A visitor served while the publish was being committed saw the old page under `during`.
        assert store.generation() != during


@pytest.mark.django_db
def test_new_primary_domain_shows_in_links_at_once(client_a, desa_a):
    assert 'href="http://uji-a.test/"' in client_a.get(UNCACHED).text  # canonical link, memo filled
    domains.add_alias(desa_a, "www.uji-a.test")
    domains.set_primary(desa_a, "www.uji-a.test")
    page = Client(HTTP_HOST="www.uji-a.test").get(UNCACHED).text
    assert '<link rel="canonical" href="http://www.uji-a.test/' in page


@pytest.mark.django_db
def test_a_preview_with_unsaved_text_never_reaches_visitors(client_a):
    with client_a.schema():
        home = Page.objects.get(depth=2).specific
        home.intro = "<p>DRAF RAHASIA</p>"  # not saved: what an editor sees in the preview pane
        preview = home.make_preview_request()
    assert "DRAF RAHASIA" in preview.content.decode()
    for path in ("/", UNCACHED):
        assert "DRAF RAHASIA" not in client_a.get(path).text


@pytest.mark.django_db
def test_a_desa_made_again_with_the_same_slug_starts_a_new_generation(desa_a):
    # What a deleted desa of the same slug (and so the same schema name) left in the shared cache.
    with schema_context("ulang"):
        left_behind = store.generation()
    desa = create_desa(DesaSpec(slug="ulang", name="Desa Ulang", domains=["ulang.test"], kecamatan="Jenu"))
    assert desa.schema_name == "ulang"
    with schema_context(desa.schema_name):
        assert store.generation() != left_behind  # so no page, fragment or memo of the old one is used
