"""Produk hukum: Perdes, Peraturan Bersama, Perkades and SK, listed by year and kind, newest first."""

from django import forms
from django.db import models
from django.db.models import Case, When
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.search import index

from sites.core import rich_text
from sites.core.kinds import current_words
from sites.core.models import BasePage, SectionIndexPage, intro_field
from sites.core.pagination import ROWS_PER_PAGE, paginate

from ..forms import ProdukHukumForm
from .fields import TAHUN_VALIDATORS, optional_link


class ProdukHukumIndexPage(SectionIndexPage):
    intro = intro_field(features=rich_text.BODY)

    parent_page_types = ["transparansi.TransparansiIndexPage"]
    subpage_types = ["transparansi.ProdukHukumPage"]
    show_in_menus_default = False

    class Meta:
        verbose_name = "daftar produk hukum"
        verbose_name_plural = "daftar produk hukum"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        laws = ProdukHukumPage.objects.child_of(self).live().public()
        years = sorted(set(laws.values_list("tahun", flat=True)), reverse=True)
        filter_form = ProdukHukumFilter(request.GET or None, years=years)
        if filter_form.is_valid():
            if filter_form.cleaned_data["jenis"]:
                laws = laws.filter(jenis=filter_form.cleaned_data["jenis"])
            if filter_form.cleaned_data["tahun"]:
                laws = laws.filter(tahun=filter_form.cleaned_data["tahun"])
        # Within a year: Perdes first, then the lower kinds, as the law ranks them; newest number first.
        rank = Case(*(When(jenis=code, then=order) for order, code in enumerate(ProdukHukumPage.Jenis.values)))
        laws = laws.order_by("-tahun", rank, "-nomor_urut", "-pk")
        context["filter_form"] = filter_form
        context["laws"] = paginate(request, laws, ROWS_PER_PAGE)
        return context


class ProdukHukumFilter(forms.Form):
    jenis = forms.ChoiceField(
        label="Jenis", required=False, error_messages={"invalid_choice": "Jenis “%(value)s” tidak dikenal."}
    )
    tahun = forms.TypedChoiceField(
        label="Tahun",
        required=False,
        coerce=int,
        empty_value=None,
        error_messages={"invalid_choice": "Belum ada produk hukum tahun “%(value)s”."},
    )

    def __init__(self, *args, years=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["jenis"].choices = [("", "Semua jenis"), *ProdukHukumPage.jenis_choices()]
        self.fields["tahun"].choices = [("", "Semua tahun"), *((str(year), str(year)) for year in years)]


class ProdukHukumPage(BasePage):
    class Jenis(models.TextChoices):
        PERDES = "perdes", "Peraturan Desa"
        PERATURAN_BERSAMA = "peraturan-bersama", "Peraturan Bersama Kepala Desa"
        PERKADES = "perkades", "Peraturan Kepala Desa"
        SK = "sk", "Keputusan Kepala Desa"
        # what a kelurahan, kecamatan, OPD or puskesmas works under and decides itself
        PERDA = "perda", "Peraturan Daerah"
        PERBUP = "perbup", "Peraturan Bupati"
        KEPUTUSAN = "keputusan", "Keputusan Pimpinan"
        SURAT_EDARAN = "surat-edaran", "Surat Edaran"

    class Status(models.TextChoices):
        BERLAKU = "berlaku", "Berlaku"
        DIUBAH = "diubah", "Telah diubah"
        DICABUT = "dicabut", "Dicabut"

    jenis = models.CharField("jenis", max_length=30, choices=Jenis.choices, help_text="Jenis produk hukum.")
    nomor = models.CharField("nomor", max_length=30, help_text="Nomor saja, mis. “3”.")
    nomor_urut = models.PositiveIntegerField(editable=False, default=0)  # numeric part of `nomor`, for sorting
    tahun = models.PositiveSmallIntegerField("tahun", validators=TAHUN_VALIDATORS, help_text="Tahun penetapan.")
    tanggal_penetapan = models.DateField("tanggal ditetapkan", null=True, blank=True, help_text="Boleh dikosongkan.")
    status = models.CharField(
        "status",
        max_length=20,
        choices=Status.choices,
        default=Status.BERLAKU,
        help_text="Tandai bila sudah diubah atau dicabut oleh peraturan lain.",
    )
    dokumen = optional_link("wagtaildocs.Document", "berkas", "Salinan produk hukum (PDF) yang dapat diunduh warga.")
    pokok_isi = RichTextField(
        "ringkasan isi",
        blank=True,
        features=rich_text.BODY,
        help_text="Pokok-pokok isi, agar warga tak perlu membuka PDF.",
    )

    content_panels = BasePage.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("jenis"),
                FieldRowPanel([FieldPanel("nomor"), FieldPanel("tahun")]),
                FieldRowPanel([FieldPanel("tanggal_penetapan"), FieldPanel("status")]),
            ],
            heading="Identitas",
            help_text="Judul halaman adalah pokok pengaturannya, mis. “Anggaran Pendapatan dan Belanja Desa "
            "Tahun Anggaran 2025”.",
        ),
        FieldPanel("dokumen"),
        FieldPanel("pokok_isi"),
    ]
    base_form_class = ProdukHukumForm
    search_fields = BasePage.search_fields + [
        index.SearchField("nomor"),
        index.SearchField("pokok_isi"),
        index.FilterField("jenis"),
        index.FilterField("tahun"),
    ]
    parent_page_types = ["transparansi.ProdukHukumIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "produk hukum"
        verbose_name_plural = "produk hukum"

    @property
    def listing_date(self):
        return self.tanggal_penetapan

    @property
    def listing_summary(self) -> str:
        return self.search_description or self.sebutan

    DESA_JENIS = ("perdes", "peraturan-bersama", "perkades", "sk")

    @classmethod
    def jenis_choices(cls) -> list[tuple[str, str]]:
        """The kinds of law this office's site lists: a desa's own, or an office's (with its head's title)."""
        words = current_words()
        own = [(v, label) for v, label in cls.Jenis.choices if (v in cls.DESA_JENIS) == (words.kind == "desa")]
        return [(v, f"Keputusan {words.kepala}" if v == cls.Jenis.KEPUTUSAN else label) for v, label in own]

    @property
    def sebutan(self) -> str:
        """“Peraturan Desa Nomor 1 Tahun 2025”: how the law is cited."""
        label = dict(self.jenis_choices()).get(self.jenis) or self.get_jenis_display()
        return f"{label} Nomor {self.nomor} Tahun {self.tahun}"

    def save(self, *args, **kwargs):
        digits = "".join(ch for ch in self.nomor if ch.isdigit())
        self.nomor_urut = int(digits[:9]) if digits else 0
        return super().save(*args, **kwargs)
