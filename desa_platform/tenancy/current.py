"""The one door through which page apps learn about their desa (see docs/architecture.md).

`current_desa()` answers who the desa of this connection's schema is, as plain facts (no model instance, so
nothing a page app holds can write to the platform's tables). The routing middleware hands over the facts it
already has (`serving`), so a page view asks no query for them; code that enters a desa another way (a command,
a test through `tenant_context`) gets them worked out from the Desa row.
"""

from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass

from django.db import connection

# The group of Diskominfo's support accounts inside a desa (services/support.py); the admin's role sync leaves
# its members alone.
SUPPORT_GROUP = "Dukungan Diskominfo"


@dataclass(frozen=True)
class DesaFacts:
    """Who a desa is: names, place, theme and primary domain."""

    slug: str
    name: str
    display_name: str
    kind: str
    kind_label: str
    kecamatan: str
    kabupaten: str
    provinsi: str
    kode_pos: str
    kode_wilayah: str
    theme: str
    domain: str

    @property
    def url(self) -> str:
        return root_url_for(self.domain)


def root_url_for(domain: str) -> str:
    """The site's root URL, the way Wagtail's Site.root_url writes it for the configured port."""
    from django.conf import settings

    port = settings.DESA_SITE_PORT
    if port == 443:
        return f"https://{domain}"
    return f"http://{domain}" if port == 80 else f"http://{domain}:{port}"


_serving: ContextVar[DesaFacts | None] = ContextVar("desa_facts", default=None)


@contextmanager
def serving(facts: DesaFacts):
    """For the routing middleware: the request inside this block is for the desa `facts` describes."""
    token = _serving.set(facts)
    try:
        yield
    finally:
        _serving.reset(token)


def current_desa() -> DesaFacts | None:
    """Facts about the desa whose schema this connection uses, or None on the platform's own schema."""
    tenant = getattr(connection, "tenant", None)
    if not hasattr(tenant, "slug"):  # the public schema, or django-tenants' FakeTenant of schema_context
        return None
    facts = _serving.get()
    if facts is not None and facts.slug == tenant.slug:
        return facts
    return facts_for(tenant)


def find_desa(slug: str) -> DesaFacts | None:
    """For commands of page apps: the facts of the desa `slug`, or None when there is none."""
    from .models import Desa

    desa = Desa.objects.filter(slug=slug).first()
    return facts_for(desa) if desa else None


def desa_slugs() -> list[str]:
    """For commands of page apps that visit every desa: each desa's slug, in order."""
    from django_tenants.utils import get_public_schema_name

    from .models import Desa

    desas = Desa.objects.exclude(schema_name=get_public_schema_name()).order_by("slug")
    return list(desas.values_list("slug", flat=True))


@contextmanager
def inside_desa(slug: str):
    """For commands of page apps: run the block in the desa `slug` as its requests run (its schema, and
    current_desa() answering for it). The desa must exist (see find_desa)."""
    from django_tenants.utils import tenant_context

    from .models import Desa

    with tenant_context(Desa.objects.get(slug=slug)):
        yield


def facts_for(desa, primary: str | None = None) -> DesaFacts:
    """The facts of a Desa row; `primary` (its primary domain) when the caller already knows it."""
    if primary is None:
        domain = desa.domains.filter(is_primary=True).first()
        primary = domain.domain if domain else ""
    return DesaFacts(
        slug=desa.slug,
        name=desa.name,
        display_name=desa.display_name,
        kind=desa.kind,
        kind_label=desa.get_kind_display(),
        kecamatan=desa.kecamatan,
        kabupaten=desa.kabupaten,
        provinsi=desa.provinsi,
        kode_pos=desa.kode_pos,
        kode_wilayah=desa.kode_wilayah,
        theme=desa.theme,
        domain=primary,
    )


@dataclass(frozen=True)
class OfficeFacts:
    """What a kecamatan's site may show of another tenant: its name, kind, link and whether it is open."""

    name: str
    kind: str
    kind_label: str
    url: str
    active: bool


@dataclass(frozen=True)
class HeadlineFacts:
    title: str
    url: str
    tanggal: object
    summary: str
    office: str


def offices_in_my_kecamatan() -> list[OfficeFacts]:
    """The desa and kelurahan of the current kecamatan (read from the public schema, never their schemas)."""
    from .models import Desa

    me = current_desa()
    if me is None or me.kind != Desa.Kind.KECAMATAN or not me.kecamatan:
        return []
    offices = (
        Desa.objects.filter(
            kabupaten__iexact=me.kabupaten,
            kecamatan__iexact=me.kecamatan,
            kind__in=[Desa.Kind.DESA, Desa.Kind.KELURAHAN],
        )
        .prefetch_related("domains")
        .order_by("kode_wilayah", "name")
    )
    result = []
    for office in offices:
        primary = next((d.domain for d in office.domains.all() if d.is_primary), "")
        result.append(
            OfficeFacts(
                name=office.display_name,
                kind=office.kind,
                kind_label=office.get_kind_display(),
                url=root_url_for(primary) + "/" if primary else "",
                active=not office.is_suspended,
            )
        )
    return result


def headlines_of_my_kecamatan(limit: int = 6) -> list[HeadlineFacts]:
    """The newest news of the current kecamatan's desa and kelurahan, from the public headline index."""
    from desa_platform.portal.headlines import latest_in_kecamatan

    me = current_desa()
    if me is None or me.kind != "kecamatan" or not me.kecamatan:
        return []
    return [
        HeadlineFacts(h.title, h.url, h.tanggal, h.summary, h.desa.display_name)
        for h in latest_in_kecamatan(me.kabupaten, me.kecamatan, limit)
    ]
