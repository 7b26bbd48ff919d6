"""The one place the letters app talks to the platform's signing service (desa_platform.signing)."""

from django.conf import settings

KIND_NOTE = {
    "lokal": "Ditandatangani secara elektronik dengan sertifikat dari otoritas sertifikat Desa Digital "
    "(Diskominfo Kabupaten), bukan Penyelenggara Sertifikasi Elektronik tersertifikasi.",
    "bsre": "Ditandatangani secara elektronik dengan sertifikat elektronik dari BSrE (BSSN), "
    "Penyelenggara Sertifikasi Elektronik tersertifikasi.",
}
KIND_LABEL = {
    "lokal": "Tanda tangan elektronik platform Desa Digital (sertifikat Diskominfo, bukan BSrE)",
    "bsre": "Tanda tangan elektronik tersertifikasi BSrE (BSSN)",
}


def service():
    """The signing facade; imported late so this app loads (and its tests can swap it) without it."""
    from desa_platform import signing as facade

    return facade


def backend_kind() -> str:
    try:
        return service().backend_kind()
    except ImportError:
        return settings.DESA_SIGNING_BACKEND


NIK_MISSING_FOR_BSRE = (
    "Kabupaten memakai tanda tangan elektronik BSrE, yang mengenali penanda tangan dari NIK-nya. Isi NIK Anda "
    "(yang terdaftar di BSrE) di Permohonan layanan → Passphrase tanda tangan, lalu tanda tangani lagi."
)


def signer_for(penandatangan):
    # BSrE's API names the signer by NIK; the local CA ignores it. The NIP is printed on the letter, not sent.
    return service().Signer(
        user_key=str(penandatangan.pengguna_id),
        full_name=penandatangan.nama,
        jabatan=penandatangan.jabatan,
        nik_or_nip=penandatangan.nik or "",
    )


def can_confirm_with_totp(user) -> bool:
    try:
        return service().can_confirm_with_totp(user)
    except (ImportError, AttributeError):
        return False
