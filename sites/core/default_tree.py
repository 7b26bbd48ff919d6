"""The page tree every new site starts with, one per kind of office; runs once per kind, inside that kind's
template schema (desa_platform/tenancy/template_schema.py)."""

from wagtail.models import Page, Site

from sites.core import kinds
from sites.core.sections import each_section
from sites.home.models import HomePage

TEMPLATE_HOSTNAME = "template.invalid"


def build(kind: str = kinds.DESA):
    words = kinds.words_for(kind)
    root = Page.get_first_root_node()
    # Wagtail's own migration leaves a "Welcome" page and a Site for it.
    Site.objects.all().delete()
    for page in Page.objects.filter(depth=2):
        page.delete()
    root.refresh_from_db()
    home = root.add_child(
        instance=HomePage(title="Beranda", slug="beranda", sambutan_judul=f"Sambutan {words.pimpinan or words.kepala}")
    )
    Site.objects.create(
        hostname=TEMPLATE_HOSTNAME, port=80, root_page=home, is_default_site=True, site_name=words.satuan_judul
    )
    for section in each_section("defaults", kind):
        section.build(home, kind)
