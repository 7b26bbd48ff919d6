"""`desa create/list/admin-link/suspend/resume/delete/domain/theme`: one desa's life."""

from django.core.management.base import CommandError
from rich.table import Table

from desa_platform.tenancy.models import Desa
from desa_platform.tenancy.services import admins, appearance, domains, lifecycle, upgrade
from desa_platform.tenancy.services.provisioning import DesaSpec, ensure_first_admin, site_root_url


class SiteCommands:
    """Create, list and change one desa."""

    @staticmethod
    def add_subcommands(actions):
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

        look = actions.add_parser("theme", help="Give one or more desa a theme (a folder of themes/).")
        look.add_argument("theme")
        look.add_argument("slugs", nargs="+")

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
