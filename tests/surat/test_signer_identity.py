"""The signer's NIK (for BSrE) and NIP (printed on the letter): validated, kept on the signer's own screen,
masked elsewhere, never on a public page; BSrE gets the NIK; the desk confirms with a passphrase or a TOTP code."""

import io

import pytest
from cryptography.hazmat.primitives import serialization
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from pyhanko.pdf_utils.reader import PdfFileReader

from sites.surat import issuing, workflow
from sites.surat.models import Penandatangan, Permohonan, Surat
from tests.signing.bsre_stub import PASSWORD as BSRE_APP_PASSWORD
from tests.signing.bsre_stub import USER as BSRE_APP_USER
from tests.signing.bsre_stub import BsreStub

from .helpers import PASSPHRASE, PASSWORD, inside, login, make_request, online, signer, staff

pytestmark = pytest.mark.django_db
S = Permohonan.Status
NIK = "3523120505750003"
NIP = "197505052000031003"
BSRE_PASSPHRASE = "Bsre#Passphrase1"


def waiting_request(service):
    permohonan = make_request(service)
    workflow.move(permohonan, S.DIPERIKSA, None)
    workflow.move(permohonan, S.MENUNGGU_TTD, None)
    return permohonan


def page_streams(data: bytes) -> bytes:
    """The decoded content streams of every page: what the letter prints (fpdf2 writes its text literally)."""
    reader = PdfFileReader(io.BytesIO(data))
    out = b""
    for index in range(int(reader.root["/Pages"]["/Count"])):
        page, _ = reader.find_page_for_modification(index)
        contents = page.get_object()["/Contents"]
        contents = contents.get_object() if hasattr(contents, "get_object") else contents
        for stream in contents if isinstance(contents, list) else [contents]:
            out += stream.get_object().data
    return out


def profile(client, **changes):
    data = {"nama": "Sutrisno", "jabatan": "Kepala Desa", "nik": "", "nip": "", "kata_sandi": PASSWORD}
    data.update({"passphrase": PASSPHRASE, "passphrase2": PASSPHRASE}, **changes)
    return client.post(reverse("surat_admin:passphrase"), data)


def test_nik_and_nip_are_validated_kept_and_masked_outside_the_signers_screen(client_a):
    with inside(client_a):
        kades = staff("kades", "Kepala Desa")
    login(client_a, kades)
    bad_nip = profile(client_a, nip="1975050520000310")
    assert bad_nip.status_code == 400 and "NIP harus 18 angka" in bad_nip.text
    bad_date = profile(client_a, nip="197513052000031003")
    assert bad_date.status_code == 400 and "tanggal lahir" in bad_date.text
    bad_nik = profile(client_a, nik="9923120505750003")
    assert bad_nik.status_code == 400 and "bukan kode provinsi" in bad_nik.text
    assert profile(client_a, nik="3523 1205 0575 0003", nip="19750505 200003 1 003").status_code == 302
    with inside(client_a):
        row = Penandatangan.objects.get(pengguna=kades)
        assert (row.nik, row.nip) == (NIK, NIP)
    own_screen = client_a.get(reverse("surat_admin:passphrase")).text
    assert NIK in own_screen and NIP in own_screen
    desk = client_a.get(reverse("surat_admin:meja")).text
    assert NIK not in desk and NIP not in desk and "3523••••••••0003" in desk
    # changing the NIP alone keeps the passphrase
    assert profile(client_a, nip="", passphrase="", passphrase2="").status_code == 302
    assert client_a.get(reverse("surat_admin:meja")).status_code == 200


def test_the_letter_prints_the_nip_never_the_nik_and_the_verification_page_shows_neither(client_a):
    with inside(client_a):
        service = online()
        penandatangan = signer(staff("kades", "Kepala Desa"), None)
        penandatangan.nik, penandatangan.nip, penandatangan.nama = NIK, NIP, "Sutrisno, S.Sos."
        penandatangan.save()
        from sites.core.models import PengaturanDesa

        office = PengaturanDesa.load()
        office.alamat = "Kantor Desa Uji\nJl. Raya No. 1"
        office.save()
        surat = issuing.issue_letter(waiting_request(service).pk, penandatangan, PASSPHRASE)
        printed = page_streams(surat.berkas.read())
    assert b"(NIP. " + NIP.encode() + b")" in printed and NIK.encode() not in printed
    assert b"(SUTRISNO, S.Sos.)" in printed  # the name in capitals, the degree as written
    assert b"Kantor Desa Uji, Jl. Raya No. 1" in printed  # the kop's one line from the address's lines
    page = client_a.get(f"/verifikasi/{surat.kode_verifikasi}/").text
    assert "Sutrisno" in page and NIP not in page and NIK not in page


def test_without_a_nip_there_is_no_nip_line(client_a):
    with inside(client_a):
        service = online()
        penandatangan = signer(staff("kades", "Kepala Desa"), None)
        surat = issuing.issue_letter(waiting_request(service).pk, penandatangan, PASSPHRASE)
        assert b"NIP." not in page_streams(surat.berkas.read())


