"""A list of downloadable documents by kind and year: a kelurahan's or kecamatan's budget (its DPA, since it
has no APBDes of its own), an OPD's planning and performance documents (renstra, renja, LKjIP)."""

from django.db import models
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.models import Orderable
from wagtail.search import index

from sites.core.models import BasePage, SectionIndexPage, intro_field


class DokumenIndexPage(SectionIndexPage):
    """The office's documents (DPA, renstra, renja, LKjIP…), grouped by kind, newest first."""

    intro = intro_field("Teks singkat di atas daftar dokumen.")

    content_panels = SectionIndexPage.content_panels + [
        InlinePanel("dokumen", label="Dokumen", heading="Daftar dokumen (terbaru di atas)"),
    ]
    search_fields = BasePage.search_fields + [index.SearchField("intro")]
    subpage_types = []

    class Meta:
        verbose_name = "daftar dokumen"
        verbose_name_plural = "daftar dokumen"

    def groups(self) -> list[tuple[str, list]]:
        """Documents grouped by kind, in the order of the kinds; empty kinds are left out."""
        items = list(self.dokumen.select_related("berkas").order_by("-tahun", "sort_order"))
        return [
            (label, [i for i in items if i.jenis == key])
            for key, label in Dokumen.Jenis.choices
            if any(i.jenis == key for i in items)
        ]


class Dokumen(Orderable):
    class Jenis(models.TextChoices):
        DPA = "dpa", "Dokumen Pelaksanaan Anggaran (DPA)"
        REALISASI = "realisasi", "Laporan realisasi anggaran"
        RENSTRA = "renstra", "Rencana Strategis (Renstra)"
        RENJA = "renja", "Rencana Kerja (Renja)"
        LKJIP = "lkjip", "Laporan Kinerja Instansi Pemerintah (LKjIP)"
        PERJANJIAN_KINERJA = "pk", "Perjanjian Kinerja"
        LAINNYA = "lainnya", "Dokumen lainnya"

    page = ParentalKey(DokumenIndexPage, on_delete=models.CASCADE, related_name="dokumen")
    judul = models.CharField("judul", max_length=200, help_text="Mis. 'DPA Kelurahan Latsari Tahun 2026'.")
    jenis = models.CharField(
        "jenis", max_length=12, choices=Jenis.choices, default=Jenis.LAINNYA, help_text="Pengelompokan."
    )
    tahun = models.PositiveSmallIntegerField("tahun", help_text="Tahun anggaran atau tahun awal periode.")
    berkas = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name="berkas",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Berkas PDF yang diunggah di menu Dokumen.",
    )
    keterangan = models.CharField(
        "keterangan", max_length=300, blank=True, help_text="Mis. nomor dan tanggal pengesahan."
    )

    panels = [
        FieldPanel("judul"),
        FieldRowPanel([FieldPanel("jenis"), FieldPanel("tahun")]),
        FieldPanel("berkas"),
        FieldPanel("keterangan"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = "dokumen"
        verbose_name_plural = "dokumen"

    def __str__(self):
        return self.judul
