"""The steps of a request and who may take them; every step is written to its history."""

from django.utils import timezone

from .models import Permohonan, Riwayat

S = Permohonan.Status
# Signing (menunggu-ttd → selesai) happens only in issuing.issue_letter, never as a plain step.
NEXT_STEPS = {
    S.DITERIMA: (S.DIPERIKSA, S.PERLU_DILENGKAPI, S.DITOLAK),
    S.DIPERIKSA: (S.MENUNGGU_TTD, S.PERLU_DILENGKAPI, S.DITOLAK),
    S.PERLU_DILENGKAPI: (S.DIPERIKSA, S.DITOLAK),
    S.MENUNGGU_TTD: (S.DIPERIKSA, S.DITOLAK),
    S.SELESAI: (),
    S.DITOLAK: (),
}
NEEDS_PUBLIC_REASON = (S.PERLU_DILENGKAPI, S.DITOLAK)
ACTION_LABELS = {
    S.DIPERIKSA: "Mulai diperiksa",
    S.MENUNGGU_TTD: "Diteruskan untuk ditandatangani",
    S.PERLU_DILENGKAPI: "Diminta melengkapi",
    S.DITOLAK: "Ditolak",
}


class StepError(Exception):
    """A step that is not allowed now; the message is for the clerk, in Indonesian."""


def display_name(user) -> str:
    if user is None:
        return "Sistem"
    return user.get_full_name() or user.get_username()


def record(permohonan, user, aksi, *, status="", catatan="", publik=False, oleh="") -> Riwayat:
    return Riwayat.objects.create(
        permohonan=permohonan,
        pengguna=user,
        oleh=oleh or display_name(user),
        aksi=aksi,
        status=status,
        catatan=catatan,
        publik=publik,
    )


def move(permohonan: Permohonan, target: str, user, *, catatan: str = "") -> None:
    catatan = (catatan or "").strip()
    if target not in NEXT_STEPS.get(permohonan.status, ()):
        raise StepError(
            f"Permohonan berstatus “{permohonan.get_status_display()}” tidak dapat diubah menjadi “{S(target).label}”."
        )
    if target in NEEDS_PUBLIC_REASON and not catatan:
        raise StepError("Tulis alasannya: pemohon akan membacanya di halaman status.")
    if target == S.MENUNGGU_TTD and not has_template(permohonan):
        raise StepError("Layanan ini belum punya template surat; buat dulu di menu Template surat.")
    permohonan.status = target
    if target in NEEDS_PUBLIC_REASON:
        permohonan.catatan_publik = catatan
    if target == S.DITOLAK:
        permohonan.selesai_pada = timezone.now()
    permohonan.save()
    record(permohonan, user, ACTION_LABELS[target], status=target, catatan=catatan, publik=True)


def assign(permohonan: Permohonan, petugas, user, catatan: str) -> None:
    permohonan.petugas = petugas
    permohonan.save(update_fields=["petugas", "diperbarui"])
    record(permohonan, user, f"Disposisi kepada {display_name(petugas)}", catatan=(catatan or "").strip())


def has_template(permohonan: Permohonan) -> bool:
    from .models import TemplateSurat

    return permohonan.layanan_id is not None and TemplateSurat.objects.filter(layanan_id=permohonan.layanan_id).exists()
