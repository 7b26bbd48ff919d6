"""The dashboard a clerk sees first: Indonesian, what is left to fill in, and the residents' latest messages."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.apps import apps
from django.utils import timezone

from sites.desa_admin import onboarding

from .helpers import KEPALA_DESA, OPERATOR, login

pytestmark = pytest.mark.django_db


def steps_by_key(client) -> dict:
    with client.schema():
        return {step.key: step for step in onboarding.checklist()}


def test_the_admin_speaks_indonesian_to_a_new_user(client_a):
    login(client_a, "operator", OPERATOR)
    html = client_a.get("/admin/").content.decode()
    assert '<html lang="id"' in html
    assert "Dasbor" in html
    assert "Dashboard" not in html
    # strings Wagtail's own Indonesian catalog lacks, filled by sites/desa_admin/locale
    assert "Cari semua halaman" in html and "Laporan" in html and "Bantuan" in html
    assert "Search all pages" not in html and '"Reports"' not in html


def test_the_admin_javascript_speaks_indonesian(client_a):
    login(client_a, "operator", OPERATOR)
    catalog = client_a.get("/admin/jsi18n/").content.decode()
    assert "Buka/tutup bilah samping" in catalog


def test_a_new_desa_sees_the_checklist_with_links_to_each_edit_screen(client_a):
    login(client_a, "kades", KEPALA_DESA)
    html = client_a.get("/admin/").content.decode()
    assert "Lengkapi situs desa Anda" in html
    steps = steps_by_key(client_a)
    assert {"layanan", "apbdes", "logo", "kontak"} <= set(steps)
    for step in steps.values():
        if not step.done:
            assert f'href="{step.url}"' in html
            assert client_a.get(step.url, follow=True).status_code == 200, step


def test_checklist_reports_completion_as_items_are_done(client_a):
    PengaturanDesa = apps.get_model("core", "PengaturanDesa")
    before = steps_by_key(client_a)
    assert not before["kontak"].done
    with client_a.schema():
        settings = PengaturanDesa.load()
        settings.alamat = "Jl. Raya Jenu No. 1"
        settings.telepon = "(0356) 123456"
        settings.save()
        percent_after = onboarding.completion(onboarding.checklist())
    after = steps_by_key(client_a)
    assert after["kontak"].done
    done_before = sum(step.done for step in before.values())
    assert percent_after == 100 * (done_before + 1) // len(after)


def test_apbdes_step_wants_this_year(client_a):
    APBDesPage = apps.get_model("transparansi", "APBDesPage")
    with client_a.schema():
        APBDesPage.objects.update(tahun=timezone.localdate().year - 1)
    assert not steps_by_key(client_a)["apbdes"].done
    assert str(timezone.localdate().year) in steps_by_key(client_a)["apbdes"].label


def test_checklist_of_one_desa_is_not_moved_by_another(client_a, client_b):
    PengaturanDesa = apps.get_model("core", "PengaturanDesa")
    with client_a.schema():
        settings = PengaturanDesa.load()
        settings.alamat, settings.whatsapp = "Balai Desa Uji A", "0812 3456 7890"
        settings.save()
    assert steps_by_key(client_a)["kontak"].done
    assert not steps_by_key(client_b)["kontak"].done


def test_latest_messages_of_residents_show_on_the_dashboard_of_their_desa_only(client_a, client_b):
    Pesan = apps.get_model("kontak", "Pesan")
    with client_a.schema():
        pesan = Pesan.objects.create(nama="Bu Siti", pesan="Lampu jalan di Dusun Krajan mati.")
        Pesan.objects.filter(pk=pesan.pk).update(dikirim=datetime(2025, 8, 17, 9, 30, tzinfo=ZoneInfo("Asia/Jakarta")))
    login(client_a, "kades", KEPALA_DESA)
    html = client_a.get("/admin/").content.decode()
    assert "Pesan terbaru dari warga" in html
    assert "Bu Siti" in html and "Lampu jalan di Dusun Krajan mati." in html
    assert "17 Agustus 2025, 09.30" in html  # Indonesian date, Jakarta time

    login(client_b, "kades", KEPALA_DESA)
    html_b = client_b.get("/admin/").content.decode()
    assert "Bu Siti" not in html_b
    assert "Belum ada pesan dari warga." in html_b
