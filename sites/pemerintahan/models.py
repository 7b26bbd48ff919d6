"""Pemerintahan: perangkat desa, BPD and lembaga kemasyarakatan as snippets, shown as a structure on one page.

They are public content, so they go through the Kepala Desa's approval like pages do: an operator's change is a
draft revision submitted to the workflow (sites/desa_admin/roles.py assigns it); residents see only what is
live, and a live row keeps its published values until the new revision is approved.
"""

from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from wagtail.admin.panels import FieldPanel, FieldRowPanel, HelpPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import DraftStateMixin, RevisionMixin, WorkflowMixin
from wagtail.search import index

from sites.core import rich_text
from sites.core.blocks import BodyBlock
from sites.core.kinds import current_words
from sites.core.models import BasePage, SectionIndexPage, intro_field


class ApprovedContent(WorkflowMixin, DraftStateMixin, RevisionMixin, models.Model):
    """Public content outside the page tree that needs the Kepala Desa's approval (Wagtail's snippet workflow)."""

    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="%(app_label)s_%(class)s")
    workflow_states = GenericRelation(
        "wagtailcore.WorkflowState",
        content_type_field="base_content_type",
        object_id_field="object_id",
        related_query_name="%(app_label)s_%(class)s",
        for_concrete_model=False,
    )

    class Meta:
        abstract = True

    @property
    def revisions(self):
        return self._revisions


class Pejabat(ApprovedContent):
    """What a person holding an office has: name, title, photo, place in the list, term."""

    nama = models.CharField("nama", max_length=100, help_text="Nama lengkap dengan gelar, mis. 'Siti Aminah, S.Pd.'.")
    jabatan = models.CharField("jabatan", max_length=100, help_text="Mis. 'Sekretaris Desa', 'Kepala Dusun Krajan'.")
    foto = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name="foto",
        help_text="Foto wajah, tegak (3:4) atau persegi. Boleh dikosongkan.",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    urutan = models.PositiveSmallIntegerField(
        "urutan", default=100, help_text="Angka kecil tampil lebih dulu (mis. Kepala Desa 1, Sekretaris 2)."
    )
    periode_mulai = models.PositiveSmallIntegerField(
        "mulai menjabat (tahun)", null=True, blank=True, help_text="Tahun mulai, mis. 2019."
    )
    periode_selesai = models.PositiveSmallIntegerField(
        "akhir masa jabatan (tahun)", null=True, blank=True, help_text="Tahun berakhir, mis. 2025. Boleh kosong."
    )
    aktif = models.BooleanField(
        "masih menjabat", default=True, help_text="Hapus centang bila sudah tidak menjabat; data tetap tersimpan."
    )

    class Meta:
        abstract = True
        ordering = ["urutan", "nama"]

    def __str__(self):
        return f"{self.nama} — {self.jabatan}"

    def clean(self):
        super().clean()
        if self.periode_mulai and self.periode_selesai and self.periode_selesai < self.periode_mulai:
            raise ValidationError({"periode_selesai": "Akhir masa jabatan tidak boleh sebelum tahun mulai."})
        this_year = timezone.localdate().year
        for field in ("periode_mulai", "periode_selesai"):
            year = getattr(self, field)
            if year and not 1945 <= year <= this_year + 10:
                raise ValidationError({field: f"Tahun {year} tidak masuk akal; tulis empat angka, mis. 2019."})

    @property
    def periode(self) -> str:
        if self.periode_mulai and self.periode_selesai:
            return f"{self.periode_mulai}–{self.periode_selesai}"
        if self.periode_mulai:
            return f"sejak {self.periode_mulai}"
        return ""

    @property
    def inisial(self) -> str:
        words = [w for w in self.nama.replace(",", " ").split() if w[:1].isalpha() and not w.endswith(".")]
        return "".join(w[0] for w in words[:2]).upper() or "?"


PEJABAT_PANELS = [
    FieldPanel("nama"),
    FieldPanel("jabatan"),
    FieldPanel("foto"),
    FieldPanel("urutan"),
    FieldRowPanel([FieldPanel("periode_mulai"), FieldPanel("periode_selesai")], heading="Periode"),
    FieldPanel("aktif"),
]


