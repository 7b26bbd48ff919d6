"""A kecamatan's page of its desa and kelurahan: links to their sites, whether each is open, and their newest
news, all from the public schema (desa_platform/tenancy/current.py), never from their own schemas."""

from wagtail.admin.panels import HelpPanel
from wagtail.search import index

from desa_platform.tenancy.current import headlines_of_my_kecamatan, offices_in_my_kecamatan
from sites.core.kinds import KECAMATAN, ForKinds
from sites.core.models import BasePage, SectionIndexPage, intro_field

HEADLINES = 8


class WilayahPage(ForKinds, SectionIndexPage):
    """A kecamatan's 'Desa dan Kelurahan': its offices with their state and newest news."""

    kinds = (KECAMATAN,)

    intro = intro_field("Teks singkat di atas daftar desa dan kelurahan.")

    content_panels = SectionIndexPage.content_panels + [
        HelpPanel(
            "<p>Daftar desa dan kelurahan serta berita terbarunya tersusun sendiri dari situs masing-masing; "
            "tidak perlu diisi di sini.</p>"
        ),
    ]
    search_fields = BasePage.search_fields + [index.SearchField("intro")]
    subpage_types = []

    class Meta:
        verbose_name = "desa dan kelurahan"
        verbose_name_plural = "desa dan kelurahan"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        offices = offices_in_my_kecamatan()
        context.update(
            offices=offices,
            jumlah_desa=sum(1 for o in offices if o.kind == "desa"),
            jumlah_kelurahan=sum(1 for o in offices if o.kind == "kelurahan"),
            headlines=headlines_of_my_kecamatan(HEADLINES),
        )
        return context


def home_headlines(limit: int = 3):
    """The newest news of the kecamatan's desa and kelurahan for its home page, with the list page's URL."""
    page = WilayahPage.objects.live().public().first()
    items = headlines_of_my_kecamatan(limit)
    return {"items": items, "url": page.url if page else ""} if items else []
