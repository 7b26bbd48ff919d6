"""The corrected Permendagri 83/2022 classification codes reach desa made before the fix, but a code a desa
typed itself is kept."""

import importlib

import pytest
from django.apps import apps

from sites.layanan.models import ServicePage

pytestmark = pytest.mark.django_db
fix = importlib.import_module("sites.layanan.migrations.0003_kode_klasifikasi_permendagri_83")


def code(slug):
    return ServicePage.objects.get(slug=slug).kode_klasifikasi


def test_old_wrong_defaults_move_and_a_desas_own_code_stays(client_a):
    with client_a.schema():
        kematian = ServicePage.objects.get(slug="surat-keterangan-kematian")
        kematian.kode_klasifikasi = "400.12.3.2"
        kematian.save_revision()  # the editor opens the latest revision: it must not bring the old code back
        ServicePage.objects.filter(slug="surat-keterangan-kematian").update(kode_klasifikasi="400.12.3.2")
        ServicePage.objects.filter(slug="surat-keterangan-tidak-mampu").update(kode_klasifikasi="400.9.5")
        ServicePage.objects.filter(slug="pengantar-pindah").update(kode_klasifikasi="474.1")  # the desa's own
        fix.forwards(apps, None)
        assert code("surat-keterangan-kematian") == "400.12.3.1"  # Kelahiran dan Kematian, not Perkawinan
        kematian.refresh_from_db()
        assert kematian.get_latest_revision_as_object().kode_klasifikasi == "400.12.3.1"
        assert code("surat-keterangan-tidak-mampu") == "400.9.14"  # Penanggulangan Kemiskinan, not NAPZA
        assert code("pengantar-pindah") == "474.1"


def test_a_new_desa_starts_with_the_corrected_codes(client_a):
    with client_a.schema():
        assert code("pengantar-ktp-el") == code("pengantar-kartu-keluarga") == "400.12.2.1"  # Identitas Penduduk
        assert code("pengantar-pindah") == "400.12.2.2"  # Pindah Datang Penduduk dalam Wilayah NKRI
        assert code("surat-keterangan-usaha") == "500.3"  # Koperasi dan Usaha Kecil Menengah
