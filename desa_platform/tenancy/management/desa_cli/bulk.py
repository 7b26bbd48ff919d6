"""`desa bulk/run-job`: many desa at once, from region data or a CSV file."""

from collections import Counter
from pathlib import Path

from django.core.management.base import CommandError
from rich.table import Table

from desa_platform.tenancy.models import Desa
from desa_platform.tenancy.services import admins, bulk
from desa_platform.tenancy.services.bulk import OutcomeState as State

from .base import progress_bar
from .parser import add_command


class BulkCommands:
    """Bulk creation in this process, and the console's jobs in their own process."""

    @staticmethod
    def add_subcommands(actions):
        many = add_command(
            actions,
            "bulk",
            "Buat desa dan kelurahan satu kabupaten, satu kecamatan atau daftar kode (data wilayah), dan/atau "
            "kantor dari berkas CSV (kecamatan, OPD, puskesmas).",
        )
        many.add_argument("--provinsi", default="", metavar="NAMA", help="Provinsi (dengan --kabupaten).")
        many.add_argument("--kabupaten", default="", metavar="NAMA", help="Kabupaten yang desanya dibuat.")
        many.add_argument(
            "--kecamatan", default="", metavar="NAMA", help="Hanya kecamatan ini dari kabupaten itu (nama atau kode)."
        )
        many.add_argument(
            "--kode",
            action="append",
            default=None,
            metavar="KODE",
            help="Kode Kemendagri kecamatan/desa; boleh diulang.",
        )
        many.add_argument(
            "--csv", default="", metavar="BERKAS", help="Berkas CSV dengan kolom " + ", ".join(bulk.CSV_COLUMNS) + "."
        )
        many.add_argument(
            "--office-pattern",
            action="append",
            default=None,
            metavar="POLA",
            help="Domain kelurahan/kecamatan/OPD/puskesmas, mis. '{slug}.tubankab.go.id' "
            "(bawaan: --domain-pattern bila diberikan, kalau tidak '{slug}.{kabupaten}kab.go.id').",
        )
        many.add_argument(
            "--admin-sheet",
            default="",
            metavar="BERKAS",
            help="Tulis tautan sekali pakai admin pertama tiap kantor ke berkas ini (CSV; PDF bila berakhiran .pdf).",
        )
        many.add_argument(
            "--domain-pattern",
            action="append",
            default=None,
            metavar="POLA",
            help="Domain desa, mis. '{slug}.desa.id' (yang pertama utama; ulangi untuk alias seperti "
            "'{slug}.localhost').",
        )
        many.add_argument(
            "--repeat-pattern",
            default=bulk.DEFAULT_REPEAT_PATTERN,
            metavar="POLA",
            help="Slug bila nama desa terulang (bawaan: '%(default)s').",
        )
        many.add_argument("--kecamatan-tenants", action="store_true", help="Buat juga satu situs tiap kecamatan.")
        many.add_argument("--theme", default="", metavar="TEMA", help="Tema situs yang dibuat.")
        many.add_argument("--dry-run", action="store_true", help="Hanya periksa dan tampilkan apa yang akan dibuat.")

        job = add_command(actions, "run-job", "Jalankan tugas massal yang dicatat konsol (dimulai oleh konsol).")
        job.add_argument("job_id", type=int, metavar="nomor", help="Nomor tugas.")

    def handle_bulk(
        self,
        provinsi,
        kabupaten,
        kecamatan,
        kode,
        csv,
        domain_pattern,
        office_pattern,
        repeat_pattern,
        kecamatan_tenants,
        theme,
        dry_run,
        admin_sheet,
        **_,
    ):
        specs, skipped = [], []
        plan = {"repeat_pattern": repeat_pattern, "kecamatan_tenants": kecamatan_tenants, "theme": theme}
        patterns = {"domain_patterns": domain_pattern, "office_patterns": office_pattern}
        if kode:
            specs += bulk.plan_places(bulk.places_for_codes(kode), **patterns, **plan)
        elif provinsi and kabupaten:
            specs += bulk.plan_region(provinsi, kabupaten, kecamatan=kecamatan, **patterns, **plan)
        elif not csv:
            raise CommandError("Pilih --provinsi dan --kabupaten (boleh dengan --kecamatan), --kode, atau --csv.")
        if csv:
            parsed = bulk.parse_csv(Path(csv).read_text(encoding="utf-8-sig"), **patterns)
            if parsed.errors:
                for error in parsed.errors:
                    self.stderr.write(error)
                raise CommandError(f"{len(parsed.errors)} baris bermasalah; tidak ada yang dibuat.")
            taken = {s.slug for s in specs}
            specs += [s for s in parsed.specs if s.slug not in taken]
            skipped = parsed.skipped
        if dry_run:
            table = Table("slug", "jenis", "nama", "kecamatan", "kode wilayah", "kode pos", "domain", "keadaan")
            for spec in specs:
                state = "ada" if bulk.already_exists(spec) else "baru"
                table.add_row(
                    spec.slug,
                    spec.kind,
                    spec.name,
                    spec.kecamatan,
                    spec.kode_wilayah,
                    spec.kode_pos,
                    " ".join(spec.domains),
                    state,
                )
            self.console.print(table)
            return
        with progress_bar(self.console) as bar:
            task = bar.add_task("Membuat situs", total=len(specs), last="")
            outcomes = bulk.run(specs, progress=lambda o: bar.update(task, advance=1, last=f"{o.slug} {o.state}"))
        counts = Counter(o.state for o in outcomes)
        kinds = Counter(s.kind for s in specs)
        self.stdout.write(
            f"Ringkasan: {counts[State.CREATED]} dibuat, {counts[State.SKIPPED] + len(skipped)} dilewati (sudah ada), "
            f"{counts[State.FAILED]} gagal. Rencana per jenis: "
            + ", ".join(f"{n} {kind}" for kind, n in sorted(kinds.items()))
        )
        if admin_sheet:
            # Every office of the plan, made now or before (a rerun hands out links still unused).
            offices = bulk.plan_offices(specs) + list(Desa.objects.filter(slug__in=skipped))
            rows, expires = admins.admin_link_sheet(offices, actor=None)
            if admin_sheet.lower().endswith(".pdf"):
                Path(admin_sheet).write_bytes(admins.sheet_pdf(rows, expires))
            else:
                Path(admin_sheet).write_text(admins.sheet_csv(rows), encoding="utf-8")
            self.stdout.write(
                f"Lembar tautan admin: {admin_sheet} ({sum(1 for r in rows if r.tautan)} tautan, berlaku sampai "
                f"{expires:%Y-%m-%d %H:%M} UTC)."
            )
        for outcome in outcomes:
            if outcome.state == State.FAILED:
                self.stderr.write(f"  {outcome.slug}: {outcome.message}")
        if counts[State.FAILED]:
            raise CommandError(f"{counts[State.FAILED]} desa gagal dibuat.")

    def handle_run_job(self, job_id, **_):
        job = bulk.run_job(job_id)
        self.stdout.write(
            f"{job.title}: {job.get_state_display()}, {job.created_count} dibuat, {job.skipped_count} dilewati, "
            f"{job.failed_count} gagal."
        )
