"""`desa sekali`: a platform timer's command, run once per period across every app node."""

import shlex

from django.core.management import call_command
from django.core.management.base import CommandError

from .parser import add_command


class TimerCommands:
    """The systemd timers of every node call their command through this, so it runs on one node only."""

    @staticmethod
    def add_subcommands(actions):
        once = add_command(
            actions,
            "sekali",
            "Jalankan perintah manage.py sekali per periode, di mesin mana pun penjadwal berbunyi lebih dulu; "
            "mesin yang mati di tengah jalan diambil alih sesudah 2 jam.",
        )
        once.add_argument("nama", help="Nama tugas, mis. 'cadangan' (satu catatan per nama dan periode).")
        once.add_argument("--setiap", required=True, metavar="PERIODE", help="Panjang periode: 15m, 1h, 1d, 7d …")
        once.add_argument(
            "perintah", nargs="+", metavar="PERINTAH", help="Perintah manage.py beserta argumennya, setelah '--'."
        )

    def handle_sekali(self, nama, setiap, perintah, **_):
        from desa_platform.tenancy.services import timers

        try:
            every = timers.parse_every(setiap)
        except ValueError as error:
            raise CommandError(str(error)) from None
        outcome = timers.run_once(nama, every, lambda: call_command(*perintah, stdout=self.stdout, stderr=self.stderr))
        if outcome.ran:
            self.console.print(f"{nama}: selesai ({shlex.join(perintah)}).")
        else:
            run = outcome.run
            self.console.print(
                f"{nama}: dilewati, periode {run.period_start:%Y-%m-%d %H:%M} sudah dijalankan di {run.node} "
                f"(mulai {run.started_at:%H:%M:%S})."
            )
