"""`desa upgrade/versions`: migrating every schema that is behind, and showing where each stands."""

from django.core.management.base import CommandError
from rich.table import Table

from desa_platform.tenancy.services import upgrade

from .base import progress_bar
from .parser import add_command


class UpgradeCommands:
    """Schema upgrades."""

    @staticmethod
    def add_subcommands(actions):
        up = add_command(actions, "upgrade", "Migrasikan skema publik, templat, dan setiap desa yang tertinggal.")
        up.add_argument(
            "--workers", type=int, default=None, metavar="N", help="Jumlah proses pekerja paralel (0: di proses ini)."
        )
        add_command(actions, "versions", "Versi skema setiap desa.")
        spare = add_command(
            actions,
            "isi-cadangan",
            "Siapkan salinan templat tiap jenis kantor, agar membuat satu situs cukup mengganti nama skema "
            "(terjadwal; aman di setiap mesin).",
        )
        spare.add_argument(
            "--jumlah", type=int, default=None, metavar="N", help="Cadangan per jenis (bawaan DESA_SPARE_SCHEMAS)."
        )
        spare.add_argument(
            "--jenis", action="append", metavar="JENIS", help="Hanya jenis kantor ini (boleh diulang): desa, opd …"
        )
        spare.add_argument("--hapus", action="store_true", help="Hapus semua cadangan (mis. untuk menghemat ruang).")

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

    def handle_isi_cadangan(self, jumlah, jenis, hapus, **_):
        from desa_platform.tenancy import spares, template_schema

        if jumlah is not None and not 0 <= jumlah <= 50:
            raise CommandError("--jumlah harus antara 0 dan 50.")
        unknown = sorted(set(jenis or []) - set(template_schema.kinds()))
        if unknown:
            raise CommandError(
                f"Jenis kantor tidak dikenal: {', '.join(unknown)}; pilih dari {', '.join(template_schema.kinds())}."
            )
        if hapus:
            self.stdout.write(f"{spares.drop_all()} skema cadangan dihapus.")
            return
        made = spares.fill(jumlah, kinds=jenis)
        if not made:
            self.stdout.write("Mesin lain sedang mengisi cadangan; dilewati.")
            return
        ready = spares.counts()
        self.stdout.write(
            "Cadangan siap: " + ", ".join(f"{kind} {ready[kind]} (baru {made.get(kind, 0)})" for kind in made) + "."
        )

    def handle_versions(self, **_):
        table = Table("skema", "versi", "migrasi", "terakhir")
        for schema, version in sorted(upgrade.schema_versions().items()):
            last = f"{version.last_applied:%Y-%m-%d %H:%M}" if version.last_applied else "-"
            table.add_row(schema, version.label, f"{version.applied}/{version.expected}", last)
        self.console.print(table)
