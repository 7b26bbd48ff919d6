"""`desa backup/backup-all/backups/restore`: backups to DESA_BACKUP_DIR and restoring them."""

from pathlib import Path

from django.core.management.base import CommandError
from rich.table import Table

from desa_platform.tenancy.models import Desa
from desa_platform.tenancy.services import backup
from desa_platform.tenancy.services.provisioning import site_root_url

from .base import progress_bar
from .parser import add_command


class BackupCommands:
    """Back up one desa, every desa (nightly), list backups, restore."""

    @staticmethod
    def add_subcommands(actions):
        back = add_command(actions, "backup", "Cadangkan satu desa atau lebih ke DESA_BACKUP_DIR.")
        back.add_argument("slugs", nargs="+", metavar="slug", help="Slug desa yang dicadangkan.")
        nightly = add_command(actions, "backup-all", "Cadangkan semua desa; simpan N cadangan terbaru tiap desa.")
        nightly.add_argument(
            "--keep", type=int, default=7, metavar="N", help="Berapa cadangan terbaru disimpan (bawaan: 7)."
        )
        listing = add_command(actions, "backups", "Daftar berkas cadangan.")
        listing.add_argument("slug", nargs="?", default="", help="Hanya cadangan desa ini.")
        restore = add_command(actions, "restore", "Pulihkan cadangan ke desa yang sama, atau sebagai desa baru.")
        restore.add_argument("file", metavar="berkas", help="Jalur berkas cadangan, atau namanya di DESA_BACKUP_DIR.")
        restore.add_argument("--into", default="", metavar="SLUG", help="Slug desa asal cadangan (isinya diganti).")
        restore.add_argument("--as-new", default="", metavar="SLUG", help="Slug desa baru yang dibuat dari cadangan.")
        restore.add_argument("--domain", default="", metavar="DOMAIN", help="Domain utama desa baru (dengan --as-new).")
        restore.add_argument(
            "--confirm",
            default=None,
            metavar="SLUG",
            help="Dengan --into: ketik slug sekali lagi (sesudah membaca apa yang hilang).",
        )

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

    def handle_restore(self, file, into, as_new, domain, confirm, **_):
        path = Path(file)
        if not path.is_file():
            path = backup.find_backup(file)
        if bool(into) == bool(as_new):
            raise CommandError(
                "Pilih salah satu: --into <slug> (desa yang sama) atau --as-new <slug> --domain <domain>."
            )
        if into and confirm != into:
            preview = backup.restore_preview(path, self.desa(into))
            lost = ", ".join(f"{count} {label}" for label, count in preview["lost"].items())
            raise CommandError(
                f"Isi '{into}' sekarang akan diganti dengan cadangan {preview['made']:%Y-%m-%d %H:%M}. "
                f"Yang ditulis sesudahnya hilang dari situs ({lost}); cadangan pengaman dibuat lebih dulu. "
                f"Ulangi dengan --confirm {into} bila yakin."
            )
        if into:
            desa = backup.restore(path, into=self.desa(into), confirm=confirm)
        else:
            desa = backup.restore(path, new_slug=as_new, new_domain=domain)
        self.stdout.write(
            self.style.SUCCESS(f"{desa.display_name} dipulihkan dari {path.name}: {site_root_url(desa)}/")
        )
