"""Every kind of office gets its own default site: its tree, its words, its sections; every page of it renders in
every theme; a kecamatan lists its desa and kelurahan and their news from the public headline index.

Over 300 lines on purpose: every test here shares the module's one provisioned office of each kind.
"""

import datetime
import re

import pytest
from wagtail.models import Page

from desa_platform.portal.models import Headline
from desa_platform.tenancy.models import Desa
from desa_platform.tenancy.services.lifecycle import suspend
from desa_platform.tenancy.services.provisioning import DesaSpec, create_desa
from tests.sites import home_page, publish, text
from tests.tenants import DesaClient
from tests.themes.helpers import use_theme

pytestmark = pytest.mark.django_db
THEMES = ["klasik", "modern", "hijau"]
TUBAN = {"kabupaten": "Tuban", "provinsi": "Jawa Timur"}

SPECS = {
    "kelurahan": DesaSpec(
        slug="kelurahan-latsari",
        name="Latsari",
        kind="kelurahan",
        kecamatan="Tuban",
        kode_wilayah="35.23.16.1006",
        kode_pos="62314",
        domains=["latsari.test"],
        **TUBAN,
    ),
    "kecamatan": DesaSpec(
        slug="kecamatan-jenu",
        name="Kecamatan Jenu",
        kind="kecamatan",
        kecamatan="Jenu",
        kode_wilayah="35.23.12",
        domains=["kecamatan-jenu.test"],
        **TUBAN,
    ),
    "opd": DesaSpec(
        slug="diskominfo",
        name="Dinas Komunikasi dan Informatika",
        kind="opd",
        kode_wilayah="35.23",
        domains=["diskominfo.test"],
        **TUBAN,
    ),
    "puskesmas": DesaSpec(
        slug="puskesmas-jenu",
        name="Puskesmas Jenu",
        kind="puskesmas",
        kecamatan="Jenu",
        kode_wilayah="35.23.12",
        domains=["puskesmas-jenu.test"],
        **TUBAN,
    ),
}

# Menu (depth 3) of each kind's default site, in order.
TREES = {
    "kelurahan": [
        "Profil",
        "Struktur Organisasi",
        "Berita",
        "Layanan",
        "Pengumuman",
        "Agenda",
        "Dokumen Anggaran",
        "Transparansi",
        "Galeri",
        "Kontak",
    ],
    "kecamatan": [
        "Profil",
        "Struktur Organisasi",
        "Desa dan Kelurahan",
        "Berita",
        "Layanan",
        "Pengumuman",
        "Agenda",
        "Dokumen Anggaran",
        "Transparansi",
        "Galeri",
        "Kontak",
    ],
    "opd": [
        "Profil",
        "Struktur Organisasi",
        "Layanan Publik",
        "Survei Kepuasan Masyarakat",
        "Berita",
        "Pengumuman",
        "Agenda",
        "Dokumen Perencanaan",
        "Transparansi",
        "Kontak",
    ],
    "puskesmas": [
        "Profil",
        "Struktur Organisasi",
        "Layanan dan Poli",
        "Tarif Layanan",
        "Alur Pelayanan",
        "Jadwal Posyandu",
        "Berita",
        "Pengumuman",
        "Agenda",
        "Pengaduan dan Kontak",
    ],
}

# What a resident would find wrong on that kind's site.
DESA_WORDS = re.compile(
    r"kepala desa|pemerintah(an)? desa|perangkat desa|kantor desa|petugas desa|sekretaris desa|situs desa|"
    r"\bBPD\b|permusyawaratan desa|APBDes|peraturan desa|\bdesa ini\b|PPID desa",
    re.IGNORECASE,
)
# "desa/kelurahan" in an address form is right on any site (the person may come from either).
ANY_DESA = re.compile(r"\bdesa\b(?!/kelurahan)", re.IGNORECASE)


def office(kind) -> DesaClient:
    return DesaClient(create_desa(SPECS[kind]))


def live_urls(client) -> list[str]:
    with client.schema():
        return [p.url for p in Page.objects.live().filter(depth__gte=2).specific().order_by("path")]


def menu_titles(client) -> list[str]:
    with client.schema():
        return list(Page.objects.filter(depth=3, show_in_menus=True).order_by("path").values_list("title", flat=True))


