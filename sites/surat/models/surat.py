"""Issued letters, their yearly number counter, and who may sign them."""

import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone

from .. import nik as nik_rules
from ..storage import letter_path, private_storage

VERIFY_ALPHABET = "23456789abcdefghjkmnpqrstuvwxyz"


def new_verification_code() -> str:
    return "".join(secrets.choice(VERIFY_ALPHABET) for _ in range(20))


class NomorSurat(models.Model):
    """The last number given in a year; locked (SELECT … FOR UPDATE) by the transaction that issues a letter,
    so two letters signed at the same instant get consecutive numbers and a failed signing gives none back."""

    tahun = models.PositiveIntegerField(
        "tahun", unique=True, help_text="Tahun penomoran; nomor urut mulai dari 1 tiap tahun."
    )
    terakhir = models.PositiveIntegerField(
        "nomor terakhir", default=0, help_text="Nomor urut terakhir yang sudah dipakai surat terbit tahun ini."
    )

    class Meta:
        verbose_name = "penomoran surat"
        verbose_name_plural = "penomoran surat"

    def __str__(self):
        return f"{self.tahun}: {self.terakhir}"


class Penandatangan(models.Model):
    """A user of this desa who signs letters, with the office printed under the signature."""

    class Jabatan(models.TextChoices):
        KEPALA_DESA = "Kepala Desa", "Kepala Desa"
        SEKRETARIS_DESA = "Sekretaris Desa", "Sekretaris Desa (a.n. Kepala Desa)"

    pengguna = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name="akun",
        on_delete=models.CASCADE,
        related_name="penandatangan",
        help_text="Akun admin desa yang menandatangani surat.",
    )
    nama = models.CharField(
        "nama di surat", max_length=150, help_text="Nama lengkap dengan gelar, dicetak di bawah tanda tangan."
    )
    jabatan = models.CharField(
        "jabatan",
        max_length=40,
        choices=Jabatan.choices,
        default=Jabatan.KEPALA_DESA,
        help_text="Sekretaris Desa menandatangani atas nama (a.n.) Kepala Desa.",
    )
    # BSrE issues a certificate to a person's NIK and its API names the signer by NIK: stored here, shown in full
    # only on the signer's own screen, masked elsewhere, never printed. The NIP is printed under the name, as
    # Indonesian letters do, when the signer is a civil servant.
    nik = models.CharField(
        "NIK",
        max_length=16,
        blank=True,
        validators=[nik_rules.validate_nik],
        help_text="NIK di KTP-el, terdaftar di BSrE. Wajib bila kabupaten memakai tanda tangan BSrE; tidak pernah "
        "dicetak di surat atau ditampilkan di halaman publik.",
    )
    nip = models.CharField(
        "NIP",
        max_length=18,
        blank=True,
        validators=[nik_rules.validate_nip],
        help_text="18 angka NIP bila penanda tangan seorang ASN; dicetak di bawah nama pada surat. Kosongkan bila "
        "tidak punya NIP.",
    )

    class Meta:
        verbose_name = "penandatangan"
        verbose_name_plural = "penandatangan"

    def __str__(self):
        return f"{self.nama} ({self.jabatan})"

    @property
    def atas_nama(self) -> bool:
        return self.jabatan == self.Jabatan.SEKRETARIS_DESA

    @property
    def nik_tersamar(self) -> str:
        return nik_rules.mask(self.nik) if self.nik else ""

    @property
    def nip_tersamar(self) -> str:
        return nik_rules.mask(self.nip) if self.nip else ""


class Surat(models.Model):
    """A signed letter. Outlives its request (retention deletes the request, not this): the verification
    page needs the number, the dates, the hash and the signer, never the resident's personal data."""

    class Status(models.TextChoices):
        SAH = "sah", "Sah"
        DICABUT = "dicabut", "Dicabut"

    permohonan = models.OneToOneField(
        "surat.Permohonan",
        verbose_name="permohonan",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="surat",
        help_text="Permohonan asal surat; kosong setelah data permohonan dihapus karena masa simpan habis.",
    )
    kode_verifikasi = models.CharField(max_length=20, unique=True, default=new_verification_code, editable=False)
    nomor = models.CharField("nomor surat", max_length=120, help_text="Nomor lengkap seperti tercetak di surat.")
    tahun = models.PositiveIntegerField("tahun", help_text="Tahun penomoran surat.")
    nomor_urut = models.PositiveIntegerField("nomor urut", help_text="Nomor urut dalam tahun itu, tanpa celah.")
    tanggal = models.DateField("tanggal surat", help_text="Tanggal surat ditandatangani.")
    berlaku_sampai = models.DateField(
        "berlaku sampai", null=True, blank=True, help_text="Kosong berarti tanpa batas berlaku."
    )
    perihal = models.CharField("perihal", max_length=255, help_text="Judul surat, mis. Surat Keterangan Tidak Mampu.")
    nama_pemohon_tersamar = models.CharField(
        "nama pemohon (tersamar)",
        max_length=150,
        help_text="Nama pemohon yang sebagian disamarkan, untuk halaman verifikasi publik.",
    )
    penandatangan_nama = models.CharField("penandatangan", max_length=150, help_text="Nama di bawah tanda tangan.")
    penandatangan_jabatan = models.CharField("jabatan", max_length=60, help_text="Jabatan penanda tangan.")
    atas_nama = models.BooleanField(
        "a.n. Kepala Desa", default=False, help_text="Ditandatangani Sekretaris Desa atas nama Kepala Desa."
    )
    jenis_tanda_tangan = models.CharField(
        "jenis tanda tangan",
        max_length=10,
        default="lokal",
        help_text="lokal: sertifikat platform Desa Digital; bsre: sertifikat BSrE (BSSN), tersertifikasi.",
    )
    sha256 = models.CharField(
        "SHA-256", max_length=64, db_index=True, help_text="Sidik berkas PDF bertanda tangan, untuk verifikasi."
    )
    berkas = models.FileField(
        "berkas PDF",
        storage=private_storage,
        upload_to=letter_path,
        max_length=255,
        help_text="PDF bertanda tangan; disimpan privat, tidak di folder media publik.",
    )
    status = models.CharField(
        "status",
        max_length=10,
        choices=Status.choices,
        default=Status.SAH,
        help_text="Surat yang dicabut dinyatakan tidak sah di halaman verifikasi.",
    )
    alasan_cabut = models.TextField(
        "alasan pencabutan", blank=True, help_text="Tampil di halaman verifikasi bila surat dicabut."
    )
    dicabut_pada = models.DateTimeField("dicabut pada", null=True, blank=True, help_text="Waktu pencabutan.")
    dicabut_oleh = models.CharField("dicabut oleh", max_length=150, blank=True, help_text="Siapa yang mencabut.")
    diterbitkan = models.DateTimeField("diterbitkan", default=timezone.now, help_text="Waktu surat ditandatangani.")

    class Meta:
        verbose_name = "surat"
        verbose_name_plural = "surat"
        ordering = ["-diterbitkan", "-pk"]
        constraints = [models.UniqueConstraint(fields=["tahun", "nomor_urut"], name="surat_nomor_urut_unik")]
        permissions = [("tandatangani_surat", "Dapat menandatangani dan mencabut surat")]

    def __str__(self):
        return self.nomor
