"""The Transparansi section page: the APBDes years and the other transparansi pages below it."""

from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField

from sites.core.models import BasePage

from .apbdes import APBDesPage
from .fields import RICH_TEXT


class TransparansiIndexPage(BasePage):
    intro = RichTextField(
        "pengantar",
        blank=True,
        features=RICH_TEXT,
        help_text="Mengapa desa membuka informasi ini (mis. amanat UU 6/2014 Pasal 86).",
    )

    content_panels = BasePage.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["transparansi.APBDesPage", "transparansi.ProdukHukumIndexPage", "transparansi.PPIDPage"]
    max_count = 1
    show_in_menus_default = True

    class Meta:
        verbose_name = "transparansi"
        verbose_name_plural = "transparansi"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        children = self.get_children().live().public()
        context["apbdes_list"] = APBDesPage.objects.child_of(self).live().public().order_by("-tahun")
        context["other_pages"] = children.not_type(APBDesPage).specific()
        return context
