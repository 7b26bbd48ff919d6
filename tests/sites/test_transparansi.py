"""Transparansi: APBDes arithmetic and its table and chart, produk hukum, the PPID list, tree rules, isolation.

Over 300 lines on purpose: the three transparency pages share their pilot data and fixtures.
"""

from types import SimpleNamespace

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone
from wagtail.models import Page, Site
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from sites.transparansi import pilot
from sites.transparansi.apbdes import Kelompok, summarise
from sites.transparansi.models import (
    APBDesPage,
    APBDesRincian,
    PPIDPage,
    ProdukHukumIndexPage,
    ProdukHukumPage,
    TransparansiIndexPage,
)
from sites.transparansi.templatetags.transparansi_tags import persen, rupiah_bertanda

P, B = Kelompok.PENDAPATAN, Kelompok.BELANJA
IN, OUT = Kelompok.PENERIMAAN_PEMBIAYAAN, Kelompok.PENGELUARAN_PEMBIAYAAN


def home():
    return Site.objects.get(is_default_site=True).root_page.specific


def row(kelompok, uraian, anggaran, realisasi=None):
    return SimpleNamespace(kelompok=kelompok, uraian=uraian, anggaran=anggaran, realisasi=realisasi)


def apbdes(tahun, rows):
    page = APBDesPage(title=f"APBDes {tahun}", slug=f"apbdes-{tahun}", tahun=tahun)
    for order, (kelompok, uraian, anggaran, *realisasi) in enumerate(rows):
        page.rincian.add(
            APBDesRincian(
                kelompok=kelompok,
                uraian=uraian,
                anggaran=anggaran,
                realisasi=realisasi[0] if realisasi else None,
                sort_order=order,
            )
        )
    return TransparansiIndexPage.objects.get().add_child(instance=page)


def law(slug, jenis, nomor, tahun, title="Tentang Sesuatu", **fields):
    page = ProdukHukumPage(title=title, slug=slug, jenis=jenis, nomor=nomor, tahun=tahun, **fields)
    return ProdukHukumIndexPage.objects.get().add_child(instance=page)


def admin_of(client):
    with client.schema():
        user, _ = get_user_model().objects.get_or_create(username="admin-transparansi", is_superuser=True)
        client.force_login(user)


def test_apbdes_totals_surplus_defisit_financing_and_silpa():
    summary = summarise(
        [
            row(P, "Dana Desa", 900_000_000),
            row(P, "Alokasi Dana Desa", 400_000_000),
            row(P, "Pendapatan Asli Desa", 50_000_000),
            row(B, "Bidang Pemerintahan", 600_000_000),
            row(B, "Bidang Pembangunan", 800_000_000),
            row(IN, "SiLPA tahun lalu", 75_000_000),
            row(OUT, "Penyertaan modal BUMDes", 20_000_000),
        ]
    )
    assert summary.pendapatan == 1_350_000_000 and summary.belanja == 1_400_000_000
    assert summary.surplus_defisit == -50_000_000 and summary.surplus_defisit_label == "Defisit"
    assert summary.surplus_defisit_abs == 50_000_000
    assert summary.pembiayaan_netto == 55_000_000
    assert summary.silpa == 5_000_000 and summary.silpa_label == "Sisa lebih pembiayaan anggaran (SiLPA)"
    assert [bar.lebar for bar in summary.grafik()] == [96.4, 100.0, 5.4, 1.4]
    assert [r.porsi for r in summary.kelompok[B].baris] == [42.9, 57.1]
    assert not summary.ada_realisasi


def test_a_balanced_budget_and_one_short_of_money():
    balanced = summarise([row(P, "Dana Desa", 100), row(B, "Belanja", 100)])
    assert balanced.surplus_defisit_label == "Seimbang" and balanced.silpa == 0
    short = summarise([row(P, "Dana Desa", 100), row(B, "Belanja", 150), row(IN, "SiLPA", 20)])
    assert short.silpa == -30 and short.silpa_label == "Sisa kurang pembiayaan anggaran"
    assert summarise([]).kosong and summarise([]).grafik() == []


