"""Galeri: photo albums made of this desa's Wagtail images."""

from django.db import models
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.models import Orderable
from wagtail.search import index

from sites.core.models import BasePage, SectionIndexPage


class GaleriIndexPage(SectionIndexPage):
    intro = models.TextField("pengantar", blank=True, help_text="Teks singkat di atas daftar album.")  # plain text

    subpage_types = ["galeri.AlbumPage"]

    class Meta:
        verbose_name = "galeri"
        verbose_name_plural = "galeri"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["albums"] = (
            AlbumPage.objects.child_of(self)
            .live()
            .public()
            .order_by("-tanggal", "-pk")
            .prefetch_related("foto__gambar", "sampul")
        )
        return context


class AlbumPage(BasePage):
    tanggal = models.DateField("tanggal", null=True, blank=True, help_text="Tanggal kegiatan yang difoto.")
    keterangan = models.TextField("keterangan", blank=True, help_text="Cerita singkat tentang album ini.")
    sampul = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="foto sampul",
        help_text="Kosongkan untuk memakai foto pertama.",
    )

    content_panels = BasePage.content_panels + [
        FieldPanel("tanggal"),
        FieldPanel("keterangan"),
        FieldPanel("sampul"),
        InlinePanel("foto", label="Foto", heading="Foto", min_num=1),
    ]
    search_fields = BasePage.search_fields + [index.SearchField("keterangan")]
    parent_page_types = ["galeri.GaleriIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "album"
        verbose_name_plural = "album"

    @property
    def listing_image(self):
        return self.gambar_sampul

    @property
    def listing_date(self):
        return self.tanggal

    @property
    def listing_summary(self) -> str:
        return self.keterangan or self.search_description or ""

    @property
    def gambar_sampul(self):
        if self.sampul_id:
            return self.sampul
        first = next(iter(self.foto.all()), None)
        return first.gambar if first else None


class AlbumFoto(Orderable):
    page = ParentalKey(AlbumPage, on_delete=models.CASCADE, related_name="foto")
    gambar = models.ForeignKey(
        "wagtailimages.Image",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name="gambar",
        help_text="Foto dari pustaka gambar desa.",
    )
    keterangan = models.CharField(
        "keterangan", max_length=250, blank=True, help_text="Apa yang tampak di foto; juga dibacakan pembaca layar."
    )

    panels = [FieldPanel("gambar"), FieldPanel("keterangan")]

    class Meta(Orderable.Meta):
        verbose_name = "foto"
        verbose_name_plural = "foto"

    @property
    def alt(self) -> str:
        return self.keterangan or self.gambar.title