@pytest.mark.parametrize("kind", list(SPECS))
def test_each_kind_gets_its_own_tree(kind):
    client = office(kind)
    assert menu_titles(client) == TREES[kind]
    with client.schema():
        assert Page.objects.filter(title__icontains="APBDes").count() == 0
        assert (
            home_page().sambutan_judul
            == {
                "kelurahan": "Sambutan Lurah",
                "kecamatan": "Sambutan Camat",
                "opd": "Sambutan Pimpinan",  # an OPD may be a dinas, a badan …: its default fits all
                "puskesmas": "Sambutan Kepala Puskesmas",
            }[kind]
        )


def test_the_desa_keeps_its_own_tree(client_a):
    assert "Pemerintahan" in menu_titles(client_a) and "Dokumen Anggaran" not in menu_titles(client_a)
    assert "Badan Permusyawaratan Desa" in text(client_a.get("/pemerintahan/"))


@pytest.mark.parametrize("kind", list(SPECS))
def test_no_desa_words_where_they_do_not_belong(kind):
    """Over every live page of the kind's default site: none of the desa's own words; a kelurahan's and an OPD's
    pages say 'desa' nowhere at all (a kecamatan and a puskesmas do speak of the desa they serve)."""
    client = office(kind)
    for url in live_urls(client) + ["/cari/?q=layanan"]:
        page = text(client.get(url))
        assert not DESA_WORDS.search(page), (url, DESA_WORDS.search(page).group(0))
        if kind in ("kelurahan", "opd"):
            assert not ANY_DESA.search(page), (url, page[max(0, ANY_DESA.search(page).start() - 60) :][:120])


def test_each_kind_names_its_head_and_its_government():
    kelurahan = office("kelurahan")
    assert "Pemerintah Kelurahan Latsari" in text(kelurahan.get("/"))
    service = text(kelurahan.get("/layanan/surat-keterangan-domisili/"))
    assert "ditandatangani Lurah" in service and "Peraturan Pemerintah Nomor 73 Tahun 2005 tentang Kelurahan" in service
    assert "Lurah" in text(kelurahan.get("/struktur-organisasi/"))
    opd = office("opd")
    home = text(opd.get("/"))
    assert "Dinas Komunikasi dan Informatika" in home and "Pemerintah Dinas" not in home
    kecamatan = office("kecamatan")
    assert "Camat" in text(kecamatan.get("/struktur-organisasi/"))
    assert "Legalisasi Dokumen" in text(kecamatan.get("/layanan/"))


def test_the_chart_headings_follow_the_kind(client_a):
    from sites.pemerintahan.models import PerangkatDesa

    kelurahan = office("kelurahan")
    for client in (kelurahan, client_a):
        with client.schema():
            PerangkatDesa.objects.create(nama="Budi", jabatan="Pimpinan", kelompok="pimpinan")
            PerangkatDesa.objects.create(nama="Sari", jabatan="Sekretaris", kelompok="sekretariat")
    page = text(kelurahan.get("/struktur-organisasi/"))
    assert "Struktur organisasi pemerintah kelurahan" in page and "Sekretariat Kelurahan" in page
    assert "Sekretaris Desa" not in page
    assert "Sekretariat (Sekretaris Desa dan Kepala Urusan)" in text(client_a.get("/pemerintahan/"))


def fill_offices_pages(opd, puskesmas, kelurahan):
    """Content in the new page types, so their templates show more than their empty state."""
    from sites.dokumen.models import Dokumen, DokumenIndexPage
    from sites.opd.models import HasilSurvei, SurveiKepuasanPage
    from sites.puskesmas.models import JadwalPosyandu, PosyanduPage, Tarif, TarifPage

    with opd.schema():
        HasilSurvei.objects.create(
            page=SurveiKepuasanPage.objects.get(), periode="Semester I 2026", nilai="88.50", responden=412
        )
    with puskesmas.schema():
        Tarif.objects.create(
            page=TarifPage.objects.get(), layanan="Pemeriksaan umum", satuan="per kunjungan", rupiah=10000
        )
        JadwalPosyandu.objects.create(
            page=PosyanduPage.objects.get(), nama="Posyandu Melati", wilayah="Socorejo", jadwal="Selasa minggu ke-2"
        )
    with kelurahan.schema():
        Dokumen.objects.create(
            page=DokumenIndexPage.objects.get(), judul="DPA Kelurahan Latsari 2026", jenis="dpa", tahun=2026
        )