def test_realisation_per_row_and_group():
    summary = summarise([row(P, "Dana Desa", 800, 600), row(P, "ADD", 200), row(B, "Belanja", 1000, 250)])
    assert summary.ada_realisasi
    assert [r.persen_realisasi for r in summary.kelompok[P].baris] == [75.0, None]
    assert summary.kelompok[P].realisasi == 600 and summary.kelompok[B].realisasi == 250
    assert summary.kelompok[IN].realisasi is None


def test_rupiah_and_percent_are_written_the_indonesian_way():
    assert rupiah_bertanda(1_234_567) == "Rp 1.234.567"
    assert rupiah_bertanda(-50_000_000) == "−Rp 50.000.000"
    assert rupiah_bertanda(0) == "Rp 0"
    assert persen(42.9) == "42,9%" and persen(100.0) == "100%" and persen(None) == ""


@pytest.mark.django_db
def test_apbdes_page_shows_headline_figures_chart_and_an_accessible_table(client_a):
    with client_a.schema():
        apbdes(
            2025,
            [
                (P, "Dana Desa", 936_482_000, 468_241_000),
                (P, "Alokasi Dana Desa", 512_730_000),
                (B, "Bidang Pelaksanaan Pembangunan Desa", 1_500_000_000, 300_000_000),
                (IN, "SiLPA tahun sebelumnya", 85_000_000),
                (OUT, "Penyertaan modal BUMDes", 30_000_000),
            ],
        )
    page = client_a.get("/transparansi/apbdes-2025/")
    assert page.status_code == 200
    text = page.text
    assert "Rp 1.449.212.000" in text  # total pendapatan
    assert "Rp 1.500.000.000" in text  # total belanja
    assert "Defisit" in text and "Rp 50.788.000" in text and "−Rp 50.788.000" in text
    assert "Pembiayaan netto" in text and "Rp 55.000.000" in text
    assert "Sisa lebih pembiayaan anggaran (SiLPA)" in text and "Rp 4.212.000" in text
    # Table: caption, column and row headers, realisation column because some rows have one.
    assert "<caption>APBDes Desa Uji A Tahun 2025 (rupiah)</caption>" in text
    assert '<th scope="rowgroup"' in text and '<th scope="row">Dana Desa</th>' in text
    assert "Realisasi" in text and "50%" in text  # 468.241.000 of 936.482.000
    # Chart: CSS bars with their amounts written out, no chart script.
    assert 'class="bar"' in text and "width:100.0%" in text and "<script src" not in text


@pytest.mark.django_db
def test_transparansi_section_lists_budgets_newest_first_and_its_other_pages(client_a, client_b):
    with client_a.schema():
        apbdes(2024, [(P, "Dana Desa", 800_000_000), (B, "Belanja", 790_000_000)])
        apbdes(2025, [(P, "Dana Desa", 900_000_000)])
    response = client_a.get("/transparansi/")
    assert response.status_code == 200
    text = response.text
    assert text.index("APBDes 2025") < text.index("APBDes 2024") and "Rp 790.000.000" in text
    assert 'href="/transparansi/produk-hukum/"' in text and 'href="/transparansi/ppid/"' in text
    assert "APBDes belum diterbitkan di situs ini." in client_b.get("/transparansi/").text


@pytest.mark.django_db
def test_apbdes_without_rows_says_it_is_not_filled_yet(client_a):
    with client_a.schema():
        apbdes(2024, [])
    assert "Rincian anggaran tahun 2024 belum diisi." in client_a.get("/transparansi/apbdes-2024/").text


