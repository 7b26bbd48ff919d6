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
        theme=desa.theme,
        domain=primary,
    )
