"""Issuing a letter: number, render, sign, store, close the request, in one transaction.

The counter row stays locked from taking the number until commit, so numbers follow the order letters are
really issued; a wrong passphrase or a signer that fails rolls everything back and no number is used up."""

import hashlib
import logging

from django.core.files.base import ContentFile
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from desa_platform.tenancy.current import current_desa

from . import letter_content, notify, numbering, pdf, signing, workflow
from .models import PengaturanSurat, Permohonan, Surat, TemplateSurat
from .models.surat import new_verification_code

log = logging.getLogger(__name__)


class IssueError(Exception):
    """Why a letter could not be issued, in Indonesian for the signer."""


def verify_url(kode: str) -> str:
    desa = current_desa()
    base = desa.url if desa else ""
    return base + reverse("surat:verifikasi", args=[kode])


def kode_desa() -> str:
    row = PengaturanSurat.load()
    return row.kode_desa or getattr(current_desa(), "kode_wilayah", "") or ""


def render_letter(permohonan: Permohonan, penandatangan, *, nomor: str, tanggal, kode: str, kind: str):
    template = TemplateSurat.objects.filter(layanan_id=permohonan.layanan_id).first()
    if template is None:
        raise IssueError("Layanan ini belum punya template surat.")
    content = letter_content.build(
        permohonan,
        template,
        nomor=nomor,
        tanggal=tanggal,
        signer_name=penandatangan.nama,
        signer_jabatan=penandatangan.jabatan,
        signer_nip=penandatangan.nip,
        verify_url=verify_url(kode),
        signature_note=signing.KIND_NOTE.get(kind, signing.KIND_NOTE["lokal"]),
    )
    document, box = pdf.render(content)
    return template, document, box


def issue_letter(permohonan_id: int, penandatangan, confirmation: str, *, otp_token: str = "") -> Surat:
    """confirmation: the signing passphrase (BSrE's own with BSrE); or otp_token, a TOTP code from the signer's
    own account's device, instead of it (local CA only)."""
    facade = signing.service()
    kind = signing.backend_kind()
    if kind == "bsre" and not penandatangan.nik:
        raise IssueError(signing.NIK_MISSING_FOR_BSRE)
    with transaction.atomic():
        permohonan = Permohonan.objects.select_for_update().get(pk=permohonan_id)
        if permohonan.status != Permohonan.Status.MENUNGGU_TTD:
            raise IssueError(f"{permohonan.kode_tampil} tidak lagi menunggu tanda tangan.")
        tanggal = timezone.localdate()
        urut = numbering.next_number(tanggal.year)
        nomor = numbering.format_number(
            PengaturanSurat.load().format_nomor,
            nomor=urut,
            kode_klasifikasi=(permohonan.layanan.kode_klasifikasi if permohonan.layanan else ""),
            kode_desa=kode_desa(),
            tanggal=tanggal,
        )
        kode = new_verification_code()
        template, document, box = render_letter(
            permohonan, penandatangan, nomor=nomor, tanggal=tanggal, kode=kode, kind=kind
        )
        desa = current_desa()
        try:
            signed = facade.sign_pdf(
                document,
                signing.signer_for(penandatangan),
                confirmation,
                facade.SignatureBox(page=box.page, x1=box.x1, y1=box.y1, x2=box.x2, y2=box.y2, qr_url=verify_url(kode)),
                reason=f"{template.judul} {nomor}",
                location=f"Desa {desa.name}" if desa else "",
                **({"otp_user": penandatangan.pengguna, "otp_token": otp_token} if otp_token else {}),
            )
        except facade.SigningError as exc:
            raise IssueError(str(exc)) from exc
        surat = Surat(
            permohonan=permohonan,
            kode_verifikasi=kode,
            nomor=nomor,
            tahun=tanggal.year,
            nomor_urut=urut,
            tanggal=tanggal,
            berlaku_sampai=letter_content.validity(template, tanggal),
            perihal=template.judul,
            nama_pemohon_tersamar=permohonan.nama_tersamar,
            penandatangan_nama=penandatangan.nama,
            penandatangan_jabatan=penandatangan.jabatan,
            atas_nama=penandatangan.atas_nama,
            jenis_tanda_tangan=kind,
            sha256=hashlib.sha256(signed).hexdigest(),
        )
        surat.berkas.save(f"{kode}.pdf", ContentFile(signed), save=False)
        surat.save()
        permohonan.status = Permohonan.Status.SELESAI
        permohonan.selesai_pada = timezone.now()
        permohonan.catatan_publik = ""
        permohonan.save()
        workflow.record(
            permohonan,
            penandatangan.pengguna,
            f"Ditandatangani, nomor {nomor}",
            status=Permohonan.Status.SELESAI,
            publik=True,
        )
        notify.letter_ready(permohonan)
    return surat
