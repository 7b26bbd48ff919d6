from django.core.management.base import BaseCommand, CommandError

from desa_platform.tenancy.models import Desa
from desa_platform.tenancy.services.provisioning import (
    DesaSpec,
    ProvisioningError,
    create_desa,
    ensure_first_admin,
    site_root_url,
)


class Command(BaseCommand):
    help = "Manage desa sites: create, list, admin-link."

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
        actions.add_parser("list", help="List every desa with its domain and status.")
        link = actions.add_parser("admin-link", help="Print a one-time set-password link for a desa's first admin.")
        link.add_argument("slug")

    def handle(self, action, **options):
        getattr(self, "handle_" + action.replace("-", "_"))(**options)

    def handle_create(self, slug, name, kind, kecamatan, kabupaten, provinsi, kode_pos, theme, domain, **_):
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
        try:
            desa = create_desa(spec)
        except ProvisioningError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(self.style.SUCCESS(f"{desa.display_name} dibuat: {site_root_url(desa)}/"))

    def handle_list(self, **_):
        for desa in Desa.objects.prefetch_related("domains"):
            self.stdout.write(f"{desa.slug:<30} {desa.get_status_display():<13} {site_root_url(desa)}/")

    def handle_admin_link(self, slug, **_):
        desa = Desa.objects.filter(slug=slug).first()
        if desa is None:
            raise CommandError(f"Desa '{slug}' tidak ada.")
        user, link = ensure_first_admin(desa)
        if link is None:
            raise CommandError(f"Admin '{user.username}' sudah memasang kata sandi dan pernah masuk.")
        self.stdout.write(link)
