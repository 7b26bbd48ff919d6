"""What a resident meets: no escape codes, the desa's own 404 page, an icon, descriptions, one source for the
kepala dusun, the office's contact details, and no 'Data contoh' on a public page."""

import datetime

import pytest
from django.test import override_settings
from wagtail.models import Page

from sites.berita.models import BeritaIndexPage, BeritaPage
from sites.core.models import PengaturanDesa
from sites.core.sample import samples
from sites.pemerintahan.models import PerangkatDesa
from sites.profil.models import Dusun, GeografiPage
from tests.admin.helpers import KEPALA_DESA, login
from tests.sites import home_page, make_image, publish, text

pytestmark = pytest.mark.django_db


def test_a_summary_with_an_ampersand_is_escaped_once_everywhere(client_a):
    with client_a.schema():
        publish(
            BeritaIndexPage.objects.get(),
            BeritaPage(
                title="Lomba Desa",
                tanggal=datetime.date(2024, 8, 17),
                body=[("paragraph", "<p>PKK &amp; Karang Taruna juara 1 &lt;tingkat kecamatan&gt;.</p>")],
            ),
        )
    for url in ("/berita/", "/", "/berita/lomba-desa/", "/berita/feed/"):
        html = client_a.get(url).content.decode()
        assert "&amp;amp;" not in html and "&amp;lt;" not in html, url
    listing = client_a.get("/berita/").content.decode()
    assert "PKK &amp; Karang Taruna juara 1 &lt;tingkat kecamatan&gt;." in listing
    article = client_a.get("/berita/lomba-desa/").content.decode()
    assert '<meta name="description" content="PKK &amp; Karang Taruna juara 1 &lt;tingkat kecamatan&gt;.">' in article


@override_settings(DEBUG=True)
def test_a_wrong_url_shows_the_desas_404_page_even_with_debug_on(client_a):
    for url in ("/tidak-ada/", "/wp-login.php", "/profil/sejarah/"):
        response = client_a.get(url)
        assert response.status_code == 404, url
        html = response.content.decode()
        assert "Halaman tidak ditemukan" in html and "Uji A" in html
        assert "URLconf" not in html and "Page not found" not in html


def test_favicon_is_the_logo_or_the_platform_icon(client_a):
    response = client_a.get("/favicon.ico")
    assert response.status_code == 200 and response["Content-Type"] == "image/x-icon"
    assert response.content[:4] == b"\x00\x00\x01\x00"  # an ICO file
    with client_a.schema():
        settings = PengaturanDesa.load()
        settings.logo = make_image("Logo desa", size=(300, 300))
        settings.save()
    response = client_a.get("/favicon.ico")
    assert response.status_code == 302 and response["Location"].endswith(".png")


def test_index_pages_have_a_meta_description(client_a):
    for url in ("/layanan/", "/berita/", "/profil/", "/pemerintahan/"):
        html = client_a.get(url).content.decode()
        assert '<meta name="description" content="' in html, url


def test_default_drafts_are_never_linked(client_a):
    for url in ("/", "/profil/"):
        assert "/profil/sejarah/" not in client_a.get(url).content.decode()


def test_geografi_takes_the_kepala_dusun_from_pemerintahan(client_a):
    with client_a.schema():
        geografi = GeografiPage.objects.get()
        geografi.dusun = [Dusun(nama="Dusun Krajan"), Dusun(nama="Dusun Sumberan")]
        geografi.save_revision().publish()
        PerangkatDesa.objects.create(nama="Suparno", jabatan="Kepala Dusun Krajan", kelompok="kewilayahan")
        PerangkatDesa.objects.create(
            nama="Belum Disetujui", jabatan="Kepala Dusun Sumberan", kelompok="kewilayahan", live=False
        )
        url = geografi.url
    page = text(client_a.get(url))
    assert "Dusun Krajan Suparno" in page
    assert "Belum Disetujui" not in page


def test_the_pilots_contacts_show_to_residents_and_are_marked_sample_in_the_admin_only(client_a):
    from sites.home import pilot as home_pilot
    from sites.profil import pilot as profil_pilot

    with client_a.schema():
        home = home_page()
        home_pilot.load(home)
        profil_pilot.load(Page.objects.get(pk=home.pk))
        assert samples()
    for url in ("/", "/kontak/"):
        body = text(client_a.get(url))
        assert "(0356) 711 2025" in body and "pemdes@socorejo.desa.id" in body, url
    for url in ("/", "/kontak/", "/profil/", "/profil/demografi/", "/profil/geografi/"):
        assert "contoh" not in text(client_a.get(url)).lower(), url

    login(client_a, "kades", KEPALA_DESA)
    assert "Data contoh yang masih perlu diganti" in client_a.get("/admin/").content.decode()
    with client_a.schema():
        settings = PengaturanDesa.load()
        settings.telepon = "(0356) 123 456"
        settings.save()
        assert all(not isinstance(obj, PengaturanDesa) for _mark, obj in samples())
