"""`desa staff/audit`: Diskominfo console accounts and the audit log."""

from rich.table import Table

from desa_platform.tenancy.models import AuditLog
from desa_platform.tenancy.services import staff


class StaffCommands:
    """Console accounts and the audit log."""

    @staticmethod
    def add_subcommands(actions):
        person = actions.add_parser("staff", help="Create a Diskominfo console account, or reset its 2FA.")
        person.add_argument("username")
        person.add_argument("--email", default="")
        person.add_argument("--name", default="")
        person.add_argument("--superuser", action="store_true", help="May manage other staff accounts.")
        person.add_argument("--reset-2fa", action="store_true", help="Remove its TOTP devices: enrol again.")
        switch = person.add_mutually_exclusive_group()
        switch.add_argument("--deactivate", action="store_true", help="Switch the account off (it is kept).")
        switch.add_argument("--activate", action="store_true", help="Switch it on again, with a new password link.")
        log = actions.add_parser("audit", help="Show the latest audit log entries.")
        log.add_argument("--limit", type=int, default=30)
        log.add_argument("--slug", default="")

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
