"""An OPD's public services, each with its standar pelayanan (the components of Peraturan Menteri PANRB Nomor 15
Tahun 2014), and the results of its survei kepuasan masyarakat (Peraturan Menteri PANRB Nomor 14 Tahun 2017)."""

from decimal import Decimal

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable
from wagtail.search import index

from sites.core import rich_text
from sites.core.kinds import OPD, ForKinds
from sites.core.models import BasePage, SectionIndexPage, intro_field

LIST_FEATURES = rich_text.SIMPLE


def component(label: str, help_text: str) -> RichTextField:
    return RichTextField(label, blank=True, features=LIST_FEATURES, help_text=help_text)


class LayananPublikIndexPage(ForKinds, SectionIndexPage):
    """'Layanan publik': the OPD's services, each a StandarPelayananPage below it."""

    kinds = (OPD,)

    intro = intro_field("Teks singkat di atas daftar layanan: siapa yang dilayani dan bagaimana mengajukannya.")

    search_fields = BasePage.search_fields + [index.SearchField("intro")]
    subpage_types = ["opd.StandarPelayananPage"]

    class Meta:
        verbose_name = "daftar layanan publik"
        verbose_name_plural = "daftar layanan publik"

    def services(self):
        return StandarPelayananPage.objects.child_of(self).live().public().order_by("title")


