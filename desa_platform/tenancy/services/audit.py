"""Who did what to which desa, and when: every console action, CLI operation and support access."""

import getpass

from django_tenants.utils import schema_context

from ..models import AuditLog

ACTION_LABELS = {
    "login": "Masuk konsol",
    "login-failed": "Gagal masuk konsol",
    "otp-enrolled": "Mendaftarkan autentikasi dua langkah",
    "create": "Membuat desa",
    "admin-link": "Membuat tautan admin pertama",
    "admin-sheet": "Membuat lembar tautan admin",
    "operator-grant": "Memberi akses operator kecamatan",
    "operator-revoke": "Mencabut akses operator kecamatan",
    "operator-enter": "Masuk admin desa (operator kecamatan)",
    "operator-denied": "Akses operator kecamatan ditolak",
    "bulk": "Pembuatan massal",
    "suspend": "Menangguhkan",
    "resume": "Mengaktifkan kembali",
    "delete": "Menghapus",
    "backup": "Mencadangkan",
    "backup-download": "Mengunduh cadangan",
    "restore": "Memulihkan",
    "domain-add": "Menambah domain",
    "domain-remove": "Menghapus domain",
    "domain-primary": "Mengganti domain utama",
    "upgrade": "Memperbarui skema",
    "export": "Mengekspor daftar desa",
    "support-open": "Membuka akses dukungan",
    "support-enter": "Masuk admin desa (dukungan)",
    "support-denied": "Akses dukungan ditolak",
    "support-close": "Menutup akses dukungan",
    "support-expired": "Akses dukungan berakhir",
    "tema": "Mengganti tema",
    "bulk-resume": "Menjalankan lagi pembuatan massal",
    "staff-create": "Membuat akun staf",
    "staff-off": "Menonaktifkan akun staf",
    "staff-on": "Mengaktifkan akun staf",
}


def cli_actor() -> str:
    try:
        return f"cli:{getpass.getuser()}"
    except Exception:  # no login name in some containers
        return "cli"


def record(actor, action: str, desa=None, **detail) -> AuditLog:
    """Log one operation; `actor` is a staff user, a username, or None for the command line."""
    if actor is None:
        name = cli_actor()
    else:
        name = getattr(actor, "username", None) or str(actor)
    slug = getattr(desa, "slug", desa) or ""
    with schema_context("public"):
        return AuditLog.objects.create(actor=name, action=action, desa_slug=slug, detail=detail)


def label(action: str) -> str:
    return ACTION_LABELS.get(action, action)


def recent(desa_slug: str = "", actor: str = "", action: str = ""):
    entries = AuditLog.objects.all()
    if desa_slug:
        entries = entries.filter(desa_slug=desa_slug)
    if actor:
        entries = entries.filter(actor__icontains=actor)
    if action:
        entries = entries.filter(action=action)
    return entries
