"""After "perlu dilengkapi": the resident, with the tracking code and the last 4 NIK digits, replaces or adds
attachments and corrects the free fields (never the NIK) and sends the request back to the staff."""

import pytest
from django.core.cache import cache
from django.urls import reverse

from sites.surat import workflow
from sites.surat.models import Lampiran, Permohonan

from .helpers import jpeg, login, online, post_request, staff, upload

pytestmark = pytest.mark.django_db
S = Permohonan.Status
REASON = "Foto KTP buram dan alamat kurang nomor rumah. Kirim ulang fotonya."


def sent_back(client, *, examined=False):
    """A request from the form, sent back by the staff with a reason; returns it."""
    with client.schema():
        online()
    assert post_request(client).status_code == 302
    with client.schema():
        permohonan = Permohonan.objects.get()
        if examined:
            workflow.move(permohonan, S.DIPERIKSA, None)
        workflow.move(permohonan, S.PERLU_DILENGKAPI, None, catatan=REASON)
    cache.clear()  # the form's rate allowance, shared with the completion
    return permohonan


def open_form(client, permohonan, digits="0001", ip="36.72.9.9"):
    return client.post(f"/layanan/status/{permohonan.kode}/lengkapi/", {"nik4": digits}, REMOTE_ADDR=ip)


def corrected(token, **changes):
    data = {
        "lengkapi_token": token,
        "nama": "Siti Aminah",
        "no_kk": "3523120101150002",
        "jenis_kelamin": "P",
        "tempat_lahir": "Tuban",
        "tanggal_lahir": "1990-08-27",
        "alamat": "Jl. Masjid No. 12A",
        "rt": "2",
        "rw": "1",
        "dusun": "Krajan",
        "telepon": "0812 3456 7890",
        "email": "",
        "keperluan": "Keringanan biaya sekolah anak",
    }
    data.update(changes)
    return data


def test_resident_replaces_the_photo_corrects_the_address_and_sends_it_back(client_a):
    permohonan = sent_back(client_a)
    with client_a.schema():
        old_file = Lampiran.objects.get().berkas.name
    status = client_a.get(f"/layanan/status/{permohonan.kode}/").text
    assert "Lengkapi permohonan" in status and "Foto KTP buram" in status
    assert "Jl. Masjid" not in status  # the status page still shows no personal data
    page = open_form(client_a, permohonan)
    assert page.status_code == 200
    text = page.text
    assert 'value="Jl. Masjid No. 12"' in text and 'name="nik"' not in text and "Sudah ada" in text
    token = page.context["lengkapi_token"]
    sent = client_a.post(
        f"/layanan/status/{permohonan.kode}/lengkapi/",
        {
            **corrected(token, nik="3578126708900001"),  # a NIK smuggled in is ignored
            "lampiran_ktp": upload("ktp-baru.jpg", jpeg((1200, 900))),
            "lampiran_kk": upload("kk.jpg"),
        },
        REMOTE_ADDR="36.72.9.9",
    )
    assert sent.status_code == 302 and sent["Location"] == f"/layanan/status/{permohonan.kode}/"
    with client_a.schema():
        permohonan.refresh_from_db()
        assert permohonan.status == S.DITERIMA and permohonan.catatan_publik == ""
        assert permohonan.alamat == "Jl. Masjid No. 12A" and permohonan.nik == "3523126708900001"
        files = {item.label: item for item in Lampiran.objects.all()}
        assert set(files) == {"Foto atau PDF KTP-el", "Foto atau PDF Kartu Keluarga"}
        assert files["Foto atau PDF KTP-el"].nama_asli == "ktp-baru.jpg"
        assert not Lampiran.berkas.field.storage.exists(old_file)  # the replaced photo is gone
        step = permohonan.riwayat.last()
        assert step.aksi == "Dilengkapi oleh pemohon" and step.oleh == "Pemohon" and step.publik
        assert "KTP-el diganti" in step.catatan and "alamat" in step.catatan
        operator = staff("operator", "Operator")
    status = client_a.get(f"/layanan/status/{permohonan.kode}/").text
    assert "Dilengkapi oleh pemohon" in status and "Lengkapi permohonan</h2>" not in status
    login(client_a, operator)
    inbox = client_a.get(reverse("surat_admin:inbox")).text
    assert "dilengkapi pemohon" in inbox


