"""Run by a daily timer (deploy/systemd): apply each desa's retention period to its requests."""

from django.core.management.base import BaseCommand

from desa_platform.tenancy.current import desa_slugs, inside_desa
from sites.surat import retention


class Command(BaseCommand):
    help = "Hapus permohonan layanan yang melewati masa simpan setiap desa (surat dan sidiknya tetap)."

    def add_arguments(self, parser):
        parser.add_argument("slugs", nargs="*", help="Hanya desa ini (bawaan: semua desa).")

    def handle(self, slugs, **options):
        for slug in desa_slugs():
            if slugs and slug not in slugs:
                continue
            with inside_desa(slug):
                requests = retention.purge_requests()
                kept = retention.purge_kept_uploads()
            if requests or kept:
                self.stdout.write(f"{slug}: {requests} permohonan dan {kept} unggahan sementara dihapus.")
        self.stdout.write("Masa simpan permohonan diterapkan.")
