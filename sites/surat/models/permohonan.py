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
        "layanan.ServicePage",
        verbose_name="layanan",
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Halaman layanan yang diajukan.",
    )
    layanan_judul = models.CharField(
        "layanan", max_length=255, help_text="Judul layanan saat diajukan (tetap ada bila halamannya dihapus)."
    )
    nama = models.CharField("nama lengkap", max_length=120, help_text="Nama pemohon sesuai KTP-el.")
    nik = models.CharField("NIK", max_length=16, help_text="16 angka; hanya petugas yang mengurus melihatnya utuh.")
    no_kk = models.CharField("nomor KK", max_length=16, help_text="16 angka nomor Kartu Keluarga pemohon.")
    jenis_kelamin = models.CharField(
        "jenis kelamin", max_length=1, choices=JenisKelamin.choices, help_text="Sesuai KTP-el."
    )
    tempat_lahir = models.CharField("tempat lahir", max_length=80, help_text="Sesuai KTP-el.")
    tanggal_lahir = models.DateField("tanggal lahir", help_text="Harus cocok dengan angka tanggal di NIK.")
    alamat = models.CharField("alamat", max_length=200, help_text="Jalan dan nomor rumah.")
    rt = models.CharField("RT", max_length=3, help_text="Tiga angka, mis. 003.")
    rw = models.CharField("RW", max_length=3, help_text="Tiga angka, mis. 001.")
    dusun = models.CharField("dusun", max_length=80, blank=True, help_text="Nama dusun, bila ada.")
    telepon = models.CharField("nomor HP/WhatsApp", max_length=20, help_text="Untuk menghubungi pemohon.")
    email = models.EmailField("surel", blank=True, help_text="Bila diisi, kabar status dikirim ke alamat ini.")
    keperluan = models.TextField("keperluan", max_length=1000, help_text="Untuk apa surat ini diminta.")
    isian = models.JSONField(
        "isian tambahan", default=dict, blank=True, help_text="Jawaban kolom tambahan yang dibuat desa untuk layanan."
    )
    # Newcomers need a domisili letter most: accepted, but the staff see it at a glance.
    nik_luar_daerah = models.BooleanField(
        "NIK dari luar kabupaten",
        default=False,
        help_text="Diterima (mis. pendatang yang perlu surat domisili), tetapi ditandai untuk diperiksa petugas.",
    )
    status = models.CharField(
        "status",
        max_length=20,
        choices=Status.choices,
        default=Status.DITERIMA,
        help_text="Tahap permohonan; setiap perubahan dicatat di riwayat.",
    )
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
        help_text="Perangkat desa yang ditugasi mengurus permohonan ini.",
    )
    dikirim = models.DateTimeField("dikirim", default=timezone.now, db_index=True, help_text="Waktu permohonan masuk.")
    diperbarui = models.DateTimeField("diperbarui", auto_now=True, help_text="Waktu perubahan terakhir.")
    selesai_pada = models.DateTimeField(
        "selesai pada", null=True, blank=True, help_text="Waktu surat terbit atau permohonan ditolak."
    )

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

    permohonan = models.ForeignKey(
        Permohonan,
        verbose_name="permohonan",
        on_delete=models.CASCADE,
        related_name="lampiran",
        help_text="Permohonan pemilik lampiran.",
    )
    label = models.CharField("keterangan", max_length=255, help_text="Mis. Foto atau PDF KTP-el.")
    berkas = models.FileField(
        "berkas",
        storage=private_storage,
        upload_to=attachment_path,
        max_length=255,
        help_text="Disimpan privat; hanya dibuka petugas desa lewat halaman permohonan.",
    )
    nama_asli = models.CharField("nama berkas", max_length=255, help_text="Nama berkas dari perangkat pemohon.")
    content_type = models.CharField("jenis berkas", max_length=60, help_text="Jenis isi berkas, mis. image/jpeg.")
    ukuran = models.PositiveIntegerField("ukuran", help_text="Ukuran berkas dalam byte.")

    class Meta:
        verbose_name = "lampiran"
        verbose_name_plural = "lampiran"
        ordering = ["pk"]

    def __str__(self):
        return self.label


class Riwayat(models.Model):
    """One step of a request: who did what, when; `publik` steps (and their note) show on the status page."""

    permohonan = models.ForeignKey(
        Permohonan,
        verbose_name="permohonan",
        on_delete=models.CASCADE,
        related_name="riwayat",
        help_text="Permohonan yang dicatat.",
    )
    waktu = models.DateTimeField("waktu", default=timezone.now, help_text="Kapan langkah ini terjadi.")
    pengguna = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="pengguna",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Akun petugas; kosong untuk pemohon atau sistem.",
    )
    oleh = models.CharField("oleh", max_length=150, help_text="Nama yang melakukan langkah ini.")
    aksi = models.CharField("langkah", max_length=200, help_text="Apa yang dilakukan.")
    status = models.CharField(
        "status",
        max_length=20,
        choices=Permohonan.Status.choices,
        blank=True,
        help_text="Status permohonan sesudah langkah ini.",
    )
    catatan = models.TextField("catatan", blank=True, help_text="Catatan petugas atau pemohon.")
    publik = models.BooleanField(
        "tampil bagi pemohon", default=False, help_text="Langkah dan catatannya tampil di halaman status."
    )

    class Meta:
        verbose_name = "riwayat permohonan"
        verbose_name_plural = "riwayat permohonan"
        ordering = ["waktu", "pk"]

    def __str__(self):
        return f"{self.waktu:%d-%m-%Y %H.%M} {self.oleh}: {self.aksi}"


class AksesDataPribadi(models.Model):
    """Who opened a request's personal data (the detail page, an attachment), kept with the request."""

    permohonan = models.ForeignKey(
        Permohonan,
        verbose_name="permohonan",
        on_delete=models.CASCADE,
        related_name="akses",
        help_text="Permohonan yang datanya dibuka.",
    )
    pengguna = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="pengguna",
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Akun yang membuka data.",
    )
    nama_pengguna = models.CharField("nama pengguna", max_length=150, help_text="Nama akun saat membuka data.")
    waktu = models.DateTimeField("waktu", default=timezone.now, help_text="Kapan data dibuka.")
    apa = models.CharField("apa yang dibuka", max_length=200, help_text="Mis. membuka lampiran KTP-el.")

    class Meta:
        verbose_name = "akses data pribadi"
        verbose_name_plural = "akses data pribadi"
        ordering = ["-waktu", "-pk"]

    def __str__(self):
        return f"{self.nama_pengguna}: {self.apa}"
