import datetime
from decimal import Decimal

import pytest
from wagtail.models import Page

from sites.berita.models import BeritaIndexPage, BeritaPage
from sites.home.models import HomePage
from sites.pemerintahan.models import PerangkatDesa
from sites.profil.models import DemografiPage, Dusun, GeografiPage
from tests.sites import home_page, make_image, publish, text

pytestmark = pytest.mark.django_db


def test_tree_rules(client_a):
    with client_a.schema():
        assert HomePage.allowed_parent_page_models() == [Page]
        assert not HomePage.can_create_at(Page.get_first_root_node())  # one per desa, and it exists
        assert not HomePage.can_create_at(home_page())


def test_fresh_desa_home_shows_facts_and_hides_empty_sections(client_b):
    response = client_b.get("/")
    body = text(response)
    assert response.status_code == 200
    assert "Selamat datang di situs resmi Desa Uji B" in body
    assert "Kecamatan Jenu, Kabupaten Tuban" in body
    for empty in ["Berita terbaru", "Sambutan Kepala Desa", "Agenda mendatang", "Hubungi kantor desa"]:
        assert empty not in body


def test_latest_news_newest_first(client_a):
    with client_a.schema():
        index = BeritaIndexPage.objects.get()
        for day in (1, 3, 2, 4):
            publish(index, BeritaPage(title=f"Kabar tanggal {day}", tanggal=datetime.date(2024, 7, day)))
    body = text(client_a.get("/"))
    news = body.split("Berita terbaru", 1)[1]
    assert news.index("Kabar tanggal 4") < news.index("Kabar tanggal 3") < news.index("Kabar tanggal 2")
    assert "Kabar tanggal 1" not in news.split("Semua berita", 1)[0]


def test_sambutan_uses_the_kepala_desa_from_the_perangkat_list(client_a):
    with client_a.schema():
        PerangkatDesa.objects.create(
            nama="Sutrisno", jabatan="Kepala Desa", kelompok="pimpinan", urutan=1, foto=make_image("Foto kades")
        )
        home = home_page()
        home.sambutan_teks = "<p>Selamat datang, warga sekalian.</p>"
        home.save_revision().publish()
    response = client_a.get("/")
    body = text(response)
    assert "Sambutan Kepala Desa" in body and "Selamat datang, warga sekalian." in body
    assert "Sutrisno" in body
    assert "/media/" in response.content.decode().split('id="sambutan"', 1)[1].split("</section>", 1)[0]


def test_key_figures_come_from_published_profile_parts(client_a):
    with client_a.schema():
        demografi = DemografiPage.objects.get()
        demografi.jumlah_penduduk = 4512
        demografi.save_revision()  # a draft: not shown yet
    assert "4.512" not in text(client_a.get("/"))
    with client_a.schema():
        DemografiPage.objects.get().get_latest_revision().publish()
        geografi = GeografiPage.objects.get()
        geografi.luas_wilayah = Decimal("512.40")
        geografi.dusun = [Dusun(nama="Krajan", jumlah_rw=2, jumlah_rt=8), Dusun(nama="Tegal", jumlah_rt=6)]
        geografi.save_revision().publish()
    body = text(client_a.get("/"))
    assert "4.512 jiwa Penduduk" in body
    assert "512,4 ha Luas wilayah" in body
    assert "2 Dusun" in body and "14 RT" in body


def test_a_section_whose_list_page_is_unpublished_keeps_its_items_but_loses_its_link(client_a):
    # The home page imports each section's functions directly (a missing one fails at start-up, not silently);
    # what it still tolerates is a desa without a section's list page.
    with client_a.schema():
        index = BeritaIndexPage.objects.get()
        publish(index, BeritaPage(title="Kabar kerja bakti", tanggal=datetime.date(2024, 7, 1)))
    body = text(client_a.get("/"))
    assert "Kabar kerja bakti" in body and "Semua berita" in body
    with client_a.schema():
        BeritaIndexPage.objects.get().unpublish()
    body = text(client_a.get("/"))
    assert "Semua berita" not in body
