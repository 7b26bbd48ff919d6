"""From a request waiting for signature to a verified letter: steps, signing, numbering, the PDF download,
the verification page (genuine, changed, re-signed, revoked, another desa), retention.

Over 300 lines on purpose: one letter's life, each test building on the same signed-letter fixtures."""

import datetime
import hashlib

import pytest
from django.urls import reverse
from django.utils import timezone
from pyhanko.pdf_utils.reader import PdfFileReader

from sites.surat import issuing, numbering, retention, workflow
from sites.surat.models import AksesDataPribadi, PengaturanSurat, Permohonan, Riwayat, Surat

from .helpers import PASSPHRASE, PASSWORD, inside, login, make_request, online, signer, staff

pytestmark = pytest.mark.django_db
S = Permohonan.Status


def waiting_request(service):
    permohonan = make_request(service)
    workflow.move(permohonan, S.DIPERIKSA, None)
    workflow.move(permohonan, S.MENUNGGU_TTD, None)
    return permohonan


def issue(client, **changes):
    with inside(client):
        service = online()
        kades = staff("kades", "Kepala Desa")
        penandatangan = signer(kades, None)
        permohonan = waiting_request(service)
        surat = issuing.issue_letter(permohonan.pk, penandatangan, PASSPHRASE)
        data = surat.berkas.read()
    return permohonan, surat, data


def test_number_format_is_opensid_compatible():
    tanggal = datetime.date(2026, 11, 3)
    template = PengaturanSurat._meta.get_field("format_nomor").default
    assert (
        numbering.format_number(
            template, nomor=7, kode_klasifikasi="400.9.5", kode_desa="35.23.12.2002", tanggal=tanggal
        )
        == "400.9.5/007/35.23.12.2002/XI/2026"
    )
    opensid = "[kode_surat]/[nomor_surat, 3]/[kode_desa]/[bulan_romawi]/[tahun]"
    assert (
        numbering.format_number(opensid, nomor=12, kode_klasifikasi="", kode_desa="SCR", tanggal=tanggal)
        == "012/SCR/XI/2026"
    )


def test_steps_need_a_reason_the_resident_sees_and_follow_the_order(client_a):
    with inside(client_a):
        permohonan = make_request(online())
        with pytest.raises(workflow.StepError):
            workflow.move(permohonan, S.SELESAI, None)
        with pytest.raises(workflow.StepError, match="Tulis alasannya"):
            workflow.move(permohonan, S.PERLU_DILENGKAPI, None)
        workflow.move(permohonan, S.PERLU_DILENGKAPI, None, catatan="Foto KK buram, kirim ulang lewat WhatsApp desa.")
    text = client_a.get(f"/layanan/status/{permohonan.kode}/").text
    assert "Perlu dilengkapi" in text and "Foto KK buram" in text


def test_signing_issues_a_numbered_signed_letter_and_closes_the_request(client_a):
    permohonan, surat, data = issue(client_a)
    year = timezone.localdate().year
    # SKTM: 400.9.14 Penanggulangan Kemiskinan Perkotaan dan Perdesaan (Permendagri 83/2022)
    assert surat.nomor.startswith("400.9.14/001/") and surat.nomor.endswith(f"/{year}")
    assert hashlib.sha256(data).hexdigest() == surat.sha256
    reader = PdfFileReader(__import__("io").BytesIO(data))
    assert len(reader.embedded_signatures) == 1
    with inside(client_a):
        permohonan.refresh_from_db()
        assert permohonan.status == S.SELESAI
        assert Riwayat.objects.filter(permohonan=permohonan, aksi__startswith="Ditandatangani").exists()
        from sites.surat import signing

        result = signing.service().verify_pdf(data)
    assert result.valid and result.intact and result.trusted


