import datetime
from decimal import Decimal

import pytest
from django.test import RequestFactory
from django.utils import translation
from django.utils.timezone import make_aware

from sites.core.blocks import FiguresBlock, HeadingBlock, ParagraphBlock
from sites.core.formatting import angka, bulan_tahun, jam, rupiah, tanggal, tanggal_hari
from sites.core.models import PengaturanDesa
from sites.core.views import server_error
from sites.profil.models import ProfilPage, ProfilSectionPage
from tests.sites import home_page, publish, text

pytestmark = pytest.mark.django_db


def test_indonesian_dates_whatever_the_active_language():
    with translation.override("en"):
        assert tanggal(datetime.date(2019, 11, 7)) == "7 November 2019"
        assert tanggal_hari(datetime.date(2019, 11, 7)) == "Kamis, 7 November 2019"
        assert bulan_tahun(datetime.date(2024, 2, 1)) == "Februari 2024"
    # 20.30 UTC on the 6th is already the 7th in Tuban (WIB, UTC+7)
    moment = make_aware(datetime.datetime(2019, 11, 6, 20, 30), datetime.UTC)
    assert tanggal(moment) == "7 November 2019"
    assert jam(moment) == "03.30"
    assert tanggal(None) == ""


def test_indonesian_numbers():
    assert angka(4512) == "4.512"
    assert angka(Decimal("1234567.5"), 2) == "1.234.567,50"
    assert rupiah(1250000) == "Rp 1.250.000"


def test_settings_links():
    settings = PengaturanDesa(
        telepon="(0356) 712-345", whatsapp="0812-3456-7890", latitude=Decimal("-6.8"), longitude=Decimal("111.9")
    )
    assert settings.whatsapp_url == "https://wa.me/6281234567890"
    assert settings.telepon_uri == "tel:0356712345"
    assert settings.map_url.startswith("https://www.openstreetmap.org/?mlat=-6.8")
    assert PengaturanDesa().map_url == "" and PengaturanDesa().whatsapp_url == ""


def test_settings_show_on_their_own_desa_only(client_a, client_b):
    with client_a.schema():
        PengaturanDesa.objects.create(
            tagline="Desa Tangguh Bencana",
            telepon="(0356) 712345",
            whatsapp="081234567890",
            jam_layanan="Senin–Jumat 08.00–15.00 WIB",
            facebook="https://facebook.com/desaujia",
        )
    page_a = text(client_a.get("/"))
    assert "Desa Tangguh Bencana" in page_a
    assert "(0356) 712345" in page_a and "Senin–Jumat 08.00–15.00 WIB" in page_a
    assert "https://wa.me/6281234567890" in client_a.get("/").content.decode()
    page_b = text(client_b.get("/"))
    assert "Desa Tangguh Bencana" not in page_b and "712345" not in page_b


def test_reading_a_page_never_writes_the_settings_row(client_b):
    client_b.get("/")
    second = client_b.get("/")
    assert second["X-Cache"] == "HIT"  # a write would have emptied the desa's page cache
    with client_b.schema():
        assert not PengaturanDesa.objects.exists()


def test_rich_text_drops_script_links():
    block = ParagraphBlock()
    html = str(block.render(block.to_python('<p><a href="javascript:alert(1)">klik</a> <b>tebal</b></p>')))
    assert "javascript" not in html and "<b>tebal</b>" in html


def test_headings_and_paragraphs_print_their_levels_and_escape_their_text():
    heading = HeadingBlock()
    assert str(heading.render(heading.to_python({"text": "Rincian <biaya> & upah", "level": "h3"}))) == (
        "<h3>Rincian &lt;biaya&gt; &amp; upah</h3>\n"
    )
    assert str(heading.render(heading.to_python({"text": "Anggaran", "level": "h2"}))) == "<h2>Anggaran</h2>\n"
    paragraph = ParagraphBlock()
    html = str(paragraph.render(paragraph.to_python("<p>Jalan <i>dicor</i> 850 meter.</p>")))
    assert html == '<div class="rich-text"><p>Jalan <i>dicor</i> 850 meter.</p></div>\n'