@pytest.mark.parametrize("theme", THEMES)
def test_every_page_of_every_kind_renders_in_every_theme(theme):
    from tests.themes.helpers import stylesheet_of

    clients = {kind: office(kind) for kind in SPECS}
    fill_offices_pages(clients["opd"], clients["puskesmas"], clients["kelurahan"])
    for kind, client in clients.items():
        use_theme(client, theme)
        for url in live_urls(client):
            response = client.get(url)
            assert response.status_code == 200, (kind, url)
            assert stylesheet_of(response.content.decode()) == theme, (kind, url)
    survei = text(clients["opd"].get("/survei-kepuasan/"))
    assert "88,50" in survei and "A (Sangat Baik)" in survei and "Semester I 2026" in survei
    poli = text(clients["puskesmas"].get("/layanan/"))
    assert "Senin 07.30–14.00" in poli and "Poli Gigi" in poli and "Minggu tutup" in poli
    assert "Rp10.000" in text(clients["puskesmas"].get("/tarif/")).replace("Rp ", "Rp")
    assert "DPA Kelurahan Latsari 2026" in text(clients["kelurahan"].get("/dokumen-anggaran/"))
    standar = text(clients["opd"].get("/layanan-publik/permohonan-informasi-publik/"))
    for component in ("Persyaratan", "Jangka waktu penyelesaian", "Biaya/tarif", "Penanganan pengaduan", "Dasar hukum"):
        assert component in standar


def test_the_tenant_keeps_its_kode_wilayah(client_a):
    from desa_platform.tenancy.current import facts_for

    kelurahan = office("kelurahan")
    assert facts_for(kelurahan.desa).kode_wilayah == "35.23.16.1006"
    assert facts_for(kelurahan.desa).kind == "kelurahan"


def article_in(client, title, tanggal=datetime.date(2026, 11, 20)):
    from sites.berita.models import BeritaIndexPage, BeritaPage

    with client.schema():
        return publish(
            BeritaIndexPage.objects.get(),
            BeritaPage(title=title, tanggal=tanggal, body=[("paragraph", f"<p>{title}.</p>")]),
        )


def test_a_kecamatan_lists_its_desa_and_their_news_from_the_public_index(
    client_a, client_b, django_capture_on_commit_callbacks
):
    kecamatan = office("kecamatan")
    page = text(kecamatan.get("/desa-dan-kelurahan/"))
    assert "Desa Uji A" in page and "Desa Uji B" in page and "2 desa dan 0 kelurahan" in page
    assert "uji-a.test" in kecamatan.get("/desa-dan-kelurahan/").content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        article = article_in(client_a, "Panen Raya di Uji A")
    headline = Headline.objects.get()
    assert (headline.desa.slug, headline.title) == ("uji-a", "Panen Raya di Uji A")
    assert "Panen Raya di Uji A" in text(kecamatan.get("/desa-dan-kelurahan/"))

    # Another kecamatan sees neither those desa nor their news.
    palang = DesaClient(
        create_desa(
            DesaSpec(
                slug="kecamatan-palang",
                name="Kecamatan Palang",
                kind="kecamatan",
                kecamatan="Palang",
                domains=["palang.test"],
                **TUBAN,
            )
        )
    )
    other = text(palang.get("/desa-dan-kelurahan/"))
    assert "Uji A" not in other and "Panen Raya" not in other

    with django_capture_on_commit_callbacks(execute=True), client_a.schema():
        article.unpublish()
    assert not Headline.objects.exists()
    assert "Panen Raya" not in text(kecamatan.get("/desa-dan-kelurahan/"))

    with django_capture_on_commit_callbacks(execute=True):
        suspend(client_b.desa, actor="uji", reason="uji")
    assert "sedang dalam pemeliharaan" in text(kecamatan.get("/desa-dan-kelurahan/"))


