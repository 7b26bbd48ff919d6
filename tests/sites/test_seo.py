import datetime
import json
import re
import xml.etree.ElementTree as ET

import pytest

from sites.berita.models import BeritaIndexPage, BeritaPage
from sites.core.models import PengaturanDesa
from tests.sites import publish

pytestmark = pytest.mark.django_db

SITEMAP_NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def json_ld(html: str) -> list[dict]:
    return [json.loads(b) for b in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)]


def meta(html: str, key: str) -> str | None:
    match = re.search(rf'<meta (?:name|property)="{re.escape(key)}" content="([^"]*)"', html)
    return match.group(1) if match else None


def canonical(html: str) -> str | None:
    match = re.search(r'<link rel="canonical" href="([^"]*)"', html)
    return match.group(1) if match else None


def add_article(client, title, **fields):
    with client.schema():
        page = publish(
            BeritaIndexPage.objects.get(),
            BeritaPage(title=title, tanggal=datetime.date(2024, 3, 1), **fields),
        )
        return page.url


def test_sitemap_lists_only_the_desa_own_urls_on_its_own_host(client_a, client_b):
    add_article(client_a, "Kabar Sitemap A")
    add_article(client_b, "Kabar Sitemap B")
    for client, own, other in [(client_a, "uji-a.test", "uji-b.test"), (client_b, "uji-b.test", "uji-a.test")]:
        response = client.get("/sitemap.xml")
        assert response.status_code == 200
        urls = [loc.text for loc in ET.fromstring(response.content).findall("s:url/s:loc", SITEMAP_NS)]
        assert urls and all(url.startswith(f"http://{own}/") for url in urls), urls
        assert not any(other in url for url in urls)
        assert f"http://{own}/berita/" in urls
        assert any(url.endswith(f"/kabar-sitemap-{own[4]}/") for url in urls)
        assert not any(url.endswith(f"/kabar-sitemap-{other[4]}/") for url in urls)
        # drafts (the profile parts a desa has not written yet) are not announced
        assert f"http://{own}/profil/sejarah/" not in urls


def test_canonical_ignores_query_strings(client_a):
    html = client_a.get("/berita/?utm_source=wa").content.decode()
    assert canonical(html) == "http://uji-a.test/berita/"
    category = client_a.get("/berita/kategori/kesehatan/").content.decode()
    assert canonical(category) == "http://uji-a.test/berita/kategori/kesehatan/"


def test_meta_description_and_open_graph(client_a):
    url = add_article(
        client_a,
        "Penyaluran Pupuk Bersubsidi",
        ringkasan="Pupuk bersubsidi dibagikan kepada 212 petani anggota kelompok tani.",
    )
    html = client_a.get(url).content.decode()
    assert meta(html, "description") == "Pupuk bersubsidi dibagikan kepada 212 petani anggota kelompok tani."
    assert meta(html, "og:title") == "Penyaluran Pupuk Bersubsidi"
    assert meta(html, "og:url") == "http://uji-a.test/berita/penyaluran-pupuk-bersubsidi/"
    assert meta(html, "og:site_name") == "Desa Uji A"
    assert meta(html, "og:locale") == "id_ID"


def test_organisation_json_ld_on_every_page(client_a):
    with client_a.schema():
        PengaturanDesa.objects.create(telepon="(0356) 712345", facebook="https://facebook.com/desaujia")
    for url in ["/", "/profil/", "/berita/", "/cari/?q=desa"]:
        [org] = [b for b in json_ld(client_a.get(url).content.decode()) if b["@type"] == "GovernmentOrganization"]
        assert org["name"] == "Desa Uji A"
        assert org["url"] == "http://uji-a.test/"
        assert org["address"]["postalCode"] == "62352"
        assert org["address"]["addressLocality"] == "Jenu, Kabupaten Tuban"
        assert org["telephone"] == "(0356) 712345"
        assert org["sameAs"] == ["https://facebook.com/desaujia"]


def test_json_ld_cannot_be_broken_out_of(client_a):
    url = add_article(client_a, "Judul </script><script>alert(1)</script>")
    html = client_a.get(url).content.decode()
    assert "<script>alert(1)" not in html
    assert any(b.get("headline", "").startswith("Judul </script>") for b in json_ld(html))


def test_feed_is_linked_from_every_page_type(client_a):
    url = add_article(client_a, "Kabar Umpan")
    for path in ["/", "/profil/", "/pemerintahan/", "/berita/", url, "/cari/?q=x", "/tidak-ada/"]:
        html = client_a.get(path).content.decode()
        assert '<link rel="alternate" type="application/rss+xml" title="Berita Desa Uji A" href="/feed.xml">' in html, (
            path
        )


def test_an_article_without_a_summary_is_described_by_its_own_body(client_a):
    words = "Warga Dusun Krajan bergotong royong membersihkan saluran air sebelum musim hujan tiba. " * 4
    url = add_article(client_a, "Kerja Bakti Saluran", body=[("paragraph", f"<p>{words}</p>")])
    html = client_a.get(url + "?bench=1").content.decode()
    description = meta(html, "description")
    assert description.startswith("Warga Dusun Krajan bergotong royong") and description.endswith("…")
    assert len(description) == 160 and meta(html, "og:description") == description
    [article] = [b for b in json_ld(html) if b["@type"] == "NewsArticle"]
    assert article["description"] == description
    with client_a.schema():
        page = BeritaPage.objects.get(slug="kerja-bakti-saluran")
        assert page.get_meta_description() == description
        page.ringkasan = "Saluran air dusun dibersihkan bersama."  # as an editor's preview changes it
        assert page.get_meta_description() == "Saluran air dusun dibersihkan bersama."
        page.body = [("paragraph", "<p>Isi lain.</p>")]
        page.ringkasan = ""
        assert page.get_meta_description() == "Isi lain."
