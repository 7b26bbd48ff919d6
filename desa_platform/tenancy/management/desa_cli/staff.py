"""`desa staff/audit`: Diskominfo console accounts and the audit log."""

from rich.table import Table

from desa_platform.tenancy.models import AuditLog
from desa_platform.tenancy.services import staff

from .parser import add_command


class StaffCommands:
    """Console accounts and the audit log."""

    @staticmethod
    def add_subcommands(actions):
        person = add_command(actions, "staff", "Buat akun konsol Diskominfo, atur ulang 2FA, matikan atau hidupkan.")
        person.add_argument("username", metavar="akun", help="Nama akun.")
        person.add_argument("--email", default="", metavar="SUREL", help="Alamat surel.")
        person.add_argument("--name", default="", metavar="NAMA", help="Nama lengkap.")
        person.add_argument("--superuser", action="store_true", help="Boleh mengelola akun staf lain.")
        person.add_argument("--reset-2fa", action="store_true", help="Hapus perangkat TOTP-nya: mendaftar ulang.")
        switch = person.add_mutually_exclusive_group()
        switch.add_argument("--deactivate", action="store_true", help="Matikan akun (akunnya tetap disimpan).")
        switch.add_argument("--activate", action="store_true", help="Hidupkan lagi, dengan tautan sandi baru.")
        log = add_command(actions, "audit", "Tampilkan entri terbaru log audit.")
        log.add_argument("--limit", type=int, default=30, metavar="N", help="Jumlah entri (bawaan: 30).")
        log.add_argument("--slug", default="", metavar="SLUG", help="Hanya entri desa ini.")

    def handle_staff(self, username, email, name, superuser, reset_2fa, deactivate, activate, **_):
        if deactivate or activate:
            _user, link = staff.set_active(username, active=activate)
            self.stdout.write(f"Akun '{username}' {'aktif' if activate else 'dinonaktifkan'}.")
            if link:
                self.stdout.write(f"Tautan sekali pakai untuk memasang kata sandi baru: {link}")
            return
        if reset_2fa:
            count = staff.reset_two_factor(username)
            self.stdout.write(f"{count} perangkat TOTP dihapus; '{username}' mendaftar ulang saat masuk berikutnya.")
            return
        user, link = staff.create_staff(username, email=email, full_name=name, superuser=superuser)
        self.stdout.write(self.style.SUCCESS(f"Akun konsol '{user.username}' siap."))
        self.stdout.write(f"Tautan sekali pakai untuk memasang kata sandi: {link}")

    def handle_audit(self, limit, slug, **_):
        table = Table("waktu", "pelaku", "tindakan", "desa", "rincian")
        for entry in AuditLog.objects.filter(**({"desa_slug": slug} if slug else {}))[:limit]:
            table.add_row(
                f"{entry.at:%Y-%m-%d %H:%M:%S}",
                entry.actor,
                entry.get_action_display(),
                entry.desa_slug,
                str(entry.detail),
            )
        self.console.print(table)
