"""The one door through which page apps learn about their desa (see ARCHITECTURE.md)."""

from dataclasses import dataclass

from django.db import connection


@dataclass(frozen=True)
class DesaFacts:
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


def current_desa() -> DesaFacts | None:
    """Facts about the desa whose schema this connection uses, or None on the platform's own schema."""
    tenant = getattr(connection, "tenant", None)
    facts = getattr(tenant, "facts", None)
    if facts is None and hasattr(tenant, "slug"):
        facts = facts_for(tenant)
    return facts


def facts_for(desa) -> DesaFacts:
    primary = getattr(desa, "primary_domain_name", None)
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
