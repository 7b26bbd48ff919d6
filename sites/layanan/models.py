"""Layanan: the catalogue of services a resident can ask the balai desa for, one page per service."""

from django.db import models
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable
from wagtail.search import index

from sites.core import rich_text
from sites.core.models import BasePage, SectionIndexPage, intro_field

from .blocks import LangkahBlock, PeraturanBlock, SyaratBlock


class LayananIndexPage(SectionIndexPage):
    intro = intro_field("Teks singkat di atas daftar layanan, mis. jam pelayanan atau ajakan membawa berkas lengkap.")

    subpage_types = ["layanan.ServicePage"]

    class Meta:
        verbose_name = "daftar layanan"
        verbose_name_plural = "daftar layanan"

    def services(self):
        return ServicePage.objects.child_of(self).live().public().specific()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        groups = {}
        for service in self.services():
            groups.setdefault(service.get_kategori_display(), []).append(service)
        # Categories in the order of their choices, so the catalogue reads the same on every desa.
        order = [label for _, label in ServicePage.Kategori.choices]
        context["service_groups"] = sorted(groups.items(), key=lambda item: order.index(item[0]))
        return context


class ServicePage(BasePage):
    class Kategori(models.TextChoices):
        KEPENDUDUKAN = "kependudukan", "Administrasi kependudukan"
        SURAT_KETERANGAN = "surat-keterangan", "Surat keterangan"
        LAINNYA = "lainnya", "Layanan lainnya"

    kategori = models.CharField(
        "kategori",
        max_length=30,
        choices=Kategori.choices,
        default=Kategori.SURAT_KETERANGAN,
        help_text="Pengelompokan di halaman daftar layanan.",
    )
    ringkasan = models.TextField(
        "ringkasan",
        blank=True,
        max_length=400,
        help_text="Satu atau dua kalimat: untuk apa layanan ini. Tampil di daftar layanan dan hasil pencarian.",
    )
    persyaratan = StreamField(
        [("syarat", SyaratBlock())],
        blank=True,
        verbose_name="persyaratan",
        help_text="Berkas yang harus dibawa, satu per baris.",
    )
    prosedur = StreamField(
        [("langkah", LangkahBlock())],
        blank=True,
        verbose_name="prosedur",
        help_text="Langkah-langkah berurutan dari awal sampai surat diterima.",
    )
    waktu_penyelesaian = models.CharField(
        "waktu penyelesaian",
        max_length=200,
        blank=True,
        help_text="Mis. “1 hari kerja bila berkas lengkap”.",
    )
    biaya = models.CharField(
        "biaya",
        max_length=200,
        default="Gratis",
        help_text="Tulis “Gratis” bila tidak dipungut biaya.",
    )
    dasar_hukum = StreamField(
        [("peraturan", PeraturanBlock())],
        blank=True,
        verbose_name="dasar hukum",
        help_text="Peraturan yang mendasari layanan ini.",
    )
    tempat_layanan = models.CharField(
        "tempat layanan",
        max_length=200,
        blank=True,
        default="Kantor Desa, meja pelayanan",
        help_text="Ke mana warga datang, mis. “Kantor Desa, meja pelayanan”.",
    )
    petugas = models.CharField(
        "petugas yang ditemui",
        max_length=200,
        blank=True,
        help_text="Jabatan (dan nama bila mau) petugas yang melayani, mis. “Kepala Seksi Pemerintahan”.",
    )
    catatan = RichTextField(
        "catatan",
        blank=True,
        features=rich_text.SIMPLE,
        help_text="Hal lain yang perlu diketahui warga (boleh dikosongkan).",
    )
    unggulan = models.BooleanField(
        "tampilkan di beranda",
        default=False,
        help_text="Layanan yang paling sering dicari; tampil sebagai tautan cepat di beranda.",
    )

    content_panels = BasePage.content_panels + [
        FieldRowPanel([FieldPanel("kategori"), FieldPanel("unggulan")]),
        FieldPanel("ringkasan"),
        FieldPanel("persyaratan"),
        FieldPanel("prosedur"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("waktu_penyelesaian"), FieldPanel("biaya")]),
                FieldRowPanel([FieldPanel("tempat_layanan"), FieldPanel("petugas")]),
            ],
            heading="Waktu, biaya, dan tempat",
        ),
        FieldPanel("dasar_hukum"),
        InlinePanel("formulir", label="Formulir yang dapat diunduh", heading="Formulir"),
        FieldPanel("catatan"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("ringkasan"),
        index.SearchField("persyaratan"),
        index.SearchField("prosedur"),
        index.FilterField("unggulan"),
    ]
    parent_page_types = ["layanan.LayananIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "layanan"
        verbose_name_plural = "layanan"

    @property
    def listing_summary(self) -> str:
        return self.ringkasan or self.search_description or ""

    @property
    def gratis(self) -> bool:
        return self.biaya.strip().lower() in {"", "gratis", "tidak dipungut biaya", "rp 0", "rp0", "0"}


class ServiceForm(Orderable):
    """A downloadable form (blanko) for a service, kept as a Wagtail document of this desa."""

    page = ParentalKey(ServicePage, on_delete=models.CASCADE, related_name="formulir")
    dokumen = models.ForeignKey(
        "wagtaildocs.Document",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name="dokumen",
        help_text="Berkas formulir (PDF/DOC) dari pustaka dokumen.",
    )
    judul = models.CharField(
        "judul",
        max_length=200,
        blank=True,
        help_text="Nama yang tampil bagi warga; kosongkan untuk memakai judul dokumen.",
    )

    panels = [FieldPanel("dokumen"), FieldPanel("judul")]

    class Meta(Orderable.Meta):
        verbose_name = "formulir"
        verbose_name_plural = "formulir"

    def __str__(self):
        return self.label

    @property
    def label(self) -> str:
        return self.judul or self.dokumen.title


def featured_services(limit: int = 6):
    """Live services marked for the home page's quick links, in catalogue order (for sites.home)."""
    return list(ServicePage.objects.live().public().filter(unggulan=True).order_by("path")[:limit])
