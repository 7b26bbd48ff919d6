"""A resident's request for a service, its attachments, its history and who looked at its personal data."""

import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone

from .. import nik as nik_rules
from ..storage import attachment_path, private_storage

# No 0/O, 1/I/L: a code read aloud over the phone or copied from a screenshot stays right. 16 of 31 symbols
# are ~79 bits: nobody walks the status pages by guessing.
CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
CODE_LENGTH = 16


def new_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def normalise_code(value: str) -> str:
    return "".join(ch for ch in (value or "").upper() if ch in CODE_ALPHABET)[: CODE_LENGTH + 4]


class Permohonan(models.Model):
    class Status(models.TextChoices):
        DITERIMA = "diterima", "Diterima"
        DIPERIKSA = "diperiksa", "Diperiksa"
        MENUNGGU_TTD = "menunggu-ttd", "Menunggu tanda tangan"
        SELESAI = "selesai", "Selesai"
        PERLU_DILENGKAPI = "perlu-dilengkapi", "Perlu dilengkapi"
        DITOLAK = "ditolak", "Ditolak"

    class JenisKelamin(models.TextChoices):
        LAKI_LAKI = "L", "Laki-laki"
        PEREMPUAN = "P", "Perempuan"

    OPEN_STATUSES = (Status.DITERIMA, Status.DIPERIKSA, Status.MENUNGGU_TTD, Status.PERLU_DILENGKAPI)
    CLOSED_STATUSES = (Status.SELESAI, Status.DITOLAK)

    kode = models.CharField("kode pelacakan", max_length=CODE_LENGTH, unique=True, default=new_code, editable=False)
    layanan = models.ForeignKey(
        "layanan.ServicePage", verbose_name="layanan", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    layanan_judul = models.CharField("layanan", max_length=255)
    nama = models.CharField("nama lengkap", max_length=120)
    nik = models.CharField("NIK", max_length=16)
    no_kk = models.CharField("nomor KK", max_length=16)
    jenis_kelamin = models.CharField("jenis kelamin", max_length=1, choices=JenisKelamin.choices)
    tempat_lahir = models.CharField("tempat lahir", max_length=80)
    tanggal_lahir = models.DateField("tanggal lahir")
    alamat = models.CharField("alamat", max_length=200)
    rt = models.CharField("RT", max_length=3)
    rw = models.CharField("RW", max_length=3)
    dusun = models.CharField("dusun", max_length=80, blank=True)
    telepon = models.CharField("nomor HP/WhatsApp", max_length=20)
    email = models.EmailField("surel", blank=True)
    keperluan = models.TextField("keperluan", max_length=1000)
    isian = models.JSONField("isian tambahan", default=dict, blank=True)
    # Newcomers need a domisili letter most: accepted, but the staff see it at a glance.
    nik_luar_daerah = models.BooleanField("NIK dari luar kabupaten", default=False)
    status = models.CharField("status", max_length=20, choices=Status.choices, default=Status.DITERIMA)
    catatan_publik = models.TextField(
        "catatan untuk pemohon", blank=True, help_text="Alasan penolakan atau apa yang perlu dilengkapi."
    )
    petugas = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="petugas (disposisi)",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    dikirim = models.DateTimeField("dikirim", default=timezone.now, db_index=True)
    diperbarui = models.DateTimeField("diperbarui", auto_now=True)
    selesai_pada = models.DateTimeField("selesai pada", null=True, blank=True)

    class Meta:
        verbose_name = "permohonan layanan"
        verbose_name_plural = "permohonan layanan"
        ordering = ["-dikirim", "-pk"]

    def __str__(self):
        return f"{self.kode_tampil} · {self.layanan_judul}"

    @property
    def kode_tampil(self) -> str:
        return "-".join(self.kode[i : i + 4] for i in range(0, len(self.kode), 4))

    @property
    def nik_tersamar(self) -> str:
        return nik_rules.mask(self.nik)

    @property
    def kk_tersamar(self) -> str:
        return nik_rules.mask(self.no_kk)

    @property
    def nama_tersamar(self) -> str:
        return nik_rules.mask_name(self.nama)

    @property
    def is_open(self) -> bool:
        return self.status in self.OPEN_STATUSES

    @property
    def umur(self):
        return timezone.now() - self.dikirim


class Lampiran(models.Model):
    """An attachment: a photo (re-encoded, no EXIF, HEIC made JPEG) or a PDF, stored outside MEDIA_ROOT."""

    permohonan = models.ForeignKey(Permohonan, on_delete=models.CASCADE, related_name="lampiran")
    label = models.CharField("keterangan", max_length=255)
    berkas = models.FileField("berkas", storage=private_storage, upload_to=attachment_path, max_length=255)
    nama_asli = models.CharField("nama berkas", max_length=255)
    content_type = models.CharField(max_length=60)
    ukuran = models.PositiveIntegerField("ukuran")

    class Meta:
        verbose_name = "lampiran"
        verbose_name_plural = "lampiran"
        ordering = ["pk"]

    def __str__(self):
        return self.label


class Riwayat(models.Model):
    """One step of a request: who did what, when; `publik` steps (and their note) show on the status page."""

    permohonan = models.ForeignKey(Permohonan, on_delete=models.CASCADE, related_name="riwayat")
    waktu = models.DateTimeField(default=timezone.now)
    pengguna = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    oleh = models.CharField("oleh", max_length=150)
    aksi = models.CharField("langkah", max_length=200)
    status = models.CharField("status", max_length=20, choices=Permohonan.Status.choices, blank=True)
    catatan = models.TextField("catatan", blank=True)
    publik = models.BooleanField("tampil bagi pemohon", default=False)

    class Meta:
        verbose_name = "riwayat permohonan"
        verbose_name_plural = "riwayat permohonan"
        ordering = ["waktu", "pk"]

    def __str__(self):
        return f"{self.waktu:%d-%m-%Y %H.%M} {self.oleh}: {self.aksi}"


class AksesDataPribadi(models.Model):
    """Who opened a request's personal data (the detail page, an attachment), kept with the request."""

    permohonan = models.ForeignKey(Permohonan, on_delete=models.CASCADE, related_name="akses")
    pengguna = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    nama_pengguna = models.CharField(max_length=150)
    waktu = models.DateTimeField(default=timezone.now)
    apa = models.CharField(max_length=200)

    class Meta:
        verbose_name = "akses data pribadi"
        verbose_name_plural = "akses data pribadi"
        ordering = ["-waktu", "-pk"]

    def __str__(self):
        return f"{self.nama_pengguna}: {self.apa}"
