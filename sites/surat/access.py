"""Who may do what in the letters admin, and the log of who opened personal data."""

from django.core.exceptions import PermissionDenied

from . import workflow
from .models import AksesDataPribadi

HANDLE = "surat.change_permohonan"
VIEW = "surat.view_permohonan"
SIGN = "surat.tandatangani_surat"


def require(user, permission: str) -> None:
    if not user.has_perm(permission):
        raise PermissionDenied("Anda tidak berwenang membuka halaman ini.")


def log_view(permohonan, user, apa: str) -> None:
    AksesDataPribadi.objects.create(
        permohonan=permohonan, pengguna=user, nama_pengguna=workflow.display_name(user), apa=apa
    )
