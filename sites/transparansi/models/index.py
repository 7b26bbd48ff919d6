"""The Transparansi section page: the APBDes years and the other transparansi pages below it."""

from sites.core import rich_text
from sites.core.models import SectionIndexPage, intro_field

from .apbdes import APBDesPage


class TransparansiIndexPage(SectionIndexPage):
    intro = intro_field("Mengapa desa membuka informasi ini (mis. amanat UU 6/2014 Pasal 86).", rich_text.BODY)

    subpage_types = ["transparansi.APBDesPage", "transparansi.ProdukHukumIndexPage", "transparansi.PPIDPage"]

    class Meta:
        verbose_name = "transparansi"
        verbose_name_plural = "transparansi"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        children = self.get_children().live().public()
        context["apbdes_list"] = APBDesPage.objects.child_of(self).live().public().order_by("-tahun")
        context["other_pages"] = children.not_type(APBDesPage).specific()
        return context
