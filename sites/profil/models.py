"""Profil desa: the overview page and its parts (sejarah, visi-misi, geografi, demografi, potensi)."""

from django.core.exceptions import ValidationError
from django.db import models
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable
from wagtail.search import index

from sites.core.blocks import BodyBlock
from sites.core.models import BasePage, SectionIndexPage, intro_field


def profil_intro_field():
    return intro_field("Satu-dua paragraf pembuka halaman.")


def body_field():
    return StreamField(
        BodyBlock(),
        verbose_name="isi",
        blank=True,
        help_text="Isi halaman: paragraf, judul, gambar, tabel, angka per kategori, dokumen unduhan.",
    )


class ProfilPage(SectionIndexPage):
    """/profil/: what the platform knows about the desa, and links to the parts already published."""

    intro = profil_intro_field()
    body = body_field()

    content_panels = SectionIndexPage.content_panels + [FieldPanel("body")]
    search_fields = BasePage.search_fields + [index.SearchField("intro"), index.SearchField("body")]
    subpage_types = ["profil.ProfilSectionPage", "profil.VisiMisiPage", "profil.GeografiPage", "profil.DemografiPage"]

    class Meta:
        verbose_name = "profil desa"
        verbose_name_plural = "profil desa"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["sections"] = [child.specific for child in self.get_children().live().public()]
        context["key_figures"] = key_figures()
        return context


class ProfilSectionPage(BasePage):
    """A free part of the profile: Sejarah Desa, Potensi Desa, Adat dan Budaya…"""

    intro = profil_intro_field()
    body = body_field()

    content_panels = BasePage.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = BasePage.search_fields + [index.SearchField("intro"), index.SearchField("body")]
    parent_page_types = ["profil.ProfilPage"]
    subpage_types = []

    class Meta:
        verbose_name = "bagian profil (sejarah, potensi, …)"
        verbose_name_plural = "bagian profil"


