"""A puskesmas's own pages: its polyclinics with their weekly schedule and the opening hours, the tariffs of its
Perda, the path a patient takes through it, and the posyandu schedule of its working area."""

from django.db import models
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable
from wagtail.search import index

from sites.core import rich_text
from sites.core.kinds import PUSKESMAS, ForKinds
from sites.core.models import BasePage, SectionIndexPage, intro_field


class Hari(models.IntegerChoices):
    SENIN = 1, "Senin"
    SELASA = 2, "Selasa"
    RABU = 3, "Rabu"
    KAMIS = 4, "Kamis"
    JUMAT = 5, "Jumat"
    SABTU = 6, "Sabtu"
    MINGGU = 7, "Minggu"


def jam_range(mulai, selesai) -> str:
    if not mulai:
        return "tutup"
    return f"{mulai:%H.%M}–{selesai:%H.%M}" if selesai else f"mulai {mulai:%H.%M}"


class PoliIndexPage(ForKinds, SectionIndexPage):
    """'Layanan dan Poli': the opening hours of the puskesmas and its polyclinics."""

    kinds = (PUSKESMAS,)

    intro = intro_field("Teks singkat di atas jam buka dan daftar poli.")
    catatan_jam = models.CharField(
        "catatan jam layanan", max_length=200, blank=True, help_text="Mis. 'Unit Gawat Darurat buka 24 jam'."
    )

    content_panels = BasePage.content_panels + [
        FieldPanel("intro"),
        InlinePanel("jam_buka", label="Jam buka", heading="Jam buka pendaftaran"),
        FieldPanel("catatan_jam"),
    ]
    search_fields = BasePage.search_fields + [index.SearchField("intro")]
    subpage_types = ["puskesmas.PoliPage"]

    class Meta:
        verbose_name = "layanan dan poli"
        verbose_name_plural = "layanan dan poli"

    def poli(self):
        return PoliPage.objects.child_of(self).live().public()


class JamBuka(Orderable):
    page = ParentalKey(PoliIndexPage, on_delete=models.CASCADE, related_name="jam_buka")
    hari = models.PositiveSmallIntegerField("hari", choices=Hari.choices, help_text="Hari pendaftaran dibuka.")
    buka = models.TimeField("buka", null=True, blank=True, help_text="Kosongkan bila tutup.")
    tutup = models.TimeField("tutup", null=True, blank=True, help_text="Jam pendaftaran ditutup.")

    panels = [FieldRowPanel([FieldPanel("hari"), FieldPanel("buka"), FieldPanel("tutup")])]

    class Meta(Orderable.Meta):
        verbose_name = "jam buka"
        verbose_name_plural = "jam buka"

    @property
    def jam(self) -> str:
        return jam_range(self.buka, self.tutup)


