"""Export the platform's root certificate, for anyone checking a letter offline:

python manage.py signing_root --out tuban-root.pem
pyhanko sign validate --trust tuban-root.pem --trust-replace --no-revocation-check surat.pdf
"""

from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes
from django.core.management.base import BaseCommand

from desa_platform.signing import root_certificate_pem


class Command(BaseCommand):
    help = "Print (or write) the platform root certificate (PEM) that every lokal signature chains to."

    def add_arguments(self, parser):
        parser.add_argument("--out", help="write the PEM to this file instead of the standard output")

    def handle(self, *args, out=None, **options):
        pem = root_certificate_pem()
        cert = x509.load_pem_x509_certificate(pem)
        if out:
            Path(out).write_bytes(pem)
            self.stdout.write(f"Sertifikat root ditulis ke {out}")
            self.stdout.write(f"Subjek: {cert.subject.rfc4514_string()}")
            self.stdout.write(f"SHA-256: {cert.fingerprint(hashes.SHA256()).hex(':').upper()}")
        else:
            self.stdout.write(pem.decode(), ending="")