def test_figures_block_is_an_accessible_table_with_bars():
    block = FiguresBlock()
    value = block.to_python(
        {
            "title": "Penduduk menurut umur",
            "unit": "jiwa",
            "rows": [{"label": "Anak", "value": "30"}, {"label": "Dewasa", "value": "70"}],
        }
    )
    html = str(block.render(value))
    assert "<caption>Penduduk menurut umur (jiwa)</caption>" in html
    assert '<th scope="row">Dewasa<span class="bar" aria-hidden="true"' in html and "70%" in html
    assert 'style="width:42.9%"' in html  # 30 of the largest 70
    assert "<script" not in html


def test_menu_follows_the_page_tree(client_a):
    html = client_a.get("/").content.decode()
    nav = html.split('aria-label="Menu utama"', 1)[1].split("</nav>", 1)[0]
    assert nav.index(">Profil<") < nav.index(">Pemerintahan<") < nav.index(">Berita<")
    with client_a.schema():
        hidden = ProfilSectionPage(title="Halaman Tersembunyi", show_in_menus=False)
        publish(home_page().get_children().get(slug="profil"), hidden)
    assert ">Halaman Tersembunyi<" not in client_a.get("/").content.decode()
    profil_html = client_a.get("/profil/").content.decode()
    assert 'href="/profil/" aria-current="page"' in profil_html


def test_breadcrumbs_lead_home(client_a):
    with client_a.schema():
        profil = ProfilPage.objects.get()
        url = publish(profil, ProfilSectionPage(title="Adat dan Budaya")).url
    html = client_a.get(url).content.decode()
    crumbs = html.split('aria-label="Remah roti"', 1)[1].split("</nav>", 1)[0]
    assert '<a href="/">Beranda</a>' in crumbs and '<a href="/profil/">Profil</a>' in crumbs
    assert '<span aria-current="page">Adat dan Budaya</span>' in crumbs


def test_robots_txt_points_to_the_desa_own_sitemap(client_a, client_b):
    robots = client_a.get("/robots.txt")
    assert robots["Content-Type"].startswith("text/plain")
    body = robots.content.decode()
    assert "Disallow: /admin/" in body and "Sitemap: http://uji-a.test/sitemap.xml" in body
    assert "Sitemap: http://uji-b.test/sitemap.xml" in client_b.get("/robots.txt").content.decode()


def test_404_page_in_the_desa_look(client_a, client_b):
    response = client_a.get("/tidak-ada-halaman-ini/")
    assert response.status_code == 404
    body = text(response)
    assert "Halaman tidak ditemukan" in body and "Desa Uji A" in body
    assert 'class="site-header"' in response.content.decode() and "/static/themes/" in response.content.decode()
    assert "Desa Uji B" in text(client_b.get("/tidak-ada-halaman-ini/"))


def test_a_404_page_names_no_canonical_address_and_echoes_nothing_asked_for(client_a):
    html = client_a.get("/promo-slot-gacor/?utm=x").content.decode()
    assert 'rel="canonical"' not in html and 'property="og:url"' not in html
    assert "promo-slot-gacor" not in html and '<meta name="robots" content="noindex">' in html
    article = client_a.get("/").content.decode()
    assert '<link rel="canonical" href="http://uji-a.test/">' in article and 'property="og:url"' in article


def test_500_page_in_the_desa_look_without_the_database(client_a):
    with client_a.schema():
        response = server_error(RequestFactory().get("/", HTTP_HOST="uji-a.test"))
    html = response.content.decode()
    assert response.status_code == 500
    assert "Terjadi gangguan" in html and "Desa Uji A" in html and "/static/themes/" in html


def test_pilot_content_loads_twice_without_duplicates(client_a):
    from sites.berita.models import BeritaPage
    from sites.core.sections import each_section
    from sites.pemerintahan.models import PerangkatDesa

    with client_a.schema():
        home = home_page()
        for _ in range(2):
            for section in each_section("pilot"):
                section.load(home_page())
        articles = BeritaPage.objects.count()
        perangkat = PerangkatDesa.objects.count()
        assert articles >= 5 and perangkat >= 10
        for section in each_section("pilot"):
            section.load(home)
        assert (BeritaPage.objects.count(), PerangkatDesa.objects.count()) == (articles, perangkat)
    assert "Socorejo Menjadi Purwarupa" in text(client_a.get("/berita/"))
    assert "Desa Uji A adalah salah satu desa" in text(client_a.get("/profil/"))
