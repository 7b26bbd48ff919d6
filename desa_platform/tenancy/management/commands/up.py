import os

from django.conf import settings
from django.core.cache import caches
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.utils.autoreload import DJANGO_AUTORELOAD_ENV

from desa_platform.tenancy import spares
from desa_platform.tenancy.models import Desa
from desa_platform.tenancy.pilot import PILOT_DESA
from desa_platform.tenancy.services.provisioning import create_desa, ensure_first_admin, site_root_url
from desa_platform.tenancy.services.staff import create_staff
from desa_platform.tenancy.services.upgrade import upgrade


class Command(BaseCommand):
    help = "Set up and serve the pilot: migrate, build the templates, provision the pilot offices, serve."

    def add_arguments(self, parser):
        parser.add_argument("addrport", nargs="?", default="127.0.0.1:8000")
        parser.add_argument("--no-serve", action="store_true", help="Prepare everything, then exit.")

    def handle(self, addrport, no_serve, **options):
        # runserver's autoreloader runs this command again in a child process: prepare only once.
        if os.environ.get(DJANGO_AUTORELOAD_ENV) != "true":
            self.prepare(addrport.rpartition(":")[2] or "8000")
        else:  # a reload runs changed code: pages and fragments the old code rendered must go
            for alias in settings.CACHES:
                caches[alias].clear()
        if not no_serve:
            call_command("runserver", addrport)

    def prepare(self, port: str):
        say = self.stdout.write
        say("Migrating the platform, the template and every desa that is behind ...")
        report = upgrade(workers=0, fill_spares=False)
        for result in report.failed:
            self.stderr.write(f"  {result.schema_name}: migration failed: {result.error}")
        for spec in PILOT_DESA:
            if not Desa.objects.filter(slug=spec.slug).exists():
                say(f"Provisioning {spec.name} ...")
                create_desa(spec)
            # A pilot made before offices kept their Kemendagri code gets it now.
            Desa.objects.filter(slug=spec.slug, kode_wilayah="").update(kode_wilayah=spec.kode_wilayah)
        call_command("load_pilot_content", verbosity=0)
        # After the pilot (which would take them): the console's first create is a rename, not a clone.
        say("Preparing spare copies of each kind's template ...")
        spares.fill()
        say("")
        for spec in PILOT_DESA:
            desa = Desa.objects.get(slug=spec.slug)
            url = site_root_url(desa)
            user, link = ensure_first_admin(desa)
            say(self.style.SUCCESS(f"{desa.display_name}: {url}/"))
            say(f"  admin: {url}/admin/  (username: {user.username})")
            if link:
                say(f"  set the admin password once, here: {link}")
        say(self.style.SUCCESS(f"Platform (list of desa): http://localhost:{port}/"))
        staff, link = create_staff("diskominfo", full_name="Diskominfo Tuban", superuser=True)
        say(f"  Diskominfo console: http://localhost:{port}/console/  (username: {staff.username})")
        if staff.last_login is None:
            say(f"  set the console password once, here: {link}")
        say("")
