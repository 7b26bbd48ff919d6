"""Transparansi: APBDes per year, produk hukum (Perdes, Perkades, SK) and the PPID list of public information."""

from django import forms
from django.core.paginator import Paginator
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Case, When
from django.utils import timezone
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from sites.core.models import BasePage

from .apbdes import Kelompok, summarise
from .forms import APBDesForm, ProdukHukumForm

TAHUN_VALIDATORS = [
    MinValueValidator(1945, "Tahun tidak boleh sebelum 1945."),
    MaxValueValidator(2100, "Tahun tidak boleh setelah 2100."),
]
RICH_TEXT = ["h2", "h3", "bold", "italic", "link", "ol", "ul", "document-link"]


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


class APBDesPage(BasePage):
    tahun = models.PositiveSmallIntegerField(
        "tahun anggaran", validators=TAHUN_VALIDATORS, help_text="Tahun anggaran, mis. 2025. Satu halaman per tahun."
    )
    keterangan = RichTextField(
        "keterangan",
        blank=True,
        features=RICH_TEXT,
        help_text="Penjelasan singkat: prioritas tahun ini, tanggal penetapan, sumber data realisasi.",
    )
    perdes = models.ForeignKey(
        "transparansi.ProdukHukumPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="Perdes APBDes",
        help_text="Peraturan Desa yang menetapkan APBDes ini (dari halaman Produk Hukum).",
    )
    dokumen = models.ForeignKey(
        "wagtaildocs.Document",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="dokumen lengkap",
        help_text="Mis. berkas APBDes lengkap atau laporan realisasi (PDF).",
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

    def ringkasan(self):
        return summarise(self.rincian.all())

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["apbdes"] = self.ringkasan()
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


class ProdukHukumIndexPage(BasePage):
    intro = RichTextField("pengantar", blank=True, features=RICH_TEXT, help_text="Teks singkat di atas daftar.")

    content_panels = BasePage.content_panels + [FieldPanel("intro")]
    parent_page_types = ["transparansi.TransparansiIndexPage"]
    subpage_types = ["transparansi.ProdukHukumPage"]
    max_count = 1

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
        context["laws"] = Paginator(laws, 20).get_page(request.GET.get("page"))
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
        self.fields["jenis"].choices = [("", "Semua jenis"), *ProdukHukumPage.Jenis.choices]
        self.fields["tahun"].choices = [("", "Semua tahun"), *((str(year), str(year)) for year in years)]


class ProdukHukumPage(BasePage):
    class Jenis(models.TextChoices):
        PERDES = "perdes", "Peraturan Desa"
        PERATURAN_BERSAMA = "peraturan-bersama", "Peraturan Bersama Kepala Desa"
        PERKADES = "perkades", "Peraturan Kepala Desa"
        SK = "sk", "Keputusan Kepala Desa"

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
    dokumen = models.ForeignKey(
        "wagtaildocs.Document",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="berkas",
        help_text="Salinan produk hukum (PDF) yang dapat diunduh warga.",
    )
    ringkasan = RichTextField(
        "ringkasan isi", blank=True, features=RICH_TEXT, help_text="Pokok-pokok isi, agar warga tak perlu membuka PDF."
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
        FieldPanel("ringkasan"),
    ]
    base_form_class = ProdukHukumForm
    search_fields = BasePage.search_fields + [
        index.SearchField("nomor"),
        index.SearchField("ringkasan"),
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

    @property
    def sebutan(self) -> str:
        """“Peraturan Desa Nomor 1 Tahun 2025”: how the law is cited."""
        return f"{self.get_jenis_display()} Nomor {self.nomor} Tahun {self.tahun}"

    def save(self, *args, **kwargs):
        digits = "".join(ch for ch in self.nomor if ch.isdigit())
        self.nomor_urut = int(digits[:9]) if digits else 0
        return super().save(*args, **kwargs)


class PPIDPage(BasePage):
    intro = RichTextField(
        "pengantar",
        blank=True,
        features=RICH_TEXT,
        help_text="Apa itu PPID desa dan siapa pejabatnya.",
    )
    pejabat_ppid = models.CharField(
        "pejabat PPID",
        max_length=200,
        blank=True,
        help_text="Jabatan (dan nama) pejabat pengelola informasi, mis. “Sekretaris Desa”.",
    )
    cara_permohonan = RichTextField(
        "cara mengajukan permohonan",
        blank=True,
        features=RICH_TEXT,
        help_text="Langkah bagi warga yang meminta informasi yang belum tersedia di sini.",
    )

    content_panels = BasePage.content_panels + [
        FieldPanel("intro"),
        FieldPanel("pejabat_ppid"),
        InlinePanel("informasi", label="Informasi publik", heading="Daftar informasi publik"),
        FieldPanel("cara_permohonan"),
    ]
    parent_page_types = ["transparansi.TransparansiIndexPage"]
    subpage_types = []
    max_count = 1

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
                PPIDInformasi(kategori="berkala", judul=f"APBDes Tahun {apbdes.tahun}", halaman=apbdes)
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
        "berkala": "Diumumkan secara rutin, paling sedikit setiap enam bulan sekali.",
        "serta-merta": "Diumumkan segera tanpa penundaan karena menyangkut keselamatan dan hajat hidup orang "
        "banyak, mis. bencana.",
        "setiap-saat": "Tersedia dan dapat diminta kapan saja.",
    }

    page = ParentalKey(PPIDPage, on_delete=models.CASCADE, related_name="informasi")
    kategori = models.CharField("kategori", max_length=20, choices=Kategori.choices, help_text="Menurut Perki 1/2018.")
    judul = models.CharField("judul", max_length=200, help_text="Nama informasi, mis. “Struktur organisasi”.")
    keterangan = models.CharField(
        "keterangan", max_length=300, blank=True, help_text="Penjelasan singkat atau di mana informasinya bisa didapat."
    )
    halaman = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="halaman",
        help_text="Halaman situs ini yang memuat informasinya.",
    )
    dokumen = models.ForeignKey(
        "wagtaildocs.Document",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="dokumen",
        help_text="Atau berkas yang dapat diunduh.",
    )
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
