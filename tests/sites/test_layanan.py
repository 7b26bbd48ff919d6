"""Layanan: the default catalogue every desa gets, the service sheet, tree rules, home-page quick links."""

import pytest
from django.core.files.base import ContentFile
from wagtail.documents.models import Document
from wagtail.models import Page, Site

from sites.layanan.defaults import SERVICES
from sites.layanan.models import LayananIndexPage, ServiceForm, ServicePage, featured_services


def home():
    return Site.objects.get(is_default_site=True).root_page.specific


@pytest.mark.django_db
def test_every_new_desa_lists_the_common_services(client_a):
    page = client_a.get("/layanan/")
    assert page.status_code == 200
    for name in (
        "Surat Keterangan Domisili",
        "Surat Keterangan Tidak Mampu (SKTM)",
        "Pengantar KTP-el",
        "Pengantar Kartu Keluarga (KK)",
        "Surat Keterangan Usaha",
        "Surat Keterangan Kelahiran",
        "Surat Keterangan Kematian",
        "Pengantar Pindah Domisili",
    ):
        assert name in page.text
    assert "Administrasi kependudukan" in page.text and "Surat keterangan" in page.text


@pytest.mark.django_db
def test_a_service_page_says_what_to_bring_the_steps_the_time_the_cost_and_who_to_see(client_a):
    page = client_a.get("/layanan/surat-keterangan-tidak-mampu/")
    assert page.status_code == 200
    text = page.text
    assert "Surat pengantar dari Ketua RT dan Ketua RW setempat" in text  # persyaratan
    assert "Minta surat pengantar RT/RW" in text and "Verifikasi" in text  # prosedur
    assert "paling lama 3 hari kerja" in text  # waktu penyelesaian
    assert "Gratis" in text  # biaya
    assert "Kepala Seksi Kesejahteraan" in text  # petugas
    assert "Undang-Undang Nomor 6 Tahun 2014 tentang Desa" in text  # dasar hukum
    assert "window.print()" in text and "layanan/layanan.css" in text  # print button and print stylesheet
    # The steps come out in the order written.
    assert text.index("Minta surat pengantar RT/RW") < text.index("Verifikasi") < text.index("Terima surat")


@pytest.mark.django_db
def test_every_default_service_has_requirements_steps_and_a_legal_basis(client_a):
    with client_a.schema():
        services = ServicePage.objects.live()
        assert services.count() == len(SERVICES) == 8
        for service in services:
            assert len(service.persyaratan) >= 3, service.title
            assert len(service.prosedur) >= 3, service.title
            assert len(service.dasar_hukum) >= 1, service.title
            assert service.biaya == "Gratis" and service.waktu_penyelesaian and service.petugas


@pytest.mark.django_db
def test_cost_defaults_to_gratis_and_a_paid_service_shows_its_price(client_a):
    with client_a.schema():
        index = LayananIndexPage.objects.get()
        fresh = ServicePage(title="Legalisir Fotokopi", slug="legalisir")
        assert fresh.biaya == "Gratis"
        index.add_child(instance=ServicePage(title="Sewa Balai Desa", slug="sewa-balai", biaya="Rp 150.000 per hari"))
    text = client_a.get("/layanan/sewa-balai/").text
    assert "Rp 150.000 per hari" in text and "tidak dipungut biaya" not in text


@pytest.mark.django_db
def test_downloadable_forms_are_linked_from_the_service(client_a, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    with client_a.schema():
        document = Document(title="Formulir F-1.01 Biodata Keluarga")
        document.file.save("f-1-01.pdf", ContentFile(b"%PDF-1.4 formulir"), save=False)
        document.save()
        service = ServicePage.objects.get(slug="pengantar-kartu-keluarga")
        ServiceForm.objects.create(page=service, dokumen=document)
    text = client_a.get("/layanan/pengantar-kartu-keluarga/").text
    assert "Formulir F-1.01 Biodata Keluarga" in text and document.url in text and "PDF" in text


@pytest.mark.django_db
def test_services_live_only_under_the_catalogue_and_there_is_one_catalogue(client_a):
    with client_a.schema():
        root, index = home(), LayananIndexPage.objects.get()
        service = ServicePage.objects.first()
        assert ServicePage.can_create_at(index)
        assert not ServicePage.can_create_at(root)
        assert not ServicePage.can_create_at(service)
        assert not LayananIndexPage.can_create_at(root)  # max_count: the default one exists
        assert not LayananIndexPage.can_exist_under(index)
        assert ServicePage.allowed_subpage_models() == []
        assert index in root.get_children().in_menu().specific()


@pytest.mark.django_db
def test_featured_services_are_the_marked_live_ones_in_catalogue_order(client_a, client_b):
    with client_a.schema():
        titles = [service.title for service in featured_services(10)]
        assert titles == [spec["title"] for spec in SERVICES if spec.get("unggulan")]
        assert len(featured_services(2)) == 2
        domisili = ServicePage.objects.get(slug="surat-keterangan-domisili")
        domisili.unpublish()
        assert "Surat Keterangan Domisili" not in [service.title for service in featured_services(10)]
    with client_b.schema():
        # Another desa's change does not reach here.
        assert "Surat Keterangan Domisili" in [service.title for service in featured_services(10)]


@pytest.mark.django_db
def test_a_service_added_in_one_desa_does_not_exist_in_the_other(client_a, client_b):
    with client_a.schema():
        LayananIndexPage.objects.get().add_child(instance=ServicePage(title="Izin Keramaian", slug="izin-keramaian"))
    assert client_a.get("/layanan/izin-keramaian/").status_code == 200
    assert "Izin Keramaian" in client_a.get("/layanan/").text
    assert client_b.get("/layanan/izin-keramaian/").status_code == 404
    assert "Izin Keramaian" not in client_b.get("/layanan/").text
    with client_b.schema():
        assert not Page.objects.filter(slug="izin-keramaian").exists()
