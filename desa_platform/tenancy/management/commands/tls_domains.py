from django.conf import settings
from django.core.management.base import BaseCommand

from desa_platform.tenancy.models import Desa


class Command(BaseCommand):
    help = "One line per certificate to obtain: primary domain, then its aliases (used by deploy/certificates.sh)."

    def handle(self, **options):
        platform = [d for d in settings.PLATFORM_DOMAINS if "." in d and not d.endswith(".localhost")]
        if platform:
            self.stdout.write(" ".join(platform))
        for desa in Desa.objects.filter(status=Desa.Status.ACTIVE).prefetch_related("domains"):
            domains = sorted(desa.domains.all(), key=lambda d: (not d.is_primary, d.domain))
            public = [d.domain for d in domains if not d.domain.endswith((".localhost", ".test"))]
            if public:
                self.stdout.write(" ".join(public))
