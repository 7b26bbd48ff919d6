"""PPID: the desa's list of public information by the law's three categories (Perki 1/2018)."""

from django.db import models
from django.utils import timezone
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page

from sites.core import rich_text
from sites.core.models import SectionIndexPage, intro_field

from .apbdes import APBDesPage
from .fields import optional_link


class PPIDPage(SectionIndexPage):
    intro = intro_field("Apa itu PPID desa dan siapa pejabatnya.", rich_text.BODY)
    pejabat_ppid = models.CharField(
        "pejabat PPID",
        max_length=200,
        blank=True,
        help_text="Jabatan (dan nama) pejabat pengelola informasi, mis. “Sekretaris Desa”.",
    )
    cara_permohonan = RichTextField(
        "cara mengajukan permohonan",
        blank=True,
        features=rich_text.BODY,
        help_text="Langkah bagi warga yang meminta informasi yang belum tersedia di sini.",
    )

    content_panels = SectionIndexPage.content_panels + [
        FieldPanel("pejabat_ppid"),
        InlinePanel("informasi", label="Informasi publik", heading="Daftar informasi publik"),
        FieldPanel("cara_permohonan"),
    ]
    parent_page_types = ["transparansi.TransparansiIndexPage"]
    subpage_types = []
    show_in_menus_default = False

    class Meta:
        verbose_name = "PPID (daftar informasi publik)"
        verbose_name_plural = "PPID (daftar informasi publik)"

    def grouped(self):
        """[(kategori, label, penjelasan, [items])] in the law's order; APBDes pages join 'berkala' by themselves."""
        items = {code: [] for code, _ in PPIDInformasi.Kategori.choices}
        for item in self.informasi.select_related("halaman", "dokumen"):
            items[item.kategori].append(item)
        parent = self.get_parent()
        for apbdes in APBDesPage.objects.child_of(parent).live().public().order_by("-tahun"):
            items[PPIDInformasi.Kategori.BERKALA].append(
                PPIDInformasi(
                    kategori=PPIDInformasi.Kategori.BERKALA, judul=f"APBDes Tahun {apbdes.tahun}", halaman=apbdes
                )
            )
        return [
            (code, label, PPIDInformasi.PENJELASAN[code], items[code]) for code, label in PPIDInformasi.Kategori.choices
        ]

    def contact_page(self):
        # The kontak app makes the page people write to; found by app label so this app imports nothing of it.
        return Page.objects.live().public().filter(content_type__app_label="kontak").first()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["groups"] = self.grouped()
        context["contact_page"] = self.contact_page()
        context["tahun_ini"] = timezone.localdate().year
        return context


class PPIDInformasi(Orderable):
    class Kategori(models.TextChoices):
        BERKALA = "berkala", "Informasi berkala"
        SERTA_MERTA = "serta-merta", "Informasi serta-merta"
        SETIAP_SAAT = "setiap-saat", "Informasi tersedia setiap saat"

    PENJELASAN = {
        Kategori.BERKALA: "Diumumkan secara rutin, paling sedikit setiap enam bulan sekali.",
        Kategori.SERTA_MERTA: "Diumumkan segera tanpa penundaan karena menyangkut keselamatan dan hajat hidup orang "
        "banyak, mis. bencana.",
        Kategori.SETIAP_SAAT: "Tersedia dan dapat diminta kapan saja.",
    }

    page = ParentalKey(PPIDPage, on_delete=models.CASCADE, related_name="informasi")
    kategori = models.CharField("kategori", max_length=20, choices=Kategori.choices, help_text="Menurut Perki 1/2018.")
    judul = models.CharField("judul", max_length=200, help_text="Nama informasi, mis. “Struktur organisasi”.")
    keterangan = models.CharField(
        "keterangan", max_length=300, blank=True, help_text="Penjelasan singkat atau di mana informasinya bisa didapat."
    )
    halaman = optional_link("wagtailcore.Page", "halaman", "Halaman situs ini yang memuat informasinya.")
    dokumen = optional_link("wagtaildocs.Document", "dokumen", "Atau berkas yang dapat diunduh.")
    tautan = models.URLField("tautan luar", blank=True, help_text="Atau alamat situs lain.")

    panels = [
        FieldRowPanel([FieldPanel("kategori"), FieldPanel("judul")]),
        FieldPanel("keterangan"),
        FieldRowPanel([FieldPanel("halaman"), FieldPanel("dokumen"), FieldPanel("tautan")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = "informasi publik"
        verbose_name_plural = "informasi publik"

    def __str__(self):
        return self.judul

    @property
    def url(self) -> str:
        if self.halaman_id and self.halaman.live:
            return self.halaman.url
        if self.dokumen_id:
            return self.dokumen.url
        return self.tautan
