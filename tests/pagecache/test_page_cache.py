import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page


def publish_title(client, title):
    with client.schema():
        home = Page.objects.get(depth=2).specific
        home.title = title
        home.save_revision().publish()


@pytest.mark.django_db
def test_second_anonymous_visit_is_served_from_cache(client_a):
    first, second = client_a.get("/"), client_a.get("/")
    assert (first["X-Cache"], second["X-Cache"]) == ("MISS", "HIT")
    assert second.content == first.content
    assert "public" in second["Cache-Control"] and second["ETag"] and second["Last-Modified"]


@pytest.mark.django_db
def test_cached_page_of_one_desa_is_never_served_on_another(client_a, client_b):
    client_a.get("/")
    assert client_a.get("/")["X-Cache"] == "HIT"
    page_b = client_b.get("/")
    assert page_b["X-Cache"] == "MISS"
    assert "Desa Uji B" in page_b.text and "Desa Uji A" not in page_b.text


@pytest.mark.django_db
def test_publishing_refreshes_that_desa_only(client_a, client_b):
    client_a.get("/"), client_b.get("/")
    publish_title(client_a, "Beranda Baru A")
    fresh = client_a.get("/")
    assert fresh["X-Cache"] == "MISS"
    assert client_b.get("/")["X-Cache"] == "HIT"


@pytest.mark.django_db
def test_unpublished_page_disappears_from_the_cache(client_a):
    with client_a.schema():
        page = Page.objects.get(depth=2).add_child(instance=Page(title="Sementara", slug="sementara"))
    assert client_a.get("/sementara/").status_code == 200
    assert client_a.get("/sementara/")["X-Cache"] == "HIT"
    with client_a.schema():
        page.unpublish()
    assert client_a.get("/sementara/").status_code == 404


@pytest.mark.django_db
def test_logged_in_editors_and_posts_bypass_the_cache(client_a):
    client_a.get("/")
    client_a.cookies["sessionid"] = "anything"
    assert "X-Cache" not in client_a.get("/")
    del client_a.cookies["sessionid"]
    assert "X-Cache" not in client_a.post("/")


@pytest.mark.django_db
def test_unknown_query_strings_bypass_the_cache(client_a):
    client_a.get("/?utm=1")
    assert "X-Cache" not in client_a.get("/?utm=1")


@pytest.mark.django_db
def test_browser_revalidation_gets_304(client_a):
    etag = client_a.get("/")["ETag"]
    assert client_a.get("/", HTTP_IF_NONE_MATCH=etag).status_code == 304


@pytest.mark.django_db
def test_routing_a_known_host_costs_no_query(client_a, client_b):
    client_a.get("/"), client_b.get("/")
    with CaptureQueriesContext(connection) as queries:
        assert client_a.get("/")["X-Cache"] == "HIT"
        assert client_b.get("/")["X-Cache"] == "HIT"
    assert [q["sql"] for q in queries.captured_queries] == []


@pytest.mark.django_db
def test_uncached_page_does_not_query_domains_or_content_types(client_a, client_b):
    client_a.get("/?page=1"), client_b.get("/?page=1")
    with CaptureQueriesContext(connection) as queries:
        client_a.get("/?page=2"), client_b.get("/?page=2"), client_a.get("/?page=3")
    sql = " ".join(q["sql"] for q in queries.captured_queries)
    assert "tenancy_domain" not in sql and "django_content_type" not in sql


@pytest.mark.django_db
def test_a_rendition_made_on_first_view_keeps_the_cache(client_a):
    from wagtail.images.tests.utils import get_test_image_file

    with client_a.schema():
        from wagtail.images.models import Image

        image = Image.objects.create(title="Foto", file=get_test_image_file())
    client_a.get("/")
    with client_a.schema():
        image.get_rendition("width-100")
    assert client_a.get("/")["X-Cache"] == "HIT"


@pytest.mark.django_db
def test_pagination_of_lists_is_cached_per_page(client_a):
    client_a.get("/?halaman=2")
    assert client_a.get("/?halaman=2")["X-Cache"] == "HIT"
    assert client_a.get("/?halaman=3")["X-Cache"] == "MISS"


@pytest.mark.django_db
def test_a_link_shared_on_whatsapp_or_facebook_is_served_from_the_cache(client_a):
    client_a.get("/")
    assert client_a.get("/?fbclid=IwAR0abc&utm_source=whatsapp")["X-Cache"] == "HIT"


@pytest.mark.django_db
def test_home_sections_are_fresh_after_a_publish_even_for_editors(client_a, client_b):
    from sites.layanan.models import ServicePage

    client_a.cookies["sessionid"] = "editor"  # page cache bypassed: only the fragment cache is in play
    assert "Surat Domisili Kilat" not in client_a.get("/").text
    assert "Surat Domisili Kilat" not in client_a.get("/").text
    with client_a.schema():
        service = ServicePage.objects.filter(unggulan=True).first()
        service.title = "Surat Domisili Kilat"
        service.save_revision().publish()
    assert "Surat Domisili Kilat" in client_a.get("/").text
    client_b.cookies["sessionid"] = "editor"
    assert "Surat Domisili Kilat" not in client_b.get("/").text


@pytest.mark.django_db
def test_nginx_in_front_may_keep_public_pages_for_seconds_only(client_a, settings):
    settings.PAGE_PROXY_SECONDS = 10
    miss, hit = client_a.get("/"), client_a.get("/")
    for response in (miss, hit):
        assert 10 <= int(response["X-Accel-Expires"]) <= 15
    client_a.cookies["sessionid"] = "anything"  # an editor: never kept by nginx either
    assert "X-Accel-Expires" not in client_a.get("/")
