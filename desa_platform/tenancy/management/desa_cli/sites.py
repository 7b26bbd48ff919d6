"""`desa create/list/admin-link/suspend/resume/delete/domain/theme`: one desa's life."""

from django.core.management.base import CommandError
from rich.table import Table

from desa_platform.tenancy.models import Desa
from desa_platform.tenancy.services import admins, appearance, domains, lifecycle, upgrade
from desa_platform.tenancy.services.provisioning import DesaSpec, ensure_first_admin, site_root_url

from .parser import add_command


class SiteCommands:
    """Create, list and change one desa."""

    @staticmethod
    def add_subcommands(actions):
        create = add_command(actions, "create", "Buat situs desa (atau kantor lain) dari salinan skema templat.")
        create.add_argument("slug", help="Nama pendek situs di perintah dan alamat, mis. socorejo.")
        create.add_argument("--name", required=True, metavar="NAMA", help="Nama kantor, mis. Socorejo.")
        create.add_argument(
            "--kind", default=Desa.Kind.DESA, choices=Desa.Kind.values, help="Jenis kantor (bawaan: desa)."
        )
        create.add_argument("--kecamatan", default="", metavar="NAMA", help="Kecamatannya.")
        create.add_argument("--kabupaten", default="", metavar="NAMA", help="Kabupatennya.")
        create.add_argument("--provinsi", default="", metavar="NAMA", help="Provinsinya.")
        create.add_argument("--kode-pos", default="", metavar="KODE", help="Kode pos.")
        create.add_argument("--theme", default="", metavar="TEMA", help="Tema tampilan (folder di themes/).")
        create.add_argument(
            "--domain",
            action="append",
            required=True,
            metavar="DOMAIN",
            help="Domain situs; yang pertama utama, ulangi untuk alias.",
        )
        create.add_argument(
            "--admin-email", default="", metavar="SUREL", help="Kirim tautan sandi admin pertama ke alamat ini."
        )
        create.add_argument("--admin-name", default="", metavar="NAMA", help="Nama lengkap admin pertama.")
        add_command(actions, "list", "Daftar semua desa dengan domain, status, dan versi skemanya.")
        link = add_command(actions, "admin-link", "Cetak tautan sekali pakai untuk memasang sandi admin pertama.")
        link.add_argument("slug", help="Slug desa.")

        suspend = add_command(actions, "suspend", "Tangguhkan situs: tampilkan halaman pemeliharaan (503).")
        suspend.add_argument("slug", help="Slug desa.")
        suspend.add_argument("--reason", default="", metavar="ALASAN", help="Alasan penangguhan (dicatat).")
        resume = add_command(actions, "resume", "Aktifkan lagi situs yang ditangguhkan.")
        resume.add_argument("slug", help="Slug desa.")
        delete = add_command(actions, "delete", "Cadangkan, lalu hapus sebuah desa untuk selamanya.")
        delete.add_argument("slug", help="Slug desa.")
        delete.add_argument("--confirm", required=True, metavar="SLUG", help="Ketik slug desa sekali lagi.")

        domain = add_command(actions, "domain", "Tambah atau hapus alias, atau ganti domain utama.")
        domain.add_argument(
            "operation",
            choices=["add", "remove", "primary"],
            help="add: tambah alias; remove: hapus alias; primary: jadikan domain utama.",
        )
        domain.add_argument("slug", help="Slug desa.")
        domain.add_argument("domain", help="Nama domain, mis. socorejo.desa.id.")

        look = add_command(actions, "theme", "Beri satu desa atau lebih sebuah tema (folder di themes/).")
        look.add_argument("theme", metavar="tema", help="Nama tema, mis. klasik, hijau, modern.")
        look.add_argument("slugs", nargs="+", metavar="slug", help="Slug desa yang diberi tema.")

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

    def handle_theme(self, theme, slugs, **_):
        for slug in slugs:
            desa = appearance.set_theme(self.desa(slug), theme)  # a ServiceError becomes a CommandError in handle()
            self.stdout.write(f"{desa.slug}: tema {desa.theme}")