class PoliPage(BasePage):
    ringkasan = models.TextField("ringkasan", max_length=400, help_text="Layanan apa saja di poli ini.")
    keterangan = RichTextField(
        "keterangan", blank=True, features=rich_text.SIMPLE, help_text="Syarat, persiapan pasien atau catatan lain."
    )

    content_panels = BasePage.content_panels + [
        FieldPanel("ringkasan"),
        InlinePanel("jadwal", label="Jadwal", heading="Jadwal mingguan"),
        FieldPanel("keterangan"),
    ]
    search_fields = BasePage.search_fields + [index.SearchField("ringkasan")]
    parent_page_types = ["puskesmas.PoliIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "poli"
        verbose_name_plural = "poli"

    @property
    def listing_summary(self) -> str:
        return self.search_description or self.ringkasan


class JadwalPoli(Orderable):
    page = ParentalKey(PoliPage, on_delete=models.CASCADE, related_name="jadwal")
    hari = models.PositiveSmallIntegerField("hari", choices=Hari.choices, help_text="Hari poli melayani.")
    mulai = models.TimeField("mulai", help_text="Jam mulai melayani, mis. 08.00.")
    selesai = models.TimeField("selesai", null=True, blank=True, help_text="Kosongkan bila sampai pasien habis.")
    petugas = models.CharField("petugas", max_length=120, blank=True, help_text="Mis. 'dr. Rina' atau 'Bidan'.")

    panels = [FieldRowPanel([FieldPanel("hari"), FieldPanel("mulai"), FieldPanel("selesai")]), FieldPanel("petugas")]

    class Meta(Orderable.Meta):
        verbose_name = "jadwal poli"
        verbose_name_plural = "jadwal poli"

    @property
    def jam(self) -> str:
        return jam_range(self.mulai, self.selesai)


class TarifPage(ForKinds, SectionIndexPage):
    """The tariffs of the puskesmas's services, as its Perda sets them."""

    kinds = (PUSKESMAS,)

    intro = intro_field("Teks singkat di atas daftar tarif, mis. siapa yang dibebaskan (peserta JKN).")
    dasar_hukum = models.CharField(
        "dasar hukum", max_length=300, blank=True, help_text="Perda tentang retribusi jasa umum yang berlaku."
    )

    content_panels = BasePage.content_panels + [
        FieldPanel("intro"),
        FieldPanel("dasar_hukum"),
        InlinePanel("tarif", label="Tarif", heading="Daftar tarif"),
    ]
    subpage_types = []

    class Meta:
        verbose_name = "tarif layanan"
        verbose_name_plural = "tarif layanan"


class Tarif(Orderable):
    page = ParentalKey(TarifPage, on_delete=models.CASCADE, related_name="tarif")
    layanan = models.CharField("layanan", max_length=150, help_text="Mis. 'Pemeriksaan umum'.")
    satuan = models.CharField("satuan", max_length=60, blank=True, help_text="Mis. 'per kunjungan'.")
    rupiah = models.PositiveIntegerField("tarif (Rp)", help_text="Angka saja, tanpa titik. Isi 0 bila gratis.")
    keterangan = models.CharField("keterangan", max_length=200, blank=True, help_text="Mis. 'gratis bagi peserta JKN'.")

    panels = [
        FieldRowPanel([FieldPanel("layanan"), FieldPanel("satuan"), FieldPanel("rupiah")]),
        FieldPanel("keterangan"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = "tarif"
        verbose_name_plural = "tarif"


class AlurPelayananPage(ForKinds, SectionIndexPage):
    """The path a patient takes through the puskesmas, step by step."""

    kinds = (PUSKESMAS,)

    intro = intro_field("Teks singkat di atas langkah-langkah pelayanan.")

    content_panels = SectionIndexPage.content_panels + [InlinePanel("langkah", label="Langkah")]
    subpage_types = []

    class Meta:
        verbose_name = "alur pelayanan"
        verbose_name_plural = "alur pelayanan"


class LangkahAlur(Orderable):
    page = ParentalKey(AlurPelayananPage, on_delete=models.CASCADE, related_name="langkah")
    judul = models.CharField("judul", max_length=120, help_text="Mis. 'Ambil nomor antrean'.")
    keterangan = models.CharField("keterangan", max_length=400, blank=True, help_text="Apa yang dilakukan pasien.")

    panels = [FieldPanel("judul"), FieldPanel("keterangan")]

    class Meta(Orderable.Meta):
        verbose_name = "langkah"
        verbose_name_plural = "langkah"


class PosyanduPage(ForKinds, SectionIndexPage):
    """The posyandu of the puskesmas's working area and when each meets."""

    kinds = (PUSKESMAS,)

    intro = intro_field("Teks singkat di atas jadwal posyandu.")

    content_panels = SectionIndexPage.content_panels + [InlinePanel("jadwal", label="Posyandu")]
    subpage_types = []

    class Meta:
        verbose_name = "jadwal posyandu"
        verbose_name_plural = "jadwal posyandu"


class JadwalPosyandu(Orderable):
    page = ParentalKey(PosyanduPage, on_delete=models.CASCADE, related_name="jadwal")
    nama = models.CharField("nama posyandu", max_length=120, help_text="Mis. 'Posyandu Melati'.")
    wilayah = models.CharField("desa/kelurahan", max_length=120, help_text="Desa atau kelurahan tempat posyandu.")
    jadwal = models.CharField("jadwal", max_length=120, help_text="Mis. 'Selasa minggu ke-2, 08.00'.")
    tempat = models.CharField("tempat", max_length=150, blank=True, help_text="Mis. 'Balai RW 02'.")

    panels = [
        FieldRowPanel([FieldPanel("nama"), FieldPanel("wilayah")]),
        FieldRowPanel([FieldPanel("jadwal"), FieldPanel("tempat")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = "posyandu"
        verbose_name_plural = "posyandu"


def home_hours() -> dict | list:
    """Opening hours and polyclinics for the puskesmas's home page ([] when it has none)."""
    index = PoliIndexPage.objects.live().public().first()
    if index is None:
        return []
    return {
        "jam": list(index.jam_buka.all()),
        "poli": list(index.poli()),
        "url": index.url,
        "catatan": index.catatan_jam,
    }
