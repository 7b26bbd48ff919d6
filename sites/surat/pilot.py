"""Socorejo's online letters (pilot only): SKTM, domisili and pengantar KTP-el can be requested from the site,
and one completed SKTM request carries a signed letter that verifies. The resident and signer are ILLUSTRATIVE.
Safe to run again: nothing is added once the sample letter exists."""

import datetime
import secrets

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from sites.layanan.models import ServicePage

from . import issuing, signing, workflow
from .defaults import ensure_templates
from .models import Penandatangan, PengaturanSurat, Permohonan, Surat

ONLINE = {"surat-keterangan-tidak-mampu", "surat-keterangan-domisili", "pengantar-ktp-el"}
KODE_DESA = "35.23.12.2002"  # Kemendagri code of Socorejo, Kecamatan Jenu, Kabupaten Tuban
SIGNER_USERNAME = "kades.contoh"
SAMPLE = {
    "nama": "Siti Aminah",
    "nik": "3523126708900001",  # 27-08-1990, perempuan (27 + 40 = 67); an illustrative number
    "no_kk": "3523120101150002",
    "jenis_kelamin": "P",
    "tempat_lahir": "Tuban",
    "tanggal_lahir": datetime.date(1990, 8, 27),
    "alamat": "Jl. Masjid No. 12",
    "rt": "002",
    "rw": "001",
    "dusun": "Krajan",
    "telepon": "0812 3456 7890",
    "keperluan": "Keringanan biaya sekolah anak di SMP Negeri 1 Jenu",
}


def load(home):
    services = list(ServicePage.objects.descendant_of(home).filter(slug__in=ONLINE).specific())
    for service in services:
        if not service.bisa_diajukan_online:
            service.bisa_diajukan_online = True
            service.save_revision().publish()
    ensure_templates(services)
    settings_row = PengaturanSurat.load()
    if not settings_row.kode_desa:
        settings_row.kode_desa = KODE_DESA
        settings_row.save()
    sktm = next((s for s in services if s.slug == "surat-keterangan-tidak-mampu"), None)
    if sktm is not None and not Surat.objects.exists():
        sample_letter(sktm)


def sample_letter(service) -> Surat | None:
    """One request taken through every step and signed by an illustrative kepala desa whose passphrase is
    thrown away: the real kepala desa enrols their own on the Passphrase tanda tangan screen."""
    try:
        signing.service()
    except ImportError:
        return None
    user, _ = get_user_model().objects.get_or_create(
        username=SIGNER_USERNAME, defaults={"first_name": "Sutrisno", "last_name": "(contoh)", "is_active": False}
    )
    user.set_unusable_password()
    user.save()
    kepala = Group.objects.filter(name="Kepala Desa").first()
    if kepala is not None:
        user.groups.add(kepala)
    penandatangan, _ = Penandatangan.objects.get_or_create(
        pengguna=user, defaults={"nama": "Sutrisno", "jabatan": Penandatangan.Jabatan.KEPALA_DESA}
    )
    passphrase = secrets.token_urlsafe(24)
    signing.service().set_signing_passphrase(signing.signer_for(penandatangan), passphrase)
    permohonan = Permohonan.objects.create(layanan=service, layanan_judul=service.title, **SAMPLE)
    workflow.record(permohonan, None, "Permohonan diterima", status=Permohonan.Status.DITERIMA, publik=True)
    workflow.move(permohonan, Permohonan.Status.DIPERIKSA, None)
    workflow.move(permohonan, Permohonan.Status.MENUNGGU_TTD, None)
    return issuing.issue_letter(permohonan.pk, penandatangan, passphrase)
