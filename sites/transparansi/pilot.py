"""Socorejo's pilot content: this year's APBDes with believable figures (balanced: the defisit is covered by
net financing) and the produk hukum behind it. Idempotent: nothing is added twice."""

import datetime

from django.utils import timezone

from .apbdes import Kelompok
from .models import APBDesPage, APBDesRincian, ProdukHukumIndexPage, ProdukHukumPage, TransparansiIndexPage

APBDES_ROWS = [
    (Kelompok.PENDAPATAN, "Pendapatan Asli Desa", 62_500_000),
    (Kelompok.PENDAPATAN, "Dana Desa", 936_482_000),
    (Kelompok.PENDAPATAN, "Alokasi Dana Desa", 512_730_000),
    (Kelompok.PENDAPATAN, "Bagi Hasil Pajak dan Retribusi Daerah", 48_215_000),
    (Kelompok.PENDAPATAN, "Bantuan Keuangan Kabupaten", 100_000_000),
    (Kelompok.PENDAPATAN, "Lain-lain Pendapatan Desa yang Sah", 5_000_000),
    (Kelompok.BELANJA, "Bidang Penyelenggaraan Pemerintahan Desa", 612_480_000),
    (Kelompok.BELANJA, "Bidang Pelaksanaan Pembangunan Desa", 742_950_000),
    (Kelompok.BELANJA, "Bidang Pembinaan Kemasyarakatan", 98_400_000),
    (Kelompok.BELANJA, "Bidang Pemberdayaan Masyarakat", 121_600_000),
    (Kelompok.BELANJA, "Bidang Penanggulangan Bencana, Keadaan Darurat dan Mendesak Desa", 124_497_000),
    (Kelompok.PENERIMAAN_PEMBIAYAAN, "Sisa Lebih Perhitungan Anggaran (SiLPA) tahun sebelumnya", 85_000_000),
    (Kelompok.PENGELUARAN_PEMBIAYAAN, "Penyertaan modal desa kepada BUMDes", 50_000_000),
]


def law(index, **fields) -> ProdukHukumPage:
    existing = ProdukHukumPage.objects.child_of(index).filter(
        jenis=fields["jenis"], nomor=fields["nomor"], tahun=fields["tahun"]
    )
    if existing.exists():
        return existing.first()
    return index.add_child(instance=ProdukHukumPage(**fields))


def load(home):
    section = TransparansiIndexPage.objects.descendant_of(home).first()
    if section is None:
        return
    year = timezone.localdate().year
    perdes = None
    laws = ProdukHukumIndexPage.objects.child_of(section).first()
    if laws is not None:
        perdes = law(
            laws,
            title=f"Anggaran Pendapatan dan Belanja Desa Tahun Anggaran {year}",
            slug=f"perdes-6-{year - 1}-apbdes-{year}",
            jenis=ProdukHukumPage.Jenis.PERDES,
            nomor="6",
            tahun=year - 1,
            tanggal_penetapan=datetime.date(year - 1, 12, 27),
            pokok_isi="<p>Menetapkan pendapatan, belanja, dan pembiayaan desa tahun anggaran "
            f"{year}, disepakati bersama Badan Permusyawaratan Desa.</p>",
        )
        law(
            laws,
            title=f"Penjabaran Anggaran Pendapatan dan Belanja Desa Tahun Anggaran {year}",
            slug=f"perkades-1-{year}-penjabaran-apbdes",
            jenis=ProdukHukumPage.Jenis.PERKADES,
            nomor="1",
            tahun=year,
            tanggal_penetapan=datetime.date(year, 1, 3),
        )
        law(
            laws,
            title=f"Penetapan Keluarga Penerima Manfaat Bantuan Langsung Tunai Dana Desa Tahun {year}",
            slug=f"sk-kades-4-{year}-kpm-blt-dd",
            jenis=ProdukHukumPage.Jenis.SK,
            nomor="4",
            tahun=year,
            tanggal_penetapan=datetime.date(year, 1, 20),
        )
    if APBDesPage.objects.child_of(section).filter(tahun=year).exists():
        return
    page = APBDesPage(
        title=f"APBDes Tahun {year}",
        slug=f"apbdes-{year}",
        tahun=year,
        perdes=perdes,
        keterangan="<p>Prioritas tahun ini: perbaikan jalan lingkungan, saluran air, dan pemberdayaan usaha "
        "warga melalui BUMDes. Realisasi akan dilaporkan setiap semester.</p>",
    )
    for kelompok, uraian, anggaran in APBDES_ROWS:
        page.rincian.add(APBDesRincian(kelompok=kelompok, uraian=uraian, anggaran=anggaran))
    section.add_child(instance=page)