@pytest.mark.django_db
def test_admin_refuses_a_second_apbdes_for_the_same_year_and_keeps_the_figures(client_a):
    with client_a.schema():
        apbdes(2025, [(P, "Dana Desa", 100)])
        parent_id = TransparansiIndexPage.objects.get().pk
    admin_of(client_a)
    url = f"/admin/pages/add/transparansi/apbdespage/{parent_id}/"

    def post(tahun, slug):
        data = nested_form_data(
            {
                "title": f"APBDes {tahun} kedua",
                "slug": slug,
                "tahun": tahun,
                "keterangan": rich_text(""),
                "rincian": inline_formset([{"kelompok": P, "uraian": "Dana Desa", "anggaran": "987654321"}]),
            }
        )
        data["action-publish"] = "publish"
        return client_a.post(url, data)

    refused = post(2025, "apbdes-2025-lagi")
    assert refused.status_code == 200
    assert "APBDes tahun 2025 sudah ada. Ubah halaman yang sudah ada." in refused.text
    assert "987654321" in refused.text  # what the operator typed is still in the form
    accepted = post(2026, "apbdes-2026")
    assert accepted.status_code == 302
    with client_a.schema():
        assert APBDesPage.objects.get(tahun=2026).ikhtisar().pendapatan == 987_654_321


@pytest.mark.django_db
def test_produk_hukum_list_filters_by_kind_and_year(client_a):
    with client_a.schema():
        law("perdes-1-2024", "perdes", "1", 2024, title="APBDes Tahun Anggaran 2024")
        law("perdes-2-2025", "perdes", "2", 2025, title="Pungutan Desa")
        law("sk-4-2025", "sk", "4", 2025, title="Tim Pelaksana Kegiatan")
        law("bersama-1-2025", "peraturan-bersama", "1", 2025, title="Kerja Sama Antar-Desa")
    everything = client_a.get("/transparansi/produk-hukum/").text
    # Newest year first; within a year by rank (Perdes, Peraturan Bersama, Perkades, SK).
    order = [
        everything.index(title)
        for title in ("Pungutan Desa", "Kerja Sama Antar-Desa", "Tim Pelaksana", "APBDes Tahun Anggaran 2024")
    ]
    assert order == sorted(order)
    assert (
        "Peraturan Desa Nomor 1 Tahun 2024" in everything and "Keputusan Kepala Desa Nomor 4 Tahun 2025" in everything
    )
    assert "Belum diunggah" in everything
    only_perdes_2025 = client_a.get("/transparansi/produk-hukum/?jenis=perdes&tahun=2025").text
    assert "Pungutan Desa" in only_perdes_2025
    assert "Tim Pelaksana Kegiatan" not in only_perdes_2025 and "APBDes Tahun Anggaran 2024" not in only_perdes_2025
    nothing = client_a.get("/transparansi/produk-hukum/?jenis=perkades").text
    assert "Tidak ada produk hukum yang cocok" in nothing


@pytest.mark.django_db
def test_a_wrong_filter_is_explained_in_indonesian_and_everything_is_shown(client_a):
    with client_a.schema():
        law("sk-4-2025", "sk", "4", 2025, title="Tim Pelaksana Kegiatan")
    response = client_a.get("/transparansi/produk-hukum/?jenis=undang-undang&tahun=1999")
    assert response.status_code == 200
    assert "Jenis “undang-undang” tidak dikenal." in response.text
    assert "Belum ada produk hukum tahun “1999”." in response.text
    assert "Tim Pelaksana Kegiatan" in response.text


@pytest.mark.django_db
def test_a_law_page_cites_it_properly(client_a):
    with client_a.schema():
        law("perdes-6-2024", "perdes", "6", 2024, title="APBDes Tahun Anggaran 2025", status="diubah")
    text = client_a.get("/transparansi/produk-hukum/perdes-6-2024/").text
    assert "Peraturan Desa Nomor 6 Tahun 2024" in text and "tentang APBDes Tahun Anggaran 2025" in text
    assert "Telah diubah" in text and "Salinan berkas belum diunggah" in text


@pytest.mark.django_db
def test_admin_refuses_the_same_law_number_twice(client_a):
    with client_a.schema():
        law("perdes-1-2025", "perdes", "1", 2025)
        parent_id = ProdukHukumIndexPage.objects.get().pk
    admin_of(client_a)
    data = nested_form_data(
        {
            "title": "Perdes Lain",
            "slug": "perdes-lain",
            "jenis": "perdes",
            "nomor": "1",
            "tahun": "2025",
            "status": "berlaku",
            "pokok_isi": rich_text(""),
        }
    )
    data["action-publish"] = "publish"
    response = client_a.post(f"/admin/pages/add/transparansi/produkhukumpage/{parent_id}/", data)
    assert response.status_code == 200 and "Peraturan Desa Nomor 1 Tahun 2025 sudah ada." in response.text
    data["nomor"] = "2"
    assert client_a.post(f"/admin/pages/add/transparansi/produkhukumpage/{parent_id}/", data).status_code == 302


