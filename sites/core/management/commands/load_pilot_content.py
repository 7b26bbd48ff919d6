"""Give the pilot desa believable content: every section's `pilot.load(home)` (see sites/core/sections.py)."""

from django.core.management.base import BaseCommand
from django.db import transaction
from wagtail.models import Site

from desa_platform.tenancy.current import find_desa, inside_desa
from sites.core.sections import each_section


class Command(BaseCommand):
    help = "Give the pilot desa (Socorejo) believable content; safe to run again."

    def add_arguments(self, parser):
        parser.add_argument("--slug", default="socorejo")

    def handle(self, slug, **options):
        desa = find_desa(slug)
        if desa is None:
            self.stderr.write(f"Desa '{slug}' tidak ada; jalankan `up` dulu.")
            return
        with inside_desa(slug), transaction.atomic():
            home = Site.objects.get(is_default_site=True).root_page.specific
            for section in each_section("pilot"):
                section.load(home)
        self.stdout.write(f"Konten pilot {desa.display_name} siap.")
