import pytest
from django.core.exceptions import ValidationError

from sites.home.models import HomePage
from sites.profil.models import (
    DemografiPage,
    Dusun,
    GeografiPage,
    ProfilPage,
    ProfilSectionPage,
    VisiMisiPage,
)
from tests.sites import home_page, publish, text

pytestmark = pytest.mark.django_db


def test_tree_rules(client_a):
    with client_a.schema():
        home, profil = home_page(), ProfilPage.objects.get()
        for model in (ProfilSectionPage, VisiMisiPage, GeografiPage, DemografiPage):
            assert model.allowed_parent_page_models() == [ProfilPage]
            assert not model.can_create_at(home)
        assert ProfilSectionPage.can_create_at(profil)  # as many free parts as the desa wants
        assert not VisiMisiPage.can_create_at(profil)  # one each, and the default tree has them
        assert ProfilPage.allowed_parent_page_models() == [HomePage]
        assert not ProfilPage.can_create_at(home)


def test_default_profile_uses_known_facts_and_hides_unwritten_parts(client_b):
    body = text(client_b.get("/profil/"))
    assert "Desa Uji B" in body and "Kecamatan Jenu" in body and "Kabupaten Tuban" in body
    assert "Jawa Timur" in body and "62352" in body
    assert "Sejarah Desa" not in body  # a draft until the desa writes it
    for slug in ("sejarah", "visi-misi", "geografi", "demografi", "potensi"):
        assert client_b.get(f"/profil/{slug}/").status_code == 404


def test_visi_misi(client_a):
    with client_a.schema():
        page = VisiMisiPage.objects.get()
        page.visi = "Desa maju dan mandiri."
        page.misi = "Meningkatkan pelayanan\n- Membangun jalan desa\n\n"
        page.save_revision().publish()
    html = client_a.get("/profil/visi-misi/").content.decode()
    assert "Desa maju dan mandiri." in html
    assert "<li>Meningkatkan pelayanan</li><li>Membangun jalan desa</li>" in html
    assert "Visi dan Misi" in text(client_a.get("/profil/"))  # now listed on the overview


def test_geografi_boundaries_and_dusun(client_a):
    with client_a.schema():
        page = GeografiPage.objects.get()
        page.batas_utara = "Laut Jawa"
        page.batas_selatan = "Desa Sugihwaras"
        page.dusun = [Dusun(nama="Krajan", kepala_dusun="Suparno", jumlah_rw=2, jumlah_rt=8)]
        page.save_revision().publish()
    body = text(client_a.get("/profil/geografi/"))
    assert "Sebelah utara Laut Jawa" in body and "Sebelah selatan Desa Sugihwaras" in body
    assert "Sebelah timur" not in body  # not filled, not shown
    assert "1 dusun, 2 RW, 8 RT" in body and "Krajan Suparno 2 8" in body
    assert "Krajan" not in text(client_a.get("/profil/geografi/".replace("geografi", "demografi")))


def test_demografi_tables_and_bars(client_a):
    with client_a.schema():
        page = DemografiPage.objects.get()
        page.jumlah_penduduk, page.laki_laki, page.perempuan = 4512, 2247, 2265
        page.body = [
            (
                "figures",
                {
                    "title": "Penduduk menurut pendidikan",
                    "unit": "jiwa",
                    "rows": [{"label": "SD", "value": 300}, {"label": "SMA", "value": 100}],
                    "note": "",
                },
            )
        ]
        page.full_clean()
        page.save_revision().publish()
    html = client_a.get("/profil/demografi/").content.decode()
    assert "<caption>Penduduk menurut jenis kelamin (jiwa)</caption>" in html
    assert "2.265" in html and "50,2%" in html
    assert "<caption>Penduduk menurut pendidikan (jiwa)</caption>" in html and "75%" in html
    assert "<script" not in html.split('id="isi"', 1)[1]


def test_demografi_sum_must_match(client_a):
    with client_a.schema():
        page = DemografiPage.objects.get()
        page.jumlah_penduduk, page.laki_laki, page.perempuan = 100, 40, 50
        with pytest.raises(ValidationError) as error:
            page.full_clean()
    assert "tidak sama dengan jumlah penduduk" in str(error.value)


def test_profile_of_one_desa_stays_there(client_a, client_b):
    with client_a.schema():
        publish(ProfilPage.objects.get(), ProfilSectionPage(title="Legenda Sumur Tua"))
    assert client_a.get("/profil/legenda-sumur-tua/").status_code == 200
    assert client_b.get("/profil/legenda-sumur-tua/").status_code == 404
    assert "Legenda Sumur Tua" not in text(client_b.get("/profil/"))