@pytest.mark.django_db
def test_ppid_page_lists_public_information_by_category(client_a):
    with client_a.schema():
        apbdes(2025, [(P, "Dana Desa", 100)])
    response = client_a.get("/transparansi/ppid/")
    assert response.status_code == 200
    text = response.text
    berkala, serta_merta, setiap_saat = (
        text.split('id="berkala"')[1].split('id="serta-merta"')[0],
        text.split('id="serta-merta"')[1].split('id="setiap-saat"')[0],
        text.split('id="setiap-saat"')[1],
    )
    assert "Informasi berkala" in berkala and "RPJMDes" in berkala
    assert berkala.index("Profil desa") < berkala.index("Struktur organisasi") < berkala.index("RPJMDes")
    assert 'href="/transparansi/apbdes-2025/"' in berkala and "APBDes Tahun 2025" in berkala  # joined by itself
    assert "Peringatan dini dan informasi bencana" in serta_merta
    assert 'href="/transparansi/produk-hukum/"' in setiap_saat and 'href="/layanan/"' in setiap_saat
    assert "10 hari kerja" in text and 'href="/kontak/"' in text


@pytest.mark.django_db
def test_tree_rules(client_a):
    with client_a.schema():
        root, section = home(), TransparansiIndexPage.objects.get()
        laws, ppid = ProdukHukumIndexPage.objects.get(), PPIDPage.objects.get()
        assert not ProdukHukumPage.can_create_at(ppid)
        assert APBDesPage.can_create_at(section) and not APBDesPage.can_create_at(root)
        assert not APBDesPage.can_create_at(laws)
        assert ProdukHukumPage.can_create_at(laws) and not ProdukHukumPage.can_create_at(section)
        assert not PPIDPage.can_create_at(section)  # one PPID page, made by default
        assert not ProdukHukumIndexPage.can_create_at(section) and not TransparansiIndexPage.can_create_at(root)
        assert not PPIDPage.can_exist_under(root)
        assert APBDesPage.allowed_subpage_models() == [] and PPIDPage.allowed_subpage_models() == []


@pytest.mark.django_db
def test_budgets_and_laws_of_one_desa_stay_there(client_a, client_b):
    with client_a.schema():
        apbdes(2025, [(P, "Dana Desa Rahasia", 123_456_789)])
        law("perdes-9-2025", "perdes", "9", 2025, title="Perdes Desa A")
    assert client_a.get("/transparansi/apbdes-2025/").status_code == 200
    assert client_b.get("/transparansi/apbdes-2025/").status_code == 404
    assert client_b.get("/transparansi/produk-hukum/perdes-9-2025/").status_code == 404
    assert "Rp 123.456.789" not in client_b.get("/transparansi/").text
    assert "Perdes Desa A" not in client_b.get("/transparansi/produk-hukum/").text
    assert "APBDes Tahun 2025" not in client_b.get("/transparansi/ppid/").text
    with client_b.schema():
        assert not Page.objects.filter(slug__in=["apbdes-2025", "perdes-9-2025"]).exists()


@pytest.mark.django_db
def test_pilot_budget_is_this_year_balanced_and_loaded_once(client_a):
    year = timezone.localdate().year
    with client_a.schema():
        pilot.load(home())
        pilot.load(home())
        budget = APBDesPage.objects.get()
        summary = budget.ikhtisar()
        assert budget.tahun == year and ProdukHukumPage.objects.count() == 3
        assert summary.pendapatan == 1_664_927_000 and summary.silpa == 0
        assert budget.perdes.sebutan == f"Peraturan Desa Nomor 6 Tahun {year - 1}"
    text = client_a.get(f"/transparansi/apbdes-{year}/").text
    assert "Rp 1.664.927.000" in text and f"Peraturan Desa Nomor 6 Tahun {year - 1}" in text
