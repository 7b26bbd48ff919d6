"""`python manage.py desa ...`: every operation on desa sites, through the same services as the console.

The subcommands live in `desa_platform/tenancy/management/desa_cli/`, one module per group.
"""

from django.core.management.base import BaseCommand, CommandError
from rich.console import Console

from desa_platform.tenancy.management.desa_cli.backups import BackupCommands
from desa_platform.tenancy.management.desa_cli.bulk import BulkCommands
from desa_platform.tenancy.management.desa_cli.monitoring import MonitoringCommands
from desa_platform.tenancy.management.desa_cli.operators import OperatorCommands
from desa_platform.tenancy.management.desa_cli.outbox import OutboxCommands
from desa_platform.tenancy.management.desa_cli.parser import IndonesianHelpFormatter, IndonesianParser, indonesian
from desa_platform.tenancy.management.desa_cli.sites import SiteCommands
from desa_platform.tenancy.management.desa_cli.staff import StaffCommands
from desa_platform.tenancy.management.desa_cli.timers import TimerCommands
from desa_platform.tenancy.management.desa_cli.upgrade import UpgradeCommands
from desa_platform.tenancy.models import Desa
from desa_platform.tenancy.services.errors import ServiceError

GROUPS = (
    SiteCommands,
    BackupCommands,
    BulkCommands,
    UpgradeCommands,
    StaffCommands,
    OutboxCommands,
    MonitoringCommands,
    OperatorCommands,
    TimerCommands,
)


class Command(*GROUPS, BaseCommand):
    help = (
        "Kelola situs desa dan kantor lain: buat, daftar, tangguhkan, cadangkan, pulihkan, buat massal, tingkatkan, "
        "akun staf, surel, pemantauan, tugas berkala (sekali). Keterangan tiap perintah: desa <perintah> --help."
    )

    def create_parser(self, prog_name, subcommand, **kwargs):
        kwargs.setdefault("formatter_class", IndonesianHelpFormatter)
        return indonesian(super().create_parser(prog_name, subcommand, **kwargs))

    def add_arguments(self, parser):
        actions = parser.add_subparsers(
            dest="action",
            required=True,
            title="perintah",
            metavar="perintah",
            help="salah satu di bawah ini",
            parser_class=IndonesianParser,
        )
        for group in GROUPS:
            group.add_subcommands(actions)

    def handle(self, action, **options):
        self.console = Console(file=self.stdout._out, highlight=False, soft_wrap=True)
        try:
            getattr(self, "handle_" + action.replace("-", "_"))(**options)
        except ServiceError as error:
            raise CommandError(str(error)) from None

    def desa(self, slug) -> Desa:
        desa = Desa.objects.filter(slug=slug).first()
        if desa is None:
            raise CommandError(f"Desa '{slug}' tidak ada.")
        return desa
