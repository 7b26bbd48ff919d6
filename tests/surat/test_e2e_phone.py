"""The core path on a 360 px phone in headless Chromium, against a real WSGI server with committed data:
a resident asks for an SKTM → the operator forwards it → the kepala desa signs it on the signing desk →
the resident downloads the PDF from the status page → the verification page says "sah" for that file."""

import datetime
import os
import re
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django_tenants.utils import tenant_context

from desa_platform.signing.models import SignerCredential
from desa_platform.tenancy.models import Desa
from sites.layanan.models import ServicePage
from sites.surat.models import NomorSurat, Penandatangan, Permohonan, Surat

from ..committed import publications_taken_back
from ..live import launch_chromium, needs_chromium, wsgi_server
from ..tenants import DESA_A
from .helpers import PASSPHRASE, PASSWORD, SKTM, jpeg

SCREENSHOTS = Path(os.environ.get("SURAT_SCREENSHOTS", "/tmp/surat-e2e"))
PHONE = {"width": 360, "height": 740}
pytestmark = needs_chromium


def settings_rows():
    from sites.core.models import PengaturanDesa
    from sites.surat.models import PengaturanSurat

    return PengaturanDesa, PengaturanSurat


def clean(desa, keep=None):
    with tenant_context(desa):
        # Pages read the desa's settings with load(), which makes the row when missing: drop what we made,
        # or later tests of desa A would read these empty rows instead of their own.
        for model in settings_rows():
            if keep is not None:
                model.objects.exclude(pk__in=keep.get(model, [])).delete()
        users = get_user_model().objects.filter(username__in=["e2e-operator", "e2e-kades"])
        SignerCredential.objects.filter(
            tenant_schema=desa.schema_name, user_key__in=[str(pk) for pk in users.values_list("pk", flat=True)]
        ).delete()
        Surat.objects.all().delete()
        Permohonan.objects.all().delete()
        NomorSurat.objects.filter(tahun=datetime.date.today().year).delete()
        Penandatangan.objects.filter(pengguna__in=users).delete()
        users.delete()
        service = ServicePage.objects.get(slug=SKTM)
        if service.bisa_diajukan_online:
            service.bisa_diajukan_online = False
            service.save_revision().publish()


@pytest.fixture
def phone_server(django_db_setup, django_db_blocker, settings, tmp_path, monkeypatch):
    # Playwright's sync API runs an event loop in this thread; our ORM calls between page steps are plain sync.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    settings.WHITENOISE_USE_FINDERS = True  # the screenshots show the real look without collectstatic
    settings.WHITENOISE_AUTOREFRESH = True
    settings.SURAT_PRIVATE_ROOT = tmp_path / "private"
    from sites.surat import storage

    storage.private_storage._location = str(settings.SURAT_PRIVATE_ROOT)
    storage.private_storage.__dict__.pop("base_location", None)
    storage.private_storage.__dict__.pop("location", None)
    with django_db_blocker.unblock():
        desa = Desa.objects.get(slug=DESA_A.slug)
    with django_db_blocker.unblock(), publications_taken_back(desa.schema_name):
        clean(desa)
        with tenant_context(desa):
            keep = {model: list(model.objects.values_list("pk", flat=True)) for model in settings_rows()}
        try:
            with wsgi_server() as port:
                yield desa, port
        finally:
            clean(desa, keep)


