"""`desa outbox-send/outbox`: the mail outbox (owner: safety; moved here from desa.py when merging the CLI split)."""

from .parser import add_command


class OutboxCommands:
    """Sending the mail waiting in the outbox, and looking at what failed."""

    @staticmethod
    def add_subcommands(actions):
        mail = add_command(actions, "outbox-send", "Kirim surel yang menunggu di antrean (terjadwal, atau --loop).")
        mail.add_argument(
            "--loop", action="store_true", help="Terus kirim setiap OUTBOX_POLL_SECONDS detik (sebagai pekerja)."
        )
        mail.add_argument(
            "--seconds", type=float, default=None, metavar="DETIK", help="Dengan --loop: berhenti sesudah sekian detik."
        )
        box = add_command(actions, "outbox", "Daftar surel gagal atau menunggu; --retry mengirim ulang yang gagal.")
        box.add_argument(
            "--retry",
            type=int,
            nargs="*",
            default=None,
            metavar="NOMOR",
            help="Nomor surel gagal (tanpa nomor: semua).",
        )

    def handle_outbox_send(self, loop, seconds, **_):
        from django.conf import settings

        from desa_platform.outbox import sender

        def show(report):
            self.console.print(f"terkirim {report.sent}, dicoba lagi nanti {report.retried}, gagal {report.failed}")

        if loop:
            sender.run_loop(settings.OUTBOX_POLL_SECONDS, stop_after=seconds, on_report=show)
        else:
            show(sender.send_due())
            sender.purge_sent()

    def handle_outbox(self, retry, **_):
        from desa_platform.outbox import sender
        from desa_platform.outbox.models import OutboxMessage

        if retry is not None:
            ids = retry or OutboxMessage.objects.filter(status=OutboxMessage.Status.FAILED).values_list("pk", flat=True)
            self.console.print(f"{sender.retry(list(ids))} surel dijadwalkan kirim ulang.")
            return
        waiting = OutboxMessage.objects.exclude(status=OutboxMessage.Status.SENT).order_by("-created")[:100]
        for message in waiting:
            self.stdout.write(
                f"#{message.pk} {message.get_status_display()} ({message.attempts}x) {message.created:%Y-%m-%d %H:%M}"
                f" kepada {', '.join(message.to)}: {message.subject[:60]}"
                + (f"\n    galat: {message.last_error[:200]}" if message.last_error else "")
            )
        if not waiting:
            self.stdout.write("Tidak ada surel yang menunggu atau gagal.")
