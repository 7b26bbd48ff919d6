"""Issued letters, their yearly number counter, and who may sign them."""

import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone

from ..storage import letter_path, private_storage

VERIFY_ALPHABET = "23456789abcdefghjkmnpqrstuvwxyz"


def new_verification_code() -> str:
    return "".join(secrets.choice(VERIFY_ALPHABET) for _ in range(20))


class NomorSurat(models.Model):
    """The last number given in a year; locked (SELECT … FOR UPDATE) by the transaction that issues a letter,
    so two letters signed at the same instant get consecutive numbers and a failed signing gives none back."""

    tahun = models.PositiveIntegerField(unique=True)
    terakhir = models.PositiveIntegerField(default=0)

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

    pengguna = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="penandatangan")
    nama = models.CharField("nama di surat", max_length=150)
    jabatan = models.CharField("jabatan", max_length=40, choices=Jabatan.choices, default=Jabatan.KEPALA_DESA)

    class Meta:
        verbose_name = "penandatangan"
        verbose_name_plural = "penandatangan"

    def __str__(self):
        return f"{self.nama} ({self.jabatan})"

    @property
    def atas_nama(self) -> bool:
        return self.jabatan == self.Jabatan.SEKRETARIS_DESA


class Surat(models.Model):
    """A signed letter. Outlives its request (retention deletes the request, not this): the verification
    page needs the number, the dates, the hash and the signer, never the resident's personal data."""

    class Status(models.TextChoices):
        SAH = "sah", "Sah"
        DICABUT = "dicabut", "Dicabut"

    permohonan = models.OneToOneField(
        "surat.Permohonan", null=True, blank=True, on_delete=models.SET_NULL, related_name="surat"
    )
    kode_verifikasi = models.CharField(max_length=20, unique=True, default=new_verification_code, editable=False)
    nomor = models.CharField("nomor surat", max_length=120)
    tahun = models.PositiveIntegerField()
    nomor_urut = models.PositiveIntegerField()
    tanggal = models.DateField("tanggal surat")
    berlaku_sampai = models.DateField("berlaku sampai", null=True, blank=True)
    perihal = models.CharField("perihal", max_length=255)
    nama_pemohon_tersamar = models.CharField("nama pemohon (tersamar)", max_length=150)
    penandatangan_nama = models.CharField("penandatangan", max_length=150)
    penandatangan_jabatan = models.CharField("jabatan", max_length=60)
    atas_nama = models.BooleanField("a.n. Kepala Desa", default=False)
    jenis_tanda_tangan = models.CharField("jenis tanda tangan", max_length=10, default="lokal")
    sha256 = models.CharField("SHA-256", max_length=64, db_index=True)
    berkas = models.FileField(storage=private_storage, upload_to=letter_path, max_length=255)
    status = models.CharField("status", max_length=10, choices=Status.choices, default=Status.SAH)
    alasan_cabut = models.TextField("alasan pencabutan", blank=True)
    dicabut_pada = models.DateTimeField(null=True, blank=True)
    dicabut_oleh = models.CharField(max_length=150, blank=True)
    diterbitkan = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = "surat"
        verbose_name_plural = "surat"
        ordering = ["-diterbitkan", "-pk"]
        constraints = [models.UniqueConstraint(fields=["tahun", "nomor_urut"], name="surat_nomor_urut_unik")]
        permissions = [("tandatangani_surat", "Dapat menandatangani dan mencabut surat")]

    def __str__(self):
        return self.nomor