def test_a_desa_page_or_a_kecamatan_news_never_enters_the_index(client_a, django_capture_on_commit_callbacks):
    from sites.pemerintahan.models import PemerintahanPage

    kecamatan = office("kecamatan")
    with django_capture_on_commit_callbacks(execute=True):
        article_in(kecamatan, "Rapat Koordinasi Kecamatan")
        with client_a.schema():
            page = PemerintahanPage.objects.get()
            page.save_revision().publish()
    # Indexed (a kabupaten portal may show it) but never listed as news of the kecamatan's desa.
    assert list(Headline.objects.values_list("desa__slug", flat=True)) == ["kecamatan-jenu"]
    assert "Rapat Koordinasi" not in text(kecamatan.get("/desa-dan-kelurahan/"))
    assert Desa.objects.filter(slug="kecamatan-jenu").exists()


def test_tree_rules_follow_the_kind(client_a):
    from sites.opd.models import SurveiKepuasanPage
    from sites.puskesmas.models import TarifPage
    from sites.transparansi.models import APBDesPage, TransparansiIndexPage
    from sites.wilayah.models import WilayahPage
    from tests.admin.helpers import as_request_in

    kelurahan, kecamatan = office("kelurahan"), office("kecamatan")
    with as_request_in(client_a.desa):  # the tenant set, as in an admin request
        assert APBDesPage.can_create_at(TransparansiIndexPage.objects.get())
        assert not WilayahPage.can_create_at(home_page())
    with as_request_in(kelurahan.desa):
        assert not APBDesPage.can_create_at(TransparansiIndexPage.objects.get())
        assert not SurveiKepuasanPage.can_create_at(home_page()) and not TarifPage.can_create_at(home_page())
    with as_request_in(kecamatan.desa):
        assert not WilayahPage.can_create_at(home_page())  # it is there already (one per site)
        WilayahPage.objects.all().delete()
        assert WilayahPage.can_create_at(home_page())


HEADS = {"kelurahan": "Lurah", "kecamatan": "Camat", "opd": "Kepala Dinas", "puskesmas": "Kepala Puskesmas"}


@pytest.mark.parametrize("kind", list(SPECS))
def test_the_approving_role_is_named_after_the_head_of_each_kind(kind):
    from django.contrib.auth.models import Group
    from wagtail.models import Workflow

    from desa_platform.tenancy.services.provisioning import ensure_first_admin
    from tests.admin.helpers import login

    client = office(kind)
    head = HEADS[kind]
    admin, _link = ensure_first_admin(client.desa)
    with client.schema():
        assert set(Group.objects.values_list("name", flat=True)) == {"Operator", head}
        assert list(admin.groups.values_list("name", flat=True)) == [head]
        workflow = Workflow.objects.get()
        assert workflow.name == f"Persetujuan {head}"
        assert [g.name for g in workflow.tasks.get().specific.groups.all()] == [head]
    # What the head sees when adding a colleague in the admin: the office's two roles, by their names.
    login(client, "kepala", head)
    page = client.get("/admin/users/new/")
    assert page.status_code == 200
    roles = re.findall(r'<label for="id_groups_\d+">\s*(?:<input[^>]*>)?\s*([^<]+?)\s*</label>', page.text)
    assert sorted(roles) == sorted(["Operator", head]), roles
    assert "Kepala Desa" not in page.text


def test_an_office_made_before_the_head_roles_gets_its_name_at_the_next_migrate():
    from django.contrib.auth.models import Group
    from wagtail.models import Task, Workflow

    from sites.desa_admin import roles

    client = office("kelurahan")
    with client.schema():  # as an older template made every kind: the desa's names
        Group.objects.filter(name="Lurah").update(name="Kepala Desa")
        Task.objects.filter(name="Persetujuan Lurah").update(name="Persetujuan Kepala Desa")
        Workflow.objects.filter(name="Persetujuan Lurah").update(name="Persetujuan Kepala Desa")
        roles.sync()  # what post_migrate runs in each tenant after `desa upgrade`
        assert set(Group.objects.values_list("name", flat=True)) == {"Operator", "Lurah"}
        assert list(Task.objects.values_list("name", flat=True)) == ["Persetujuan Lurah"]
        assert Workflow.objects.get().name == "Persetujuan Lurah"