def test_a_request_examined_before_goes_back_to_diperiksa(client_a):
    permohonan = sent_back(client_a, examined=True)
    token = open_form(client_a, permohonan).context["lengkapi_token"]
    assert client_a.post(f"/layanan/status/{permohonan.kode}/lengkapi/", corrected(token)).status_code == 302
    with client_a.schema():
        permohonan.refresh_from_db()
        assert permohonan.status == S.DIPERIKSA


def test_same_checks_as_the_first_form_and_nothing_typed_is_lost(client_a):
    permohonan = sent_back(client_a)
    token = open_form(client_a, permohonan).context["lengkapi_token"]
    url = f"/layanan/status/{permohonan.kode}/lengkapi/"
    bad = client_a.post(
        url,
        {
            **corrected(token, tanggal_lahir="1990-08-28", alamat="Jl. Baru 7"),
            "lampiran_kk": upload("kk.jpg"),
            "lampiran_ktp": upload("ktp.exe", b"MZ\x90\x00", "application/octet-stream"),
        },
    )
    assert bad.status_code == 400
    text = bad.text
    assert "Kelengkapan belum terkirim" in text and "tidak cocok dengan tanggal lahir" in text
    assert "Jenis berkas ini tidak diterima" in text
    assert 'value="Jl. Baru 7"' in text and "Sudah tersimpan: <strong>kk.jpg</strong>" in text
    berkas_token = bad.context["form"].token
    fixed = client_a.post(url, {**corrected(token, alamat="Jl. Baru 7"), "berkas_token": berkas_token})
    assert fixed.status_code == 302
    with client_a.schema():
        assert Lampiran.objects.filter(label="Foto atau PDF Kartu Keluarga", nama_asli="kk.jpg").exists()
        assert Permohonan.objects.get().alamat == "Jl. Baru 7"


def test_a_wrong_nik4_or_a_forged_token_changes_nothing(client_a):
    permohonan = sent_back(client_a)
    url = f"/layanan/status/{permohonan.kode}/lengkapi/"
    wrong = open_form(client_a, permohonan, digits="9999")
    assert wrong.status_code == 400 and "tidak cocok" in wrong.text and 'name="alamat"' not in wrong.text
    forged = client_a.post(url, corrected("bukan-token", alamat="Alamat palsu", nik4="1234"))
    assert forged.status_code == 400
    for guess in range(10):
        open_form(client_a, permohonan, digits=f"{5000 + guess}", ip="36.80.2.2")
    assert open_form(client_a, permohonan, ip="36.80.2.2").status_code == 429  # no walking the 10,000 endings
    with client_a.schema():
        permohonan.refresh_from_db()
        assert permohonan.status == S.PERLU_DILENGKAPI and permohonan.alamat == "Jl. Masjid No. 12"


def test_another_desa_cannot_open_or_complete_it(client_a, client_b):
    permohonan = sent_back(client_a)
    token = open_form(client_a, permohonan).context["lengkapi_token"]
    url = f"/layanan/status/{permohonan.kode}/lengkapi/"
    assert client_b.post(url, {"nik4": "0001"}).status_code == 404
    assert client_b.post(url, corrected(token, alamat="Dari desa lain")).status_code == 404
    with client_a.schema():
        permohonan.refresh_from_db()
        assert permohonan.status == S.PERLU_DILENGKAPI and permohonan.alamat == "Jl. Masjid No. 12"


def test_only_a_request_sent_back_can_be_completed(client_a):
    with client_a.schema():
        online()
    post_request(client_a)
    with client_a.schema():
        permohonan = Permohonan.objects.get()
    assert "Lengkapi permohonan" not in client_a.get(f"/layanan/status/{permohonan.kode}/").text
    response = open_form(client_a, permohonan)
    assert response.status_code == 302