def test_issued_letter_validates_with_pyhanko_and_only_the_platform_root(client_a):
    import io

    from cryptography import x509
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko_certvalidator import ValidationContext

    from desa_platform.signing import pades, root_certificate_pem

    _p, _surat, data = issue(client_a)
    root = x509.load_pem_x509_certificate(root_certificate_pem())
    context = ValidationContext(trust_roots=[pades.to_asn1_cert(root)], allow_fetching=False)
    (signature,) = PdfFileReader(io.BytesIO(data)).embedded_signatures
    status = validate_pdf_signature(signature, context)
    assert status.intact and status.valid and status.trusted
    assert status.coverage.name == "ENTIRE_FILE"


def test_a_wrong_passphrase_uses_no_number(client_a):
    with inside(client_a):
        service = online()
        penandatangan = signer(staff("kades", "Kepala Desa"), None)
        first, second = waiting_request(service), waiting_request(service)
        with pytest.raises(issuing.IssueError, match="[Pp]assphrase"):
            issuing.issue_letter(first.pk, penandatangan, "salah-sekali")
        first.refresh_from_db()
        assert first.status == S.MENUNGGU_TTD and not Surat.objects.exists()
        issued = issuing.issue_letter(second.pk, penandatangan, PASSPHRASE)
        assert issued.nomor_urut == 1


def test_resident_downloads_with_code_and_last_four_nik_digits(client_a, client_b):
    permohonan, surat, data = issue(client_a)
    url = f"/layanan/status/{permohonan.kode}/unduh/"
    wrong = client_a.post(url, {"nik4": "9999"})
    assert wrong.status_code == 400 and "tidak cocok" in wrong.text
    assert client_a.get(url).status_code == 405
    right = client_a.post(url, {"nik4": "0001"})
    assert right.status_code == 200 and right["Content-Type"] == "application/pdf"
    assert b"".join(right.streaming_content) == data
    assert client_b.post(url, {"nik4": "0001"}).status_code == 404


def test_download_guess_is_rate_limited(client_a):
    permohonan, _surat, _data = issue(client_a)
    url = f"/layanan/status/{permohonan.kode}/unduh/"
    for guess in range(10):
        client_a.post(url, {"nik4": str(5000 + guess)}, REMOTE_ADDR="36.80.1.1")
    limited = client_a.post(url, {"nik4": "0001"}, REMOTE_ADDR="36.80.1.1")
    assert limited.status_code == 429