class PerangkatDesa(Pejabat):
    class Kelompok(models.TextChoices):
        PIMPINAN = "pimpinan", "Kepala Desa"
        SEKRETARIAT = "sekretariat", "Sekretariat (Sekretaris Desa dan Kepala Urusan)"
        TEKNIS = "teknis", "Pelaksana teknis (Kepala Seksi)"
        KEWILAYAHAN = "kewilayahan", "Pelaksana kewilayahan (Kepala Dusun)"

    kelompok = models.CharField(
        "kelompok",
        max_length=20,
        choices=Kelompok.choices,
        default=Kelompok.SEKRETARIAT,
        help_text="Menentukan letaknya di bagan susunan organisasi (Permendagri 84/2015).",
    )

    panels = PEJABAT_PANELS[:2] + [FieldPanel("kelompok")] + PEJABAT_PANELS[2:]

    class Meta(Pejabat.Meta):
        verbose_name = "perangkat desa"
        verbose_name_plural = "perangkat desa"


class AnggotaBPD(Pejabat):
    panels = PEJABAT_PANELS

    class Meta(Pejabat.Meta):
        verbose_name = "anggota BPD"
        verbose_name_plural = "anggota BPD"


class Lembaga(ApprovedContent):
    """A lembaga kemasyarakatan desa (LPMD, PKK, Karang Taruna, RT/RW, Posyandu…)."""

    nama = models.CharField("nama", max_length=120, help_text="Mis. 'Tim Penggerak PKK Desa'.")
    singkatan = models.CharField("singkatan", max_length=30, blank=True, help_text="Mis. 'PKK'.")
    ketua = models.CharField("ketua", max_length=100, blank=True, help_text="Nama ketua saat ini.")
    keterangan = models.TextField("keterangan", blank=True, help_text="Tugas dan kegiatan utamanya, dua-tiga kalimat.")
    jumlah_anggota = models.PositiveIntegerField(
        "jumlah anggota/unit", null=True, blank=True, help_text="Mis. jumlah kader, atau jumlah RT untuk lembaga RT."
    )
    urutan = models.PositiveSmallIntegerField("urutan", default=100, help_text="Angka kecil tampil lebih dulu.")

    panels = [
        FieldRowPanel([FieldPanel("nama"), FieldPanel("singkatan")]),
        FieldPanel("ketua"),
        FieldPanel("keterangan"),
        FieldRowPanel([FieldPanel("jumlah_anggota"), FieldPanel("urutan")]),
    ]

    class Meta:
        ordering = ["urutan", "nama"]
        verbose_name = "lembaga kemasyarakatan"
        verbose_name_plural = "lembaga kemasyarakatan"

    def __str__(self):
        return self.nama


class PemerintahanPage(SectionIndexPage):
    """/pemerintahan/: the organisation chart of the desa government, the BPD and the lembaga."""

    intro = intro_field("Teks pembuka di atas bagan.")
    tugas_bpd = RichTextField(
        "tentang BPD",
        blank=True,
        features=rich_text.SIMPLE,
        help_text="Penjelasan singkat fungsi BPD; tampil di atas daftar anggota BPD.",
    )
    body = StreamField(BodyBlock(), verbose_name="isi tambahan", blank=True, help_text="Tampil di bawah bagan.")

    content_panels = SectionIndexPage.content_panels + [
        FieldPanel("tugas_bpd"),
        FieldPanel("body"),
        HelpPanel(
            "<p>Nama perangkat desa, anggota BPD dan lembaga kemasyarakatan diisi di menu <b>Pemerintahan</b> "
            "di samping kiri; halaman ini menyusunnya menjadi bagan.</p>"
        ),
    ]
    search_fields = BasePage.search_fields + [index.SearchField("intro"), index.SearchField("body")]
    subpage_types = []

    class Meta:
        verbose_name = "pemerintahan desa"
        verbose_name_plural = "pemerintahan desa"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(structure())
        return context


def structure() -> dict:
    """Active officials grouped the way the chart shows them; empty groups are left out by the template."""
    perangkat = list(PerangkatDesa.objects.filter(live=True, aktif=True).select_related("foto"))
    # Headings in the office's own words: a kelurahan's sekretariat is not a "Sekretaris Desa" (sites/core/kinds.py).
    labels = current_words().kelompok
    groups = [
        (labels.get(key, label), [p for p in perangkat if p.kelompok == key])
        for key, label in PerangkatDesa.Kelompok.choices
        if key != PerangkatDesa.Kelompok.PIMPINAN
    ]
    return {
        "kepala_desa": [p for p in perangkat if p.kelompok == PerangkatDesa.Kelompok.PIMPINAN],
        "perangkat_groups": [(label, people) for label, people in groups if people],
        "bpd": list(AnggotaBPD.objects.filter(live=True, aktif=True).select_related("foto")),
        "lembaga": list(Lembaga.objects.filter(live=True)),
    }


def kepala_desa():
    """The active head of the desa, or None (the home page uses the photo and name for the sambutan)."""
    return PerangkatDesa.objects.filter(live=True, aktif=True, kelompok=PerangkatDesa.Kelompok.PIMPINAN).first()
