"""A resident's online request: the form on a service switched online, validation in Indonesian that keeps
everything typed (files too, by a token), private attachments, the status page without personal data."""

import pytest
from django.core.cache import cache

from sites.surat import ratelimit
from sites.surat.models import Lampiran, Permohonan

from .helpers import SKTM, VALID, jpeg, online, post_request, upload

pytestmark = pytest.mark.django_db


def test_service_page_offers_the_online_form_only_when_switched_on(client_a):
    page = client_a.get(f"/layanan/{SKTM}/")
    assert "Ajukan online" not in page.text
    assert client_a.get(f"/layanan/ajukan/{SKTM}/").status_code == 404
    with client_a.schema():
        online()
    cache.clear()
    assert "Ajukan online dari HP" in client_a.get(f"/layanan/{SKTM}/").text
    form = client_a.get(f"/layanan/ajukan/{SKTM}/")
    assert form.status_code == 200
    assert "private" in form["Cache-Control"] and "no-store" in form["Cache-Control"]
    text = form.text
    for label in ("NIK", "Nomor Kartu Keluarga", "Tempat lahir", "Tanggal lahir", "RT", "RW", "Dusun", "WhatsApp"):
        assert label in text
    assert "dihapus 12 bulan setelah permohonan selesai" in text  # what is kept, how long, who sees it
    assert 'name="situs_web"' in text


def test_a_valid_request_is_stored_with_its_attachment_outside_media_and_gives_a_status_page(client_a, settings):
    with client_a.schema():
        online()
    response = post_request(client_a, files={"lampiran_ktp": upload("IMG_2041.JPG", jpeg(exif_gps=True))})
    assert response.status_code == 302
    with client_a.schema():
        permohonan = Permohonan.objects.get()
        assert permohonan.nama == "Siti Aminah" and permohonan.nik == "3523126708900001"
        assert permohonan.rt == "002" and not permohonan.nik_luar_daerah
        lampiran = Lampiran.objects.get()
        path = lampiran.berkas.path
        assert path.startswith(str(settings.SURAT_PRIVATE_ROOT / client_a.desa.schema_name))
        assert not path.startswith(str(settings.MEDIA_ROOT))
        assert "IMG_2041" not in path
        assert b"KameraHP" not in lampiran.berkas.read()  # EXIF dropped by the upload pipeline
    assert response["Location"] == f"/layanan/status/{permohonan.kode}/"
    status = client_a.get(response["Location"])
    assert status.status_code == 200
    text = status.text
    assert "Diterima" in text and "Surat Keterangan Tidak Mampu" in text
    assert "Siti" not in text and "3523126708900001" not in text and "0812" not in text
    assert "https://wa.me/?text=" in text
    assert len(permohonan.kode) == 16


def test_errors_are_indonesian_and_keep_typed_data_and_chosen_files(client_a):
    with client_a.schema():
        online()
    response = post_request(client_a, nik="3523122708900001")  # a man's NIK for a woman's form
    assert response.status_code == 400
    text = response.text
    assert "Permohonan Anda belum terkirim" in text
    assert "tidak cocok dengan tanggal lahir" in text and "ditambah 40" in text
    assert 'value="Jl. Masjid No. 12"' in text and "Keringanan biaya sekolah anak" in text
    assert "Sudah tersimpan: <strong>ktp.jpg</strong>" in text
    token = response.context["form"].token
    assert token and f'value="{token}"' in text
    # The second try sends no file again: the kept one is used.
    fixed = post_request(client_a, files={"berkas_token": token})
    assert fixed.status_code == 302
    with client_a.schema():
        assert Lampiran.objects.get().nama_asli == "ktp.jpg"


def test_nik_from_another_kabupaten_is_accepted_but_flagged(client_a):
    with client_a.schema():
        online()
    response = post_request(client_a, nik="3578126708900001", no_kk="3578120101150002")
    assert response.status_code == 302
    with client_a.schema():
        assert Permohonan.objects.get().nik_luar_daerah


@pytest.mark.parametrize(
    "files, message",
    [
        (
            {"lampiran_ktp": upload("ktp.exe", b"MZ\x90\x00", "application/octet-stream")},
            "Jenis berkas ini tidak diterima",
        ),
        (
            {"lampiran_ktp": upload("ktp.pdf", b"<html><script>alert(1)</script>", "application/pdf")},
            "bukan PDF yang sah",
        ),
        ({"lampiran_ktp": upload("ktp.jpg", b"\x00" * 100)}, "bukan gambar yang bisa dibaca"),
        ({"lampiran_ktp": upload("ktp.jpg", b"\xff\xd8" + b"0" * (10 * 1024 * 1024 + 10))}, "Berkas terlalu besar"),
        ({}, "Pilih berkas Foto atau PDF KTP-el"),
    ],
)
def test_hostile_or_missing_attachments_get_a_clear_400(client_a, files, message):
    with client_a.schema():
        online()
    response = post_request(client_a, files=files)
    assert response.status_code == 400
    assert message in response.text
    with client_a.schema():
        assert not Permohonan.objects.exists()


def test_nul_bytes_and_overlong_fields_are_refused_not_500(client_a):
    with client_a.schema():
        online()
    response = post_request(client_a, nama="Siti\x00Aminah", keperluan="x" * 5000)
    assert response.status_code == 400
    with client_a.schema():
        assert not Permohonan.objects.exists()


def test_a_body_over_the_cap_gets_413_in_indonesian(client_a):
    with client_a.schema():
        online()
    response = client_a.post(f"/layanan/ajukan/{SKTM}/", VALID, CONTENT_LENGTH=str(60 * 1024 * 1024))
    assert response.status_code == 413 and "Berkas terlalu besar" in response.text


def test_honeypot_and_rate_limit(client_a):
    with client_a.schema():
        online()
    bot = post_request(client_a, situs_web="http://spam.example")
    assert bot.status_code == 200 and "Terima kasih" in bot.text
    with client_a.schema():
        assert not Permohonan.objects.exists()
    for _ in range(ratelimit.REQUESTS[0]):
        assert post_request(client_a, ip="36.72.9.9").status_code == 302
    limited = post_request(client_a, ip="36.72.9.9")
    assert limited.status_code == 429 and "Terlalu banyak permohonan" in limited.text
    assert 'value="Jl. Masjid No. 12"' in limited.text


def test_unknown_or_other_desa_codes_are_404(client_a, client_b):
    with client_a.schema():
        online()
    post_request(client_a)
    with client_a.schema():
        kode = Permohonan.objects.get().kode
    assert client_a.get(f"/layanan/status/{kode}/").status_code == 200
    assert client_b.get(f"/layanan/status/{kode}/").status_code == 404
    assert client_a.get("/layanan/status/AAAAAAAAAAAAAAAA/").status_code == 404
    # A NUL byte is refused before routing (desa_platform/security: 400), any other junk finds nothing.
    assert client_a.get("/layanan/status/%00%27--/").status_code == 400
    assert client_a.get("/layanan/status/%27--/").status_code == 404
    with client_b.schema():
        assert not Permohonan.objects.exists()
