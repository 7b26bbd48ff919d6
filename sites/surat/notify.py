"""Telling the resident: a wa.me link they share themselves, and mail through the platform's outbox (sent
after commit by a worker, so no request waits on a mail server)."""

from urllib.parse import quote

from django.db import connection
from django.urls import reverse

from desa_platform.outbox import enqueue_mail
from desa_platform.tenancy.current import current_desa


def status_url(permohonan) -> str:
    desa = current_desa()
    return (desa.url if desa else "") + reverse("surat:status", args=[permohonan.kode])


def whatsapp_share_url(permohonan) -> str:
    """wa.me with only a text: the resident picks the chat (their own, a relative's); no third-party script."""
    text = f"Status permohonan {permohonan.layanan_judul} (kode {permohonan.kode_tampil}): {status_url(permohonan)}"
    return "https://wa.me/?text=" + quote(text)


def _enqueue(permohonan, subject: str, body: str) -> None:
    if not permohonan.email:
        return
    desa = current_desa()
    enqueue_mail(
        [permohonan.email],
        f"[{desa.display_name if desa else 'Desa'}] {subject}",
        body,
        tenant_schema=connection.schema_name,
        kind="surat",
    )


def request_received(permohonan) -> None:
    _enqueue(
        permohonan,
        f"Permohonan {permohonan.layanan_judul} diterima",
        f"Permohonan Anda sudah kami terima.\n\nKode pelacakan: {permohonan.kode_tampil}\n"
        f"Lihat statusnya di: {status_url(permohonan)}\n\nSimpan kode ini; jangan bagikan NIK Anda kepada siapa pun.",
    )


def status_changed(permohonan) -> None:
    _enqueue(
        permohonan,
        f"Status permohonan: {permohonan.get_status_display()}",
        f"Status permohonan {permohonan.layanan_judul} (kode {permohonan.kode_tampil}) sekarang: "
        f"{permohonan.get_status_display()}.\n{permohonan.catatan_publik}\n\nLihat: {status_url(permohonan)}",
    )


def letter_ready(permohonan) -> None:
    _enqueue(
        permohonan,
        f"Surat {permohonan.layanan_judul} sudah jadi",
        f"Surat Anda sudah ditandatangani. Unduh di {status_url(permohonan)} dengan kode pelacakan dan "
        "4 angka terakhir NIK Anda.",
    )
