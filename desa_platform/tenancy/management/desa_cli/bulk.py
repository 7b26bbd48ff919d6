"""`desa bulk/run-job`: many desa at once, from region data or a CSV file."""

from collections import Counter
from pathlib import Path

from django.core.management.base import CommandError
from rich.table import Table

from desa_platform.tenancy.services import bulk

from .base import progress_bar


class BulkCommands:
    """Bulk creation in this process, and the console's jobs in their own process."""

    @staticmethod
    def add_subcommands(actions):
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

        job = actions.add_parser("run-job", help="Run a bulk job recorded by the console (started by the console).")
        job.add_argument("job_id", type=int)

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

    def handle_run_job(self, job_id, **_):
        job = bulk.run_job(job_id)
        self.stdout.write(
            f"{job.title}: {job.get_state_display()}, {job.created_count} dibuat, {job.skipped_count} dilewati, "
            f"{job.failed_count} gagal."
        )
