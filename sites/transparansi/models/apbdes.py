"""APBDes: one page per budget year, its lines (rincian) and the sums worked out from them."""

from django.db import models
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable
from wagtail.search import index

from sites.core import rich_text
from sites.core.kinds import DESA, ForKinds
from sites.core.models import BasePage

from ..apbdes import Kelompok, summarise
from ..forms import APBDesForm
from .fields import TAHUN_VALIDATORS, optional_link


class APBDesPage(ForKinds, BasePage):
    kinds = (DESA,)  # a kelurahan's or kecamatan's budget is a DPA of the kabupaten (sites/dokumen)
    tahun = models.PositiveSmallIntegerField(
        "tahun anggaran", validators=TAHUN_VALIDATORS, help_text="Tahun anggaran, mis. 2025. Satu halaman per tahun."
    )
    keterangan = RichTextField(
        "keterangan",
        blank=True,
        features=rich_text.BODY,
        help_text="Penjelasan singkat: prioritas tahun ini, tanggal penetapan, sumber data realisasi.",
    )
    perdes = optional_link(
        "transparansi.ProdukHukumPage",
        "Perdes APBDes",
        "Peraturan Desa yang menetapkan APBDes ini (dari halaman Produk Hukum).",
    )
    dokumen = optional_link(
        "wagtaildocs.Document", "dokumen lengkap", "Mis. berkas APBDes lengkap atau laporan realisasi (PDF)."
    )

    content_panels = BasePage.content_panels + [
        FieldPanel("tahun"),
        FieldPanel("keterangan"),
        FieldRowPanel([FieldPanel("perdes"), FieldPanel("dokumen")]),
        InlinePanel(
            "rincian",
            label="Baris anggaran",
            heading="Rincian anggaran",
            help_text="Satu baris per pos: pilih kelompoknya, tulis uraian dan jumlah rupiah tanpa titik. "
            "Jumlah, surplus/defisit, dan SiLPA dihitung otomatis.",
        ),
    ]
    search_fields = BasePage.search_fields + [index.FilterField("tahun"), index.SearchField("keterangan")]
    base_form_class = APBDesForm
    template = "transparansi/apbdes_page.html"  # Wagtail's default would be "apb_des_page.html"
    parent_page_types = ["transparansi.TransparansiIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "APBDes"
        verbose_name_plural = "APBDes"

    def ikhtisar(self):
        """The year's sums (pendapatan, belanja, surplus/defisit, pembiayaan, SiLPA) from its lines."""
        return summarise(self.rincian.all())

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["apbdes"] = self.ikhtisar()
        return context


class APBDesRincian(Orderable):
    page = ParentalKey(APBDesPage, on_delete=models.CASCADE, related_name="rincian")
    kelompok = models.CharField(
        "kelompok", max_length=30, choices=Kelompok.CHOICES, help_text="Pendapatan, belanja, atau pembiayaan."
    )
    uraian = models.CharField(
        "uraian", max_length=200, help_text="Mis. “Dana Desa” atau “Bidang Pelaksanaan Pembangunan Desa”."
    )
    anggaran = models.PositiveBigIntegerField("anggaran (Rp)", help_text="Jumlah rupiah tanpa titik, mis. 950000000.")
    realisasi = models.PositiveBigIntegerField(
        "realisasi (Rp)", null=True, blank=True, help_text="Kosongkan bila realisasi belum dilaporkan."
    )

    panels = [
        FieldRowPanel([FieldPanel("kelompok"), FieldPanel("uraian")]),
        FieldRowPanel([FieldPanel("anggaran"), FieldPanel("realisasi")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = "baris anggaran"
        verbose_name_plural = "baris anggaran"

    def __str__(self):
        return self.uraian
