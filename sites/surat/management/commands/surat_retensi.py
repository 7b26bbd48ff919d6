"""Run by a daily timer (deploy/systemd): apply each desa's retention period to its requests."""

from django.core.management.base import BaseCommand
from django_tenants.utils import schema_context

from desa_platform.tenancy.models import Desa
from sites.surat import retention


class Command(BaseCommand):
    help = "Hapus permohonan layanan yang melewati masa simpan setiap desa (surat dan sidiknya tetap)."

    def add_arguments(self, parser):
        parser.add_argument("slugs", nargs="*", help="Hanya desa ini (bawaan: semua desa).")

    def handle(self, slugs, **options):
        desa_list = Desa.objects.exclude(schema_name="public").order_by("slug")
        if slugs:
            desa_list = desa_list.filter(slug__in=slugs)
        for desa in desa_list:
            with schema_context(desa.schema_name):
                requests = retention.purge_requests()
                kept = retention.purge_kept_uploads()
            if requests or kept:
                self.stdout.write(f"{desa.slug}: {requests} permohonan dan {kept} unggahan sementara dihapus.")
        self.stdout.write("Masa simpan permohonan diterapkan.")
