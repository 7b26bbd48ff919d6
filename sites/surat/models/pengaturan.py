"""What a desa sets for its letters: numbering, paper, retention (one row) and a template per service."""

from django.core.exceptions import ValidationError
from django.db import models
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting

DEFAULT_FORMAT = "[kode_klasifikasi]/[nomor, 3]/[kode_desa]/[bulan_romawi]/[tahun]"
PLACEHOLDERS = (
    "nama",
    "nik",
    "no_kk",
    "jenis_kelamin",
    "tempat_lahir",
    "tanggal_lahir",
    "alamat",
    "rt",
    "rw",
    "dusun",
    "keperluan",
    "nama_desa",
    "kecamatan",
    "kabupaten",
    "berlaku_sampai",
)


@register_setting(icon="doc-full")
class PengaturanSurat(BaseGenericSetting):
    class Kertas(models.TextChoices):
        A4 = "A4", "A4 (210 × 297 mm)"
        F4 = "F4", "F4/Folio (215 × 330 mm)"

    kode_desa = models.CharField(
        "kode desa di nomor surat",
        max_length=30,
        blank=True,
        help_text="Mis. kode wilayah Kemendagri 35.23.12.2002 atau singkatan desa. Kosongkan untuk memakai kode "
        "wilayah bila diketahui platform.",
    )
    format_nomor = models.CharField(
        "format nomor surat",
        max_length=120,
        default=DEFAULT_FORMAT,
        help_text="Kode: [kode_klasifikasi] (atau [kode_surat]), [nomor, 3] (nomor urut, 3 angka), [kode_desa], "
        "[bulan_romawi], [bulan], [tahun]. Sama dengan format bawaan OpenSID.",
    )
    ukuran_kertas = models.CharField(
        "ukuran kertas",
        max_length=2,
        choices=Kertas.choices,
        default=Kertas.A4,
        help_text="Ukuran kertas surat yang dicetak dan diunduh pemohon.",
    )
    retensi_bulan = models.PositiveSmallIntegerField(
        "simpan data permohonan (bulan)",
        default=12,
        help_text="Data permohonan dan lampirannya dihapus sekian bulan setelah selesai atau ditolak. Catatan "
        "surat (nomor, tanggal, sidik SHA-256) tetap disimpan untuk verifikasi.",
    )
    alamat_kop = models.CharField(
        "alamat di kop surat",
        max_length=200,
        blank=True,
        help_text="Kosongkan untuk memakai alamat kantor desa dari Pengaturan situs desa.",
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("format_nomor"), FieldRowPanel([FieldPanel("kode_desa"), FieldPanel("ukuran_kertas")])],
            heading="Nomor dan kertas",
        ),
        FieldPanel("alamat_kop"),
        FieldPanel("retensi_bulan"),
    ]

    class Meta:
        verbose_name = "pengaturan surat"

    def clean(self):
        if "[nomor" not in self.format_nomor and "[nomor_surat" not in self.format_nomor:
            raise ValidationError({"format_nomor": "Format harus memuat [nomor] agar setiap surat bernomor unik."})
        if "[tahun]" not in self.format_nomor:
            raise ValidationError({"format_nomor": "Format harus memuat [tahun]: nomor urut dimulai lagi tiap tahun."})


class TemplateSurat(models.Model):
    """The letter a service produces: title, body with [placeholders] from the request, validity."""

    layanan = models.OneToOneField(
        "layanan.ServicePage",
        verbose_name="layanan",
        on_delete=models.CASCADE,
        related_name="template_surat",
        help_text="Layanan yang menghasilkan surat ini (satu template per layanan).",
    )
    judul = models.CharField("judul surat", max_length=150, help_text="Mis. SURAT KETERANGAN TIDAK MAMPU.")
    pembuka = models.TextField(
        "kalimat pembuka",
        default="Yang bertanda tangan di bawah ini Kepala Desa [nama_desa], Kecamatan [kecamatan], Kabupaten "
        "[kabupaten], menerangkan dengan sebenarnya bahwa:",
        help_text="Kalimat sebelum data pemohon. Kode seperti [nama_desa] diganti otomatis.",
    )
    isi = models.TextField(
        "isi surat",
        help_text="Teks setelah data pemohon. Kode yang bisa dipakai: " + ", ".join(f"[{p}]" for p in PLACEHOLDERS),
    )
    penutup = models.TextField(
        "kalimat penutup",
        default="Demikian surat keterangan ini dibuat dengan sebenarnya untuk dapat dipergunakan sebagaimana mestinya.",
        help_text="Kalimat terakhir sebelum tanda tangan.",
    )
    masa_berlaku_hari = models.PositiveSmallIntegerField(
        "masa berlaku (hari)", default=90, help_text="0 berarti tanpa batas berlaku."
    )

    panels = [
        FieldPanel("layanan"),
        FieldPanel("judul"),
        FieldPanel("pembuka"),
        FieldPanel("isi"),
        FieldPanel("penutup"),
        FieldPanel("masa_berlaku_hari"),
    ]

    class Meta:
        verbose_name = "template surat"
        verbose_name_plural = "template surat"

    def __str__(self):
        return self.judul
