"""`python manage.py desa ...`: every operation on desa sites, through the same services as the console."""

from collections import Counter
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from desa_platform.tenancy.models import AuditLog, Desa
from desa_platform.tenancy.services import admins, appearance, audit, backup, bulk, domains, lifecycle, staff, upgrade
from desa_platform.tenancy.services.provisioning import (
    DesaSpec,
    ProvisioningError,
    ensure_first_admin,
    site_root_url,
)


def progress_bar(console: Console) -> Progress:
    return Progress(
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TextColumn("{task.fields[last]}"),
        console=console,
    )


class Command(BaseCommand):
    help = (
        "Kelola situs desa: create, list, admin-link, suspend, resume, delete, domain, backup, restore, bulk, upgrade."
    )

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True)
        create = actions.add_parser("create", help="Provision a desa by cloning the template schema.")
        create.add_argument("slug")
        create.add_argument("--name", required=True)
        create.add_argument("--kind", default=Desa.Kind.DESA, choices=Desa.Kind.values)
        create.add_argument("--kecamatan", default="")
        create.add_argument("--kabupaten", default="")
        create.add_argument("--provinsi", default="")
        create.add_argument("--kode-pos", default="")
        create.add_argument("--theme", default="")
        create.add_argument("--domain", action="append", required=True, help="First is primary; repeat for aliases.")
        create.add_argument("--admin-email", default="", help="Send the first admin's set-password link here.")
        create.add_argument("--admin-name", default="")
        actions.add_parser("list", help="List every desa with its domain, status and schema version.")
        link = actions.add_parser("admin-link", help="Print a one-time set-password link for a desa's first admin.")
        link.add_argument("slug")

        for name, text in (("suspend", "Show the maintenance page (503)."), ("resume", "Serve the site again.")):
            sub = actions.add_parser(name, help=text)
            sub.add_argument("slug")
            if name == "suspend":
                sub.add_argument("--reason", default="")
        delete = actions.add_parser("delete", help="Back up, then delete a desa for good.")
        delete.add_argument("slug")
        delete.add_argument("--confirm", required=True, help="Type the slug again.")

        domain = actions.add_parser("domain", help="Add or remove an alias, or change the primary domain.")
        domain.add_argument("operation", choices=["add", "remove", "primary"])
        domain.add_argument("slug")
        domain.add_argument("domain")

        back = actions.add_parser("backup", help="Back up one or more desa to DESA_BACKUP_DIR.")
        back.add_argument("slugs", nargs="+")
        nightly = actions.add_parser("backup-all", help="Back up every desa, keeping the newest N backups of each.")
        nightly.add_argument("--keep", type=int, default=7)
        listing = actions.add_parser("backups", help="List backup files.")
        listing.add_argument("slug", nargs="?", default="")
        restore = actions.add_parser("restore", help="Restore a backup into the same desa, or as a new desa.")
        restore.add_argument("file")
        restore.add_argument("--into", default="", help="Slug of the existing desa the backup was made of.")
        restore.add_argument("--as-new", default="", help="Slug of a new desa to create from the backup.")
        restore.add_argument("--domain", default="", help="Primary domain of the new desa (with --as-new).")

        many = actions.add_parser("bulk", help="Create every desa of a kabupaten (region data) or of a CSV file.")
        many.add_argument("--provinsi", default="")
        many.add_argument("--kabupaten", default="")
        many.add_argument("--csv", default="", help="CSV with columns " + ", ".join(bulk.CSV_COLUMNS))
        many.add_argument(
            "--domain-pattern",
            action="append",
            default=None,
            help="e.g. '{slug}.desa.id' (first is primary, repeat for aliases like '{slug}.localhost').",
        )
        many.add_argument("--repeat-pattern", default=bulk.DEFAULT_REPEAT_PATTERN, help="Slug when a name repeats.")
        many.add_argument("--kecamatan-tenants", action="store_true", help="Also one site per kecamatan.")
        many.add_argument("--theme", default="")
        many.add_argument("--dry-run", action="store_true", help="Only check and show what would be created.")

        look = actions.add_parser("theme", help="Give one or more desa a theme (a folder of themes/).")
        look.add_argument("theme")
        look.add_argument("slugs", nargs="+")

        job = actions.add_parser("run-job", help="Run a bulk job recorded by the console (started by the console).")
        job.add_argument("job_id", type=int)

        up = actions.add_parser("upgrade", help="Migrate public, the template and every desa that is behind.")
        up.add_argument("--workers", type=int, default=None, help="Parallel worker processes (0: in this process).")
        actions.add_parser("versions", help="Schema version of every desa.")

        person = actions.add_parser("staff", help="Create a Diskominfo console account, or reset its 2FA.")
        person.add_argument("username")
        person.add_argument("--email", default="")
        person.add_argument("--name", default="")
        person.add_argument("--superuser", action="store_true", help="May manage other staff accounts.")
        person.add_argument("--reset-2fa", action="store_true", help="Remove its TOTP devices: enrol again.")
        switch = person.add_mutually_exclusive_group()
        switch.add_argument("--deactivate", action="store_true", help="Switch the account off (it is kept).")
        switch.add_argument("--activate", action="store_true", help="Switch it on again, with a new password link.")
        mail = actions.add_parser("outbox-send", help="Send the mail waiting in the outbox (timer or --loop).")
        mail.add_argument("--loop", action="store_true", help="Keep sending every OUTBOX_POLL_SECONDS (worker).")
        mail.add_argument("--seconds", type=float, default=None, help="With --loop: stop after this long.")
        box = actions.add_parser("outbox", help="List mail that failed or waits; --retry sends failed mail again.")
        box.add_argument("--retry", type=int, nargs="*", default=None, help="Ids of failed messages (none: all).")
        log = actions.add_parser("audit", help="Show the latest audit log entries.")
        log.add_argument("--limit", type=int, default=30)
        log.add_argument("--slug", default="")

    def handle(self, action, **options):
        self.console = Console(file=self.stdout._out, highlight=False, soft_wrap=True)
        try:
            getattr(self, "handle_" + action.replace("-", "_"))(**options)
        except ProvisioningError as error:
            raise CommandError(str(error)) from None

    def desa(self, slug) -> Desa:
        desa = Desa.objects.filter(slug=slug).first()
        if desa is None:
            raise CommandError(f"Desa '{slug}' tidak ada.")
        return desa

    # --- create / list / admin-link -------------------------------------------------------------------------------

    def handle_create(self, slug, name, kind, kecamatan, kabupaten, provinsi, kode_pos, theme, domain, **options):
        spec = DesaSpec(
            slug=slug,
            name=name,
            kind=kind,
            kecamatan=kecamatan,
            kabupaten=kabupaten,
            provinsi=provinsi,
            kode_pos=kode_pos,
            theme=theme,
            domains=domain,
        )
        desa = lifecycle.create(spec)
        self.stdout.write(self.style.SUCCESS(f"{desa.display_name} dibuat: {site_root_url(desa)}/"))
        if options.get("admin_email") or options.get("admin_name"):
            user, link, emailed = admins.invite_first_admin(
                desa, email=options["admin_email"], full_name=options["admin_name"]
            )
            self.stdout.write(f"Tautan sekali pakai untuk admin '{user.username}': {link}")
            if emailed:
                self.stdout.write(f"Tautan juga dikirim ke {options['admin_email']}.")

    def handle_list(self, **_):
        versions = upgrade.schema_versions()
        table = Table("slug", "status", "alamat", "versi skema")
        for desa in Desa.objects.prefetch_related("domains"):
            version = versions.get(desa.schema_name)
            table.add_row(
                desa.slug, desa.get_status_display(), f"{site_root_url(desa)}/", version.label if version else "?"
            )
        self.console.print(table)

    def handle_admin_link(self, slug, **_):
        user, link = ensure_first_admin(self.desa(slug))
        if link is None:
            raise CommandError(f"Admin '{user.username}' sudah memasang kata sandi dan pernah masuk.")
        self.stdout.write(link)

    # --- lifecycle and domains ------------------------------------------------------------------------------------

    def handle_suspend(self, slug, reason, **_):
        desa = lifecycle.suspend(self.desa(slug), reason=reason)
        self.stdout.write(self.style.WARNING(f"{desa.display_name} ditangguhkan: situsnya menampilkan halaman 503."))

    def handle_resume(self, slug, **_):
        desa = lifecycle.resume(self.desa(slug))
        self.stdout.write(self.style.SUCCESS(f"{desa.display_name} aktif kembali."))

    def handle_delete(self, slug, confirm, **_):
        path = lifecycle.delete(self.desa(slug), confirm)
        self.stdout.write(self.style.SUCCESS(f"Desa '{slug}' dihapus. Cadangannya: {path}"))

    def handle_domain(self, operation, slug, domain, **_):
        desa = self.desa(slug)
        {"add": domains.add_alias, "remove": domains.remove_alias, "primary": domains.set_primary}[operation](
            desa, domain
        )
        names = ", ".join(
            f"{d.domain}{' (utama)' if d.is_primary else ''}" for d in desa.domains.order_by("-is_primary", "domain")
        )
        self.stdout.write(self.style.SUCCESS(f"Domain {desa.display_name}: {names}"))

    # --- backup and restore ---------------------------------------------------------------------------------------

    def handle_backup(self, slugs, **_):
        every = [self.desa(slug) for slug in slugs]
        with progress_bar(self.console) as bar:
            task = bar.add_task("Mencadangkan", total=len(every), last="")
            for desa in every:
                path = backup.backup_desa(desa)
                bar.update(task, advance=1, last=path.name)
        for item in backup.list_backups()[: len(every)]:
            self.stdout.write(f"{item.path}  ({item.size / 1e6:.1f} MB)")

    def handle_backup_all(self, keep, **_):
        total = Desa.objects.count()
        with progress_bar(self.console) as bar:
            task = bar.add_task("Cadangan malam", total=total, last="")
            results = backup.backup_all(
                keep, progress=lambda r: bar.update(task, advance=1, last=r.slug + (" GAGAL" if r.error else ""))
            )
        failed = [r for r in results if r.error]
        pruned = sum(r.pruned for r in results)
        self.stdout.write(
            f"Ringkasan: {len(results) - len(failed)} dicadangkan, {len(failed)} gagal, {pruned} cadangan lama dihapus "
            f"(disimpan {keep} terbaru per desa) di {backup.backup_dir()}."
        )
        for result in failed:
            self.stderr.write(f"  {result.slug}: {result.error}")
        if failed:
            raise CommandError(f"{len(failed)} desa gagal dicadangkan.")

    def handle_backups(self, slug, **_):
        table = Table("berkas", "desa", "dibuat", "ukuran")
        for item in backup.list_backups(slug):
            table.add_row(item.name, item.slug, f"{item.created:%Y-%m-%d %H:%M}", f"{item.size / 1e6:.1f} MB")
        self.console.print(table)

    def handle_restore(self, file, into, as_new, domain, **_):
        path = Path(file)
        if not path.is_file():
            path = backup.find_backup(file)
        if bool(into) == bool(as_new):
            raise CommandError(
                "Pilih salah satu: --into <slug> (desa yang sama) atau --as-new <slug> --domain <domain>."
            )
        if into:
            desa = backup.restore(path, into=self.desa(into))
        else:
            desa = backup.restore(path, new_slug=as_new, new_domain=domain)
        self.stdout.write(
            self.style.SUCCESS(f"{desa.display_name} dipulihkan dari {path.name}: {site_root_url(desa)}/")
        )

    # --- bulk -----------------------------------------------------------------------------------------------------

    def handle_bulk(
        self, provinsi, kabupaten, csv, domain_pattern, repeat_pattern, kecamatan_tenants, theme, dry_run, **_
    ):
        skipped = []
        if csv:
            parsed = bulk.parse_csv(Path(csv).read_text(encoding="utf-8-sig"), domain_patterns=domain_pattern)
            if parsed.errors:
                for error in parsed.errors:
                    self.stderr.write(error)
                raise CommandError(f"{len(parsed.errors)} baris bermasalah; tidak ada desa yang dibuat.")
            specs, skipped = parsed.specs, parsed.skipped
        elif provinsi and kabupaten:
            specs = bulk.plan_region(
                provinsi,
                kabupaten,
                domain_patterns=domain_pattern,
                repeat_pattern=repeat_pattern,
                kecamatan_tenants=kecamatan_tenants,
                theme=theme,
            )
        else:
            raise CommandError("Pilih --provinsi dan --kabupaten, atau --csv <berkas>.")
        if dry_run:
            table = Table("slug", "nama", "kecamatan", "kode pos", "domain", "keadaan")
            for spec in specs:
                state = "ada" if bulk.already_exists(spec) else "baru"
                table.add_row(spec.slug, spec.name, spec.kecamatan, spec.kode_pos, " ".join(spec.domains), state)
            self.console.print(table)
            return
        with progress_bar(self.console) as bar:
            task = bar.add_task("Membuat desa", total=len(specs), last="")
            outcomes = bulk.run(specs, progress=lambda o: bar.update(task, advance=1, last=f"{o.slug} {o.state}"))
        counts = Counter(o.state for o in outcomes)
        self.stdout.write(
            f"Ringkasan: {counts['dibuat']} dibuat, {counts['dilewati'] + len(skipped)} dilewati (sudah ada), "
            f"{counts['gagal']} gagal."
        )
        for outcome in outcomes:
            if outcome.state == "gagal":
                self.stderr.write(f"  {outcome.slug}: {outcome.message}")
        if counts["gagal"]:
            raise CommandError(f"{counts['gagal']} desa gagal dibuat.")

    def handle_theme(self, theme, slugs, **_):
        for slug in slugs:
            try:
                desa = appearance.set_theme(self.desa(slug), theme)
            except appearance.AppearanceError as error:
                raise CommandError(str(error)) from None
            self.stdout.write(f"{desa.slug}: tema {desa.theme}")

    def handle_run_job(self, job_id, **_):
        job = bulk.run_job(job_id)
        self.stdout.write(
            f"{job.title}: {job.get_state_display()}, {job.created_count} dibuat, {job.skipped_count} dilewati, "
            f"{job.failed_count} gagal."
        )

    # --- upgrade --------------------------------------------------------------------------------------------------

    def handle_upgrade(self, workers, **_):
        self.stdout.write("Memigrasi skema publik dan templat, mencari desa yang tertinggal ...")
        bar = progress_bar(self.console)
        task = None

        def progress(result):
            nonlocal task
            if task is None:
                bar.start()
                task = bar.add_task("Memigrasi desa", total=None, last="")
            bar.update(task, advance=1, last=f"{result.schema_name} {'ok' if result.ok else 'GAGAL'}")

        try:
            report = upgrade.upgrade(workers=workers, progress=progress)
        finally:
            bar.stop()
        ok = len(report.results) - len(report.failed)
        self.stdout.write(
            f"Ringkasan: {report.checked} desa diperiksa, {len(report.behind)} tertinggal, {ok} berhasil dimigrasi, "
            f"{len(report.failed)} gagal ({report.seconds:.1f} s)."
        )
        for result in report.failed:
            self.stderr.write(f"  {result.schema_name}: {result.error}")
        if report.failed:
            raise CommandError(f"{len(report.failed)} desa gagal dimigrasi; desa lain sudah mutakhir.")

    def handle_versions(self, **_):
        table = Table("skema", "versi", "migrasi", "terakhir")
        for schema, version in sorted(upgrade.schema_versions().items()):
            last = f"{version.last_applied:%Y-%m-%d %H:%M}" if version.last_applied else "-"
            table.add_row(schema, version.label, f"{version.applied}/{version.expected}", last)
        self.console.print(table)

    # --- staff and audit ------------------------------------------------------------------------------------------

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

    # --- outbox -----------------------------------------------------------------------------------------------------

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

    def handle_audit(self, limit, slug, **_):
        table = Table("waktu", "pelaku", "tindakan", "desa", "rincian")
        for entry in AuditLog.objects.filter(**({"desa_slug": slug} if slug else {}))[:limit]:
            table.add_row(
                f"{entry.at:%Y-%m-%d %H:%M:%S}",
                entry.actor,
                audit.label(entry.action),
                entry.desa_slug,
                str(entry.detail),
            )
        self.console.print(table)