class VisiMisiPage(BasePage):
    visi = models.TextField("visi", blank=True, help_text="Rumusan visi desa (dari RPJMDes), satu paragraf.")
    misi = models.TextField(
        "misi", blank=True, help_text="Satu misi per baris; nomor urut dibuat otomatis, jangan ditulis."
    )
    body = body_field()

    content_panels = BasePage.content_panels + [FieldPanel("visi"), FieldPanel("misi"), FieldPanel("body")]
    search_fields = BasePage.search_fields + [index.SearchField("visi"), index.SearchField("misi")]
    parent_page_types = ["profil.ProfilPage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = "visi dan misi"
        verbose_name_plural = "visi dan misi"

    @property
    def misi_list(self) -> list[str]:
        return [line.strip(" -•\t") for line in self.misi.splitlines() if line.strip(" -•\t")]

    @property
    def listing_summary(self) -> str:
        return self.search_description or self.visi


class GeografiPage(BasePage):
    luas_wilayah = models.DecimalField(
        "luas wilayah (ha)",
        max_digits=10,
        decimal_places=2,
        null=True,
        blank=True,
        help_text="Dalam hektare, mis. 612,5.",
    )
    ketinggian = models.CharField(
        "ketinggian", max_length=60, blank=True, help_text="Mis. '5–20 m di atas permukaan laut'."
    )
    batas_utara = models.CharField("batas utara", max_length=150, blank=True, help_text="Mis. 'Laut Jawa'.")
    batas_selatan = models.CharField("batas selatan", max_length=150, blank=True, help_text="Mis. 'Desa Sugihwaras'.")
    batas_timur = models.CharField("batas timur", max_length=150, blank=True, help_text="Desa atau wilayah di timur.")
    batas_barat = models.CharField("batas barat", max_length=150, blank=True, help_text="Desa atau wilayah di barat.")
    intro = profil_intro_field()
    body = body_field()

    content_panels = BasePage.content_panels + [
        FieldPanel("intro"),
        MultiFieldPanel([FieldPanel("luas_wilayah"), FieldPanel("ketinggian")], heading="Wilayah"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("batas_utara"), FieldPanel("batas_selatan")]),
                FieldRowPanel([FieldPanel("batas_timur"), FieldPanel("batas_barat")]),
            ],
            heading="Batas wilayah",
        ),
        InlinePanel("dusun", heading="Dusun", label="dusun"),
        FieldPanel("body"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
        index.RelatedFields("dusun", [index.SearchField("nama")]),
    ]
    parent_page_types = ["profil.ProfilPage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = "geografi"
        verbose_name_plural = "geografi"

    @property
    def batas(self) -> list[tuple[str, str]]:
        pairs = [
            ("Utara", self.batas_utara),
            ("Selatan", self.batas_selatan),
            ("Timur", self.batas_timur),
            ("Barat", self.batas_barat),
        ]
        return [(side, value) for side, value in pairs if value]

    def totals(self) -> dict:
        dusun = list(self.dusun.all())
        return {
            "dusun": len(dusun),
            "rw": sum(d.jumlah_rw or 0 for d in dusun),
            "rt": sum(d.jumlah_rt or 0 for d in dusun),
        }


class Dusun(Orderable):
    page = ParentalKey(GeografiPage, related_name="dusun", on_delete=models.CASCADE)
    nama = models.CharField("nama dusun", max_length=80, help_text="Mis. 'Dusun Krajan'.")
    kepala_dusun = models.CharField("kepala dusun", max_length=100, blank=True, help_text="Nama kepala dusun.")
    jumlah_rw = models.PositiveSmallIntegerField("jumlah RW", null=True, blank=True, help_text="Banyaknya RW.")
    jumlah_rt = models.PositiveSmallIntegerField("jumlah RT", null=True, blank=True, help_text="Banyaknya RT.")

    panels = [
        FieldPanel("nama"),
        FieldPanel("kepala_dusun"),
        FieldRowPanel([FieldPanel("jumlah_rw"), FieldPanel("jumlah_rt")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = "dusun"
        verbose_name_plural = "dusun"

    def __str__(self):
        return self.nama


class DemografiPage(BasePage):
    """Population figures typed by the admin; tables by age, occupation, education go in `body` as FiguresBlocks."""

    keadaan_per = models.CharField(
        "keadaan data per", max_length=60, blank=True, help_text="Mis. 'Juni 2024'; ditampilkan bersama angka."
    )
    jumlah_penduduk = models.PositiveIntegerField(
        "jumlah penduduk", null=True, blank=True, help_text="Seluruh penduduk (jiwa)."
    )
    jumlah_kk = models.PositiveIntegerField(
        "jumlah kepala keluarga", null=True, blank=True, help_text="Banyaknya Kartu Keluarga (KK)."
    )
    laki_laki = models.PositiveIntegerField("laki-laki", null=True, blank=True, help_text="Penduduk laki-laki (jiwa).")
    perempuan = models.PositiveIntegerField("perempuan", null=True, blank=True, help_text="Penduduk perempuan (jiwa).")
    intro = profil_intro_field()
    body = StreamField(
        BodyBlock(),
        verbose_name="tabel dan keterangan",
        blank=True,
        help_text="Tambahkan blok 'Angka per kategori' untuk kelompok umur, pekerjaan, pendidikan, agama, dst.",
    )

    content_panels = BasePage.content_panels + [
        FieldPanel("intro"),
        MultiFieldPanel(
            [
                FieldPanel("keadaan_per"),
                FieldRowPanel([FieldPanel("jumlah_penduduk"), FieldPanel("jumlah_kk")]),
                FieldRowPanel([FieldPanel("laki_laki"), FieldPanel("perempuan")]),
            ],
            heading="Angka utama",
        ),
        FieldPanel("body"),
    ]
    search_fields = BasePage.search_fields + [index.SearchField("intro"), index.SearchField("body")]
    parent_page_types = ["profil.ProfilPage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = "demografi"
        verbose_name_plural = "demografi"

    def clean(self):
        super().clean()
        if self.jumlah_penduduk is not None and self.laki_laki is not None and self.perempuan is not None:
            if self.laki_laki + self.perempuan != self.jumlah_penduduk:
                raise ValidationError(
                    {
                        "jumlah_penduduk": f"Laki-laki ({self.laki_laki}) + perempuan ({self.perempuan}) = "
                        f"{self.laki_laki + self.perempuan}, tidak sama dengan jumlah penduduk "
                        f"({self.jumlah_penduduk}). Periksa kembali angkanya."
                    }
                )

    @property
    def by_sex(self) -> list[dict]:
        """Population by sex as figure rows (label, value, bar %, share %), [] when not filled."""
        from sites.core.blocks import figure_rows

        if self.laki_laki is None or self.perempuan is None:
            return []
        return figure_rows(
            [{"label": "Laki-laki", "value": self.laki_laki}, {"label": "Perempuan", "value": self.perempuan}]
        )


def key_figures() -> list[dict]:
    """The desa's headline numbers that are filled in and published (for Beranda and Profil): label/value/unit."""
    figures = []
    demografi = DemografiPage.objects.live().public().first()
    if demografi:
        if demografi.jumlah_penduduk:
            figures.append({"label": "Penduduk", "value": demografi.jumlah_penduduk, "unit": "jiwa"})
        if demografi.jumlah_kk:
            figures.append({"label": "Kepala keluarga", "value": demografi.jumlah_kk, "unit": "KK"})
    geografi = GeografiPage.objects.live().public().first()
    if geografi:
        if geografi.luas_wilayah:
            figures.append({"label": "Luas wilayah", "value": geografi.luas_wilayah, "unit": "ha"})
        totals = geografi.totals()
        for key, label in (("dusun", "Dusun"), ("rw", "RW"), ("rt", "RT")):
            if totals[key]:
                figures.append({"label": label, "value": totals[key], "unit": ""})
    return figures