@pytest.fixture
def bsre(settings, tmp_path):
    with BsreStub({NIK: (BSRE_PASSPHRASE, "SUTRISNO", "Kepala Desa")}) as running:
        root = tmp_path / "bsre-root.pem"
        root.write_bytes(running.root.public_bytes(serialization.Encoding.PEM))
        settings.DESA_SIGNING_BACKEND = "bsre"
        settings.SIGNING_BSRE_URL = running.url
        settings.SIGNING_BSRE_USER, settings.SIGNING_BSRE_PASSWORD = BSRE_APP_USER, BSRE_APP_PASSWORD
        settings.SIGNING_BSRE_TIMEOUT = 5.0
        settings.SIGNING_BSRE_TRUST_ROOTS = [str(root)]
        yield running


def test_bsre_signs_with_the_signers_nik_from_the_desk(client_a, bsre):
    with inside(client_a):
        service = online()
        kades = staff("kades", "Kepala Desa")
        Penandatangan.objects.create(pengguna=kades, nama="Sutrisno", nik=NIK, nip=NIP)
        permohonan = waiting_request(service)
    login(client_a, kades)
    desk = client_a.get(reverse("surat_admin:meja"))
    assert desk.status_code == 200 and "Passphrase BSrE" in desk.text
    assert NIK not in desk.text and "3523••••••••0003" in desk.text
    wrong = client_a.post(reverse("surat_admin:meja"), {"pilih": [permohonan.pk], "passphrase": "x", "yakin": "on"})
    assert wrong.status_code == 400 and "Passphrase anda salah" in wrong.text  # BSrE's own words
    signed = client_a.post(
        reverse("surat_admin:meja"), {"pilih": [permohonan.pk], "passphrase": BSRE_PASSPHRASE, "yakin": "on"}
    )
    assert signed.status_code == 302
    with inside(client_a):
        surat = Surat.objects.get()
    sent = bsre.requests[-1]
    assert sent["fields"]["nik"] == NIK and NIP not in sent["fields"].values()
    assert surat.jenis_tanda_tangan == "bsre"
    page = client_a.get(f"/verifikasi/{surat.kode_verifikasi}/").text
    assert "BSrE" in page and NIK not in page


def test_bsre_without_the_signers_nik_is_a_clear_indonesian_refusal(client_a, bsre):
    with inside(client_a):
        service = online()
        kades = staff("kades", "Kepala Desa")
        penandatangan = Penandatangan.objects.create(pengguna=kades, nama="Sutrisno")
        permohonan = waiting_request(service)
        with pytest.raises(issuing.IssueError, match="Isi NIK Anda"):
            issuing.issue_letter(permohonan.pk, penandatangan, BSRE_PASSPHRASE)
        assert not Surat.objects.exists()
    assert not bsre.requests
    login(client_a, kades)
    desk = client_a.get(reverse("surat_admin:meja"), follow=True)
    assert "BSrE" in desk.text and "Isi NIK Anda" in desk.text
    # the signer's own screen asks for the NIK and no local passphrase
    screen = client_a.post(
        reverse("surat_admin:passphrase"),
        {"nama": "Sutrisno", "jabatan": "Kepala Desa", "nik": "", "nip": "", "kata_sandi": PASSWORD},
    )
    assert screen.status_code == 400 and "BSrE mengenali penanda tangan dari NIK" in screen.text
    assert "Passphrase tanda tangan baru" not in screen.text


def code_for(device) -> str:
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


def test_the_desk_signs_with_a_totp_code_instead_of_the_passphrase(client_a, settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = 0
    with inside(client_a):
        service = online()
        kades = staff("kades", "Kepala Desa")
        signer(kades, None)
        device = TOTPDevice.objects.create(user=kades, name="ponsel", confirmed=True)
        waiting = [waiting_request(service) for _ in range(3)]
    login(client_a, kades)
    with inside(client_a):
        session = client_a.session
        session["otp_device_id"] = device.persistent_id  # the admin asked for the code at login
        session.save()
    desk = client_a.get(reverse("surat_admin:meja"))
    assert desk.status_code == 200 and "aplikasi autentikator" in desk.text
    chosen = [str(p.pk) for p in waiting[:2]]
    wrong = client_a.post(reverse("surat_admin:meja"), {"pilih": chosen, "kode": "000000", "yakin": "on"})
    assert wrong.status_code == 400 and "Kode autentikator salah" in wrong.text
    both = client_a.post(
        reverse("surat_admin:meja"), {"pilih": chosen, "kode": "123456", "passphrase": PASSPHRASE, "yakin": "on"}
    )
    assert both.status_code == 400 and "salah satu saja" in both.text
    signed = client_a.post(reverse("surat_admin:meja"), {"pilih": chosen, "kode": code_for(device), "yakin": "on"})
    assert signed.status_code == 302
    with inside(client_a):
        assert sorted(Surat.objects.values_list("nomor_urut", flat=True)) == [1, 2]


def test_the_desk_without_a_totp_device_asks_for_the_passphrase_only(client_a):
    with inside(client_a):
        service = online()
        kades = staff("kades", "Kepala Desa")
        signer(kades, None)
        waiting_request(service)
    login(client_a, kades)
    desk = client_a.get(reverse("surat_admin:meja")).text
    assert "Passphrase tanda tangan" in desk and "aplikasi autentikator" not in desk