def test_resident_to_signed_pdf_on_a_phone(phone_server, django_db_blocker, tmp_path):
    playwright_api = pytest.importorskip("playwright.sync_api")
    desa, port = phone_server
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    with django_db_blocker.unblock(), tenant_context(desa):
        service = ServicePage.objects.get(slug=SKTM)
        service.bisa_diajukan_online = True
        service.save_revision().publish()
        operator = get_user_model().objects.create_user("e2e-operator", "", PASSWORD, first_name="Dwi")
        operator.groups.add(Group.objects.get(name="Operator"))
        kades = get_user_model().objects.create_user("e2e-kades", "", PASSWORD, first_name="Sutrisno")
        kades.groups.add(Group.objects.get(name="Kepala Desa"))
    photo = tmp_path / "IMG_0001.jpg"
    photo.write_bytes(jpeg((3000, 4000)))
    site = f"http://{DESA_A.domains[0]}:{port}"

    with playwright_api.sync_playwright() as p:
        browser = launch_chromium(p, DESA_A.domains)
        resident = browser.new_context(viewport=PHONE, accept_downloads=True).new_page()
        resident.set_default_timeout(60_000)
        resident.goto(f"{site}/layanan/{SKTM}/")
        resident.screenshot(path=SCREENSHOTS / "1-layanan.png", full_page=True)
        resident.click("text=Ajukan online dari HP")
        fields = {
            "nama": "Siti Aminah",
            "nik": "3523126708900001",
            "no_kk": "3523120101150002",
            "tempat_lahir": "Tuban",
            "tanggal_lahir": "1990-08-27",
            "alamat": "Jl. Masjid No. 12",
            "rt": "2",
            "rw": "1",
            "dusun": "Krajan",
            "telepon": "0812 3456 7890",
            "keperluan": "Keringanan biaya sekolah anak",
        }
        for name, value in fields.items():
            resident.fill(f"#id_{name}", value)
        resident.check("#id_jenis_kelamin_0")  # a man's choice with a woman's NIK: the form must say so
        resident.set_input_files("#id_lampiran_ktp", str(photo))
        resident.check("#id_persetujuan")
        resident.click("text=Kirim permohonan")
        assert "tidak cocok dengan tanggal lahir" in resident.content()
        assert "Sudah tersimpan" in resident.content()  # the photo need not be chosen again
        assert resident.input_value("#id_alamat") == "Jl. Masjid No. 12"
        resident.screenshot(path=SCREENSHOTS / "2-kesalahan.png", full_page=True)
        resident.check("#id_jenis_kelamin_1")
        resident.check("#id_persetujuan")
        resident.click("text=Kirim permohonan")
        assert "/layanan/status/" in resident.url
        status_url = resident.url
        kode = re.search(r"/layanan/status/(\w+)/", status_url).group(1)
        assert "Diterima" in resident.content() and "3523126708900001" not in resident.content()
        resident.screenshot(path=SCREENSHOTS / "3-status.png", full_page=True)

        clerk = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
        login(clerk, site, "e2e-operator")
        with django_db_blocker.unblock(), tenant_context(desa):
            pk = Permohonan.objects.get(kode=kode).pk
        clerk.goto(f"{site}/admin/permohonan/")
        assert "3523••••••••0001" in clerk.content()
        for target in ("diperiksa", "menunggu-ttd"):
            clerk.goto(f"{site}/admin/permohonan/{pk}/")
            clerk.select_option("#id_status", target)
            clerk.click("text=Simpan langkah")
        clerk.screenshot(path=SCREENSHOTS / "4-operator.png", full_page=True)

        signer = browser.new_context(viewport=PHONE).new_page()
        login(signer, site, "e2e-kades")
        signer.goto(f"{site}/admin/permohonan/meja-tanda-tangan/")
        assert "Passphrase tanda tangan" in signer.content()  # first time: set one
        signer.fill("#id_nama", "Sutrisno")
        signer.fill("#id_kata_sandi", PASSWORD)
        signer.fill("#id_passphrase", PASSPHRASE)
        signer.fill("#id_passphrase2", PASSPHRASE)
        signer.screenshot(path=SCREENSHOTS / "5-passphrase.png", full_page=True)
        with signer.expect_navigation():
            signer.click("button:has-text('Simpan')")
        assert "Meja tanda tangan" in signer.content() and "Siti Aminah" in signer.content()
        signer.screenshot(path=SCREENSHOTS / "6-meja.png", full_page=True)
        width = signer.evaluate("document.documentElement.scrollWidth")
        assert width <= 380, f"the signing desk scrolls sideways at 360 px ({width}px)"
        signer.fill("#id_passphrase", PASSPHRASE)
        signer.check("input[name=yakin]")
        with signer.expect_navigation():
            signer.click("text=Tandatangani yang dipilih")
        signer.screenshot(path=SCREENSHOTS / "7-ditandatangani.png", full_page=True)
        assert "surat ditandatangani" in signer.content()

        resident.goto(status_url)
        assert "Surat sudah jadi" in resident.content()
        resident.fill("#nik4", "0001")
        with resident.expect_download() as download_info:
            resident.click("text=Unduh surat (PDF)")
        pdf_path = tmp_path / "surat.pdf"
        download_info.value.save_as(pdf_path)
        resident.screenshot(path=SCREENSHOTS / "8-unduh.png", full_page=True)
        assert pdf_path.read_bytes()[:5] == b"%PDF-"
        (SCREENSHOTS / "surat.pdf").write_bytes(pdf_path.read_bytes())  # to look at with pdftoppm

        with django_db_blocker.unblock(), tenant_context(desa):
            surat = Surat.objects.get(permohonan__kode=kode)
        resident.goto(f"{site}/verifikasi/{surat.kode_verifikasi}/")
        resident.set_input_files("#berkas", str(pdf_path))
        resident.click("button:has-text('Periksa')")
        assert "SAH." in resident.content()
        resident.screenshot(path=SCREENSHOTS / "9-verifikasi.png", full_page=True)
        browser.close()


def login(page, site, username):
    page.set_default_timeout(60_000)
    page.goto(f"{site}/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
