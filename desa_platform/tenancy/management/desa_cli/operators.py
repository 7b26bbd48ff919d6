"""`desa operator grant/revoke/list`: the shared kecamatan operator (services/operators.py)."""

from django.core.management.base import CommandError
from rich.table import Table

from desa_platform.tenancy.models import OperatorKecamatan
from desa_platform.tenancy.services import operators

from .parser import add_command


class OperatorCommands:
    """Granting, listing and revoking kecamatan operators."""

    @staticmethod
    def add_subcommands(actions):
        op = add_command(actions, "operator", "Operator kecamatan: beri, cabut atau daftar hak (tercatat di audit).")
        op.add_argument(
            "operation", choices=["grant", "revoke", "list"], help="grant: beri hak; revoke: cabut hak; list: daftar."
        )
        op.add_argument(
            "target", nargs="?", default="", metavar="sasaran", help="grant: slug kecamatan; revoke: nomor hak."
        )
        op.add_argument("--username", default="", metavar="AKUN", help="grant: akunnya di situs kecamatan itu.")
        op.add_argument("--name", default="", metavar="NAMA", help="grant: nama operator.")

    def handle_operator(self, operation, target, username, name, **_):
        actor = None  # the audit log names the system user (audit.cli_actor)
        if operation == "grant":
            if not (target and username):
                raise CommandError("Pakai: desa operator grant <slug-kecamatan> --username <akun> [--name <nama>]")
            granted = operators.grant(self.desa(target), username, name, actor)
            count = operators.desa_of(granted.kecamatan).count()
            self.stdout.write(
                f"#{granted.pk}: {granted.nama} kini operator {granted.kecamatan.display_name} ({count} desa)."
            )
        elif operation == "revoke":
            granted = OperatorKecamatan.objects.filter(pk=int(target or 0)).first()
            if granted is None:
                raise CommandError(f"Tidak ada pemberian akses #{target}.")
            switched = operators.revoke(granted, actor)
            self.stdout.write(f"#{granted.pk} dicabut; {switched} akun di desa dinonaktifkan.")
        else:
            table = Table("#", "kecamatan", "nama", "pengguna", "diberikan", "dicabut")
            for granted in OperatorKecamatan.objects.select_related("kecamatan"):
                table.add_row(
                    str(granted.pk),
                    granted.kecamatan.slug,
                    granted.nama,
                    granted.username,
                    f"{granted.granted_at:%Y-%m-%d} {granted.granted_by}",
                    f"{granted.revoked_at:%Y-%m-%d} {granted.revoked_by}" if granted.revoked_at else "",
                )
            self.console.print(table)