class StandarPelayananPage(BasePage):
    """One public service and its standar pelayanan, component by component."""

    ringkasan = models.TextField("ringkasan", max_length=400, help_text="Satu-dua kalimat: layanan apa ini.")
    # Service delivery components (komponen proses penyampaian pelayanan)
    persyaratan = component("persyaratan", "Dokumen atau syarat yang harus dibawa pemohon, satu per baris.")
    prosedur = component("sistem, mekanisme dan prosedur", "Langkah dari pemohon datang sampai layanan selesai.")
    jangka_waktu = models.CharField(
        "jangka waktu penyelesaian", max_length=200, blank=True, help_text="Mis. '3 hari kerja sejak berkas lengkap'."
    )
    biaya = models.CharField("biaya/tarif", max_length=200, blank=True, help_text="Tulis 'Gratis' bila tanpa biaya.")
    produk = component("produk pelayanan", "Apa yang diterima pemohon, mis. surat izin atau sertifikat.")
    pengaduan = component(
        "penanganan pengaduan, saran dan masukan", "Ke mana dan bagaimana warga menyampaikan pengaduan atau saran."
    )
    # Service management components (komponen proses pengelolaan pelayanan di internal organisasi)
    dasar_hukum = component("dasar hukum", "Peraturan yang menjadi dasar layanan ini.")
    sarana = component("sarana, prasarana dan/atau fasilitas", "Ruang, peralatan dan fasilitas yang dipakai melayani.")
    kompetensi = component("kompetensi pelaksana", "Pengetahuan dan keahlian yang harus dimiliki petugas.")
    pengawasan = component("pengawasan internal", "Siapa yang mengawasi mutu layanan, mis. atasan langsung.")
    jumlah_pelaksana = models.CharField(
        "jumlah pelaksana", max_length=100, blank=True, help_text="Mis. '2 orang petugas loket'."
    )
    jaminan = component("jaminan pelayanan", "Janji kepastian layanan sesuai standar ini.")
    keamanan = component("jaminan keamanan dan keselamatan pelayanan", "Bagaimana data dan keselamatan pemohon dijaga.")
    evaluasi = component("evaluasi kinerja pelaksana", "Kapan dan bagaimana kinerja petugas dinilai.")

    # (field, label) in the order of Permenpan RB 15/2014's appendix: what the page shows, and in that order.
    PENYAMPAIAN = [
        ("persyaratan", "Persyaratan"),
        ("prosedur", "Sistem, mekanisme dan prosedur"),
        ("jangka_waktu", "Jangka waktu penyelesaian"),
        ("biaya", "Biaya/tarif"),
        ("produk", "Produk pelayanan"),
        ("pengaduan", "Penanganan pengaduan, saran dan masukan"),
    ]
    PENGELOLAAN = [
        ("dasar_hukum", "Dasar hukum"),
        ("sarana", "Sarana, prasarana dan/atau fasilitas"),
        ("kompetensi", "Kompetensi pelaksana"),
        ("pengawasan", "Pengawasan internal"),
        ("jumlah_pelaksana", "Jumlah pelaksana"),
        ("jaminan", "Jaminan pelayanan"),
        ("keamanan", "Jaminan keamanan dan keselamatan pelayanan"),
        ("evaluasi", "Evaluasi kinerja pelaksana"),
    ]

    content_panels = BasePage.content_panels + [
        FieldPanel("ringkasan"),
        MultiFieldPanel([FieldPanel(name) for name, _ in PENYAMPAIAN], heading="Komponen penyampaian pelayanan"),
        MultiFieldPanel([FieldPanel(name) for name, _ in PENGELOLAAN], heading="Komponen pengelolaan pelayanan"),
    ]
    search_fields = BasePage.search_fields + [index.SearchField("ringkasan"), index.SearchField("persyaratan")]
    parent_page_types = ["opd.LayananPublikIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "standar pelayanan"
        verbose_name_plural = "standar pelayanan"

    @property
    def listing_summary(self) -> str:
        return self.search_description or self.ringkasan

    def components(self, which) -> list[tuple[str, str, bool]]:
        """(label, value, is_rich_text) of the filled components, in the regulation's order."""
        rich = {"jangka_waktu": False, "biaya": False, "jumlah_pelaksana": False}
        return [(label, getattr(self, name), rich.get(name, True)) for name, label in which if getattr(self, name)]

    def penyampaian(self):
        return self.components(self.PENYAMPAIAN)

    def pengelolaan(self):
        return self.components(self.PENGELOLAAN)


class SurveiKepuasanPage(ForKinds, SectionIndexPage):
    """The results of the survei kepuasan masyarakat, one row per period."""

    kinds = (OPD,)

    intro = intro_field("Teks singkat di atas hasil survei: cara survei dilakukan.")

    content_panels = SectionIndexPage.content_panels + [
        InlinePanel("hasil", label="Hasil survei", heading="Hasil per periode (terbaru di atas)"),
    ]
    subpage_types = []

    class Meta:
        verbose_name = "survei kepuasan masyarakat"
        verbose_name_plural = "survei kepuasan masyarakat"


class HasilSurvei(Orderable):
    page = ParentalKey(SurveiKepuasanPage, on_delete=models.CASCADE, related_name="hasil")
    periode = models.CharField("periode", max_length=60, help_text="Mis. 'Semester I 2026'.")
    nilai = models.DecimalField(
        "nilai IKM",
        max_digits=5,
        decimal_places=2,
        validators=[MinValueValidator(Decimal("25")), MaxValueValidator(Decimal("100"))],
        help_text="Indeks Kepuasan Masyarakat, 25–100.",
    )
    responden = models.PositiveIntegerField("jumlah responden", help_text="Banyaknya warga yang mengisi survei.")
    catatan = models.CharField(
        "catatan/tindak lanjut", max_length=300, blank=True, help_text="Perbaikan yang dilakukan setelah survei."
    )

    panels = [
        FieldRowPanel([FieldPanel("periode"), FieldPanel("nilai"), FieldPanel("responden")]),
        FieldPanel("catatan"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = "hasil survei"
        verbose_name_plural = "hasil survei"

    @property
    def mutu(self) -> str:
        """Mutu pelayanan by the intervals of Permenpan RB 14/2017."""
        if self.nilai >= Decimal("88.31"):
            return "A (Sangat Baik)"
        if self.nilai >= Decimal("76.61"):
            return "B (Baik)"
        if self.nilai >= Decimal("65.00"):
            return "C (Kurang Baik)"
        return "D (Tidak Baik)"


def featured_services(limit: int = 6):
    """The OPD's public services for its home page."""
    return list(StandarPelayananPage.objects.live().public().order_by("title")[:limit])
