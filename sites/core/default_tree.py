"""The page tree every new desa starts with; runs once, inside the template schema."""

from wagtail.models import Page, Site

from sites.core.sections import each_section
from sites.home.models import HomePage

TEMPLATE_HOSTNAME = "template.invalid"


def build():
    root = Page.get_first_root_node()
    # Wagtail's own migration leaves a "Welcome" page and a Site for it.
    Site.objects.all().delete()
    for page in Page.objects.filter(depth=2):
        page.delete()
    root.refresh_from_db()
    home = root.add_child(instance=HomePage(title="Beranda", slug="beranda"))
    Site.objects.create(hostname=TEMPLATE_HOSTNAME, port=80, root_page=home, is_default_site=True, site_name="Desa")
    for section in each_section("defaults"):
        section.build(home)