def test_verification_page_and_uploaded_copies(client_a, client_b):
    from django.core.files.uploadedfile import SimpleUploadedFile

    _permohonan, surat, data = issue(client_a)
    url = f"/verifikasi/{surat.kode_verifikasi}/"
    page = client_a.get(url)
    text = page.text
    assert page.status_code == 200
    assert surat.nomor in text and surat.sha256 in text and "Si** Am****" in text and "Siti" not in text
    assert "Sutrisno" in text and "bukan BSrE" in text and "SAH" in text
    genuine = client_a.post(url, {"berkas": SimpleUploadedFile("s.pdf", data, "application/pdf")})
    assert "<strong>SAH.</strong>" in genuine.text
    changed = bytearray(data)
    changed[len(changed) // 3] ^= 0x01  # one bit inside the signed content
    tampered = client_a.post(url, {"berkas": SimpleUploadedFile("s.pdf", bytes(changed), "application/pdf")})
    assert "TIDAK SAH" in tampered.text and "sidik SHA-256 berbeda" in tampered.text
    not_pdf = client_a.post(url, {"berkas": SimpleUploadedFile("s.pdf", b"<html>", "application/pdf")})
    assert not_pdf.status_code == 400 and "bukan PDF" in not_pdf.text
    # Another desa's domain knows nothing of this letter.
    assert client_b.get(url).status_code == 404


def test_a_copy_resigned_by_another_desa_is_not_sah(client_a, client_b):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from desa_platform.signing import SignatureBox, sign_pdf

    _p, surat_a, data_a = issue(client_a)
    _p, _surat_b, data_b = issue(client_b)
    with inside(client_b):  # A's letter signed once more, with Sugihwaras-style desa B's signer key
        penandatangan_b = __import__("sites.surat.models", fromlist=["Penandatangan"]).Penandatangan.objects.get()
        from sites.surat import signing

        resigned = sign_pdf(data_a, signing.signer_for(penandatangan_b), PASSPHRASE, SignatureBox(-1, 50, 50, 200, 120))
    url = f"/verifikasi/{surat_a.kode_verifikasi}/"
    for copy in (resigned, data_b):
        answer = client_a.post(url, {"berkas": SimpleUploadedFile("x.pdf", copy, "application/pdf")})
        assert "TIDAK SAH" in answer.text


def test_revoked_letter_says_dicabut(client_a):
    _p, surat, data = issue(client_a)
    with inside(client_a):
        kades = staff("kades2", "Kepala Desa")
    login(client_a, kades)
    response = client_a.post(reverse("surat_admin:cabut", args=[surat.pk]), {"alasan": "Data pemohon keliru."})
    assert response.status_code == 302
    text = client_a.get(f"/verifikasi/{surat.kode_verifikasi}/").text
    assert "DICABUT" in text and "Data pemohon keliru." in text


def test_inbox_masks_nik_and_detail_logs_who_looked(client_a):
    with inside(client_a):
        permohonan = make_request(online())
        operator = staff("operator", "Operator")
    login(client_a, operator)
    inbox = client_a.get(reverse("surat_admin:inbox"))
    assert inbox.status_code == 200
    assert "3523••••••••0001" in inbox.text and "3523126708900001" not in inbox.text
    detail = client_a.get(reverse("surat_admin:detail", args=[permohonan.pk]))
    assert "3523126708900001" in detail.text
    with inside(client_a):
        assert AksesDataPribadi.objects.filter(permohonan=permohonan, pengguna=operator).count() == 1
    filtered = client_a.get(reverse("surat_admin:inbox"), {"status": "ditolak"})
    assert "3523••••••••0001" not in filtered.text
    # The operator forwards it: status change by POST with the who/when recorded.
    client_a.post(reverse("surat_admin:detail", args=[permohonan.pk]), {"aksi": "status", "status": "diperiksa"})
    client_a.post(reverse("surat_admin:detail", args=[permohonan.pk]), {"aksi": "status", "status": "menunggu-ttd"})
    with inside(client_a):
        permohonan.refresh_from_db()
        assert permohonan.status == S.MENUNGGU_TTD
        assert Riwayat.objects.filter(permohonan=permohonan, pengguna=operator).count() == 2
    # ... but cannot sign.
    refused = client_a.get(reverse("surat_admin:meja"))  # Wagtail turns PermissionDenied into a redirect
    assert refused.status_code == 302 and refused["Location"] == "/admin/"


def test_attachments_only_for_this_desas_staff(client_a, client_b):
    from .helpers import post_request

    with inside(client_a):
        online()
    post_request(client_a)
    with inside(client_a):
        lampiran = Permohonan.objects.get().lampiran.get()
    url = reverse("surat_admin:lampiran", args=[lampiran.pk])
    assert client_a.get(url).status_code == 302  # to the login page
    with inside(client_b):
        staff_b = staff("operator-b", "Operator")
    login(client_b, staff_b)
    assert client_b.get(url).status_code == 404  # B's schema has no such attachment
    with inside(client_a):
        operator = staff("operator", "Operator")
    login(client_a, operator)
    response = client_a.get(url)
    assert response.status_code == 200 and response["Content-Type"] == "image/jpeg"
    assert "sandbox" in response["Content-Security-Policy"]
    assert client_a.get(f"/media/{lampiran.berkas.name}").status_code == 404


def test_signing_desk_signs_several_at_once_after_confirmation(client_a):
    with inside(client_a):
        service = online()
        kades = staff("kades", "Kepala Desa")
        signer(kades, None)
        waiting = [waiting_request(service) for _ in range(3)]
    login(client_a, kades)
    desk = client_a.get(reverse("surat_admin:meja"))
    assert desk.status_code == 200 and "Tandatangani yang dipilih" in desk.text
    chosen = [str(p.pk) for p in waiting[:2]]
    unconfirmed = client_a.post(reverse("surat_admin:meja"), {"pilih": chosen, "passphrase": PASSPHRASE})
    assert unconfirmed.status_code == 400 and "sudah membaca" in unconfirmed.text
    signed = client_a.post(reverse("surat_admin:meja"), {"pilih": chosen, "passphrase": PASSPHRASE, "yakin": "on"})
    assert signed.status_code == 302
    with inside(client_a):
        assert sorted(Surat.objects.values_list("nomor_urut", flat=True)) == [1, 2]
        assert Permohonan.objects.filter(status=S.MENUNGGU_TTD).count() == 1


def test_passphrase_screen_needs_the_account_password(client_a):
    with inside(client_a):
        kades = staff("kades", "Kepala Desa")
    login(client_a, kades)
    assert client_a.get(reverse("surat_admin:meja")).status_code == 302  # no passphrase yet
    data = {
        "nama": "Sutrisno",
        "jabatan": "Sekretaris Desa",
        "passphrase": "baru-sekali-123",
        "passphrase2": "baru-sekali-123",
    }
    refused = client_a.post(reverse("surat_admin:passphrase"), {**data, "kata_sandi": "salah"})
    assert refused.status_code == 400 and "Kata sandi akun salah" in refused.text
    accepted = client_a.post(reverse("surat_admin:passphrase"), {**data, "kata_sandi": PASSWORD})
    assert accepted.status_code == 302
    assert client_a.get(reverse("surat_admin:meja")).status_code == 200


def test_retention_deletes_old_requests_and_keeps_the_letter_record(client_a):
    permohonan, surat, data = issue(client_a)
    with inside(client_a):
        fresh = make_request(online())
        Permohonan.objects.filter(pk=permohonan.pk).update(selesai_pada=timezone.now() - datetime.timedelta(days=400))
        assert retention.purge_requests() == 1
        assert not Permohonan.objects.filter(pk=permohonan.pk).exists()
        assert Permohonan.objects.filter(pk=fresh.pk).exists()
        kept = Surat.objects.get(pk=surat.pk)
        assert kept.permohonan_id is None and kept.sha256 == surat.sha256
    assert client_a.get(f"/verifikasi/{surat.kode_verifikasi}/").status_code == 200


def test_admin_menu_offers_the_letters_screens_by_role(client_a):
    with inside(client_a):
        operator = staff("operator", "Operator")
        kades = staff("kades", "Kepala Desa")
    login(client_a, operator)
    home = client_a.get("/admin/")
    assert home.status_code == 200 and "Permohonan layanan" in home.text
    assert "Meja tanda tangan" not in home.text
    login(client_a, kades)
    assert "Meja tanda tangan" in client_a.get("/admin/").text
    assert client_a.get(reverse("wagtailsnippets_surat_templatesurat:list")).status_code == 200


def test_resident_with_an_email_gets_mail_through_the_outbox(client_a):
    from desa_platform.outbox.models import OutboxMessage

    from .helpers import post_request

    with inside(client_a):
        online()
    assert post_request(client_a, email="siti@contoh.id").status_code == 302
    message = OutboxMessage.objects.filter(kind="surat").latest("pk")
    assert "Kode pelacakan" in message.body and "/layanan/status/" in message.body
    assert "3523126708900001" not in message.body


def test_pilot_switches_three_services_online_with_a_sample_letter_that_verifies(client_a):
    from wagtail.models import Site

    from sites.surat import pilot, signing

    with inside(client_a):
        home = Site.objects.get(is_default_site=True).root_page.specific
        pilot.load(home)
        pilot.load(home)  # safe to run again
        online_slugs = set(ServicePageModel().objects.filter(bisa_diajukan_online=True).values_list("slug", flat=True))
        assert online_slugs == pilot.ONLINE
        surat = Surat.objects.get()
        assert surat.permohonan.status == S.SELESAI and surat.nomor.startswith("400.9.14/001/35.23.12.2002/")
        assert signing.service().verify_pdf(surat.berkas.read()).valid


def ServicePageModel():
    from sites.layanan.models import ServicePage

    return ServicePage
