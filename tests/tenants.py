"""The two test desa every test database holds, and a client bound to one of them (imported by tests and by
conftest.py alike; tests never import from conftest)."""

from django.test import Client
from django_tenants.utils import tenant_context

from desa_platform.tenancy.models import Desa
from desa_platform.tenancy.services.provisioning import DesaSpec

DESA_A = DesaSpec(
    slug="uji-a",
    name="Uji A",
    domains=["uji-a.test"],
    kecamatan="Jenu",
    kabupaten="Tuban",
    provinsi="Jawa Timur",
    kode_pos="62352",
)
DESA_B = DesaSpec(
    slug="uji-b",
    name="Uji B",
    domains=["uji-b.test"],
    aliases=["www.uji-b.test"],
    kecamatan="Jenu",
    kabupaten="Tuban",
    provinsi="Jawa Timur",
    kode_pos="62352",
)


class DesaClient(Client):
    """A test client bound to one desa's host; `schema()` runs ORM code inside that desa.

    `schema()` is django-tenants' tenant_context (not schema_context): the connection then knows the desa itself,
    so current_desa() and the theme answer inside the block as they do in a request."""

    def __init__(self, desa: Desa, **kwargs):
        self.desa = desa
        self.host = desa.domains.get(is_primary=True).domain
        super().__init__(HTTP_HOST=self.host, **kwargs)

    def schema(self):
        return tenant_context(self.desa)
