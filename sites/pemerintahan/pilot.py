"""Socorejo's sample government structure (pilot only). The NAMES ARE ILLUSTRATIVE, not the real officials:
the desa replaces them in Pemerintahan → Perangkat desa. Safe to run again: nothing is added once any
perangkat exists."""

from sites.core.sample import mark_sample

from .models import AnggotaBPD, Lembaga, PerangkatDesa

K = PerangkatDesa.Kelompok
PERANGKAT = [
    ("Sutrisno", "Kepala Desa", K.PIMPINAN, 1),
    ("Siti Khoiriyah, S.E.", "Sekretaris Desa", K.SEKRETARIAT, 2),
    ("Ahmad Fauzi", "Kepala Urusan Keuangan", K.SEKRETARIAT, 3),
    ("Dwi Lestari", "Kepala Urusan Tata Usaha dan Umum", K.SEKRETARIAT, 4),
    ("Moch. Arifin", "Kepala Urusan Perencanaan", K.SEKRETARIAT, 5),
    ("Budi Santoso", "Kepala Seksi Pemerintahan", K.TEKNIS, 6),
    ("Nur Hidayah", "Kepala Seksi Kesejahteraan", K.TEKNIS, 7),
    ("Imam Syafi'i", "Kepala Seksi Pelayanan", K.TEKNIS, 8),
    ("Suparno", "Kepala Dusun Krajan", K.KEWILAYAHAN, 9),
    ("Wahyudi", "Kepala Dusun Tegalrejo", K.KEWILAYAHAN, 10),
    ("Kasmuri", "Kepala Dusun Sumberan", K.KEWILAYAHAN, 11),
]
BPD = [
    ("H. Abdul Rochim", "Ketua BPD", 1),
    ("Sri Wahyuni", "Wakil Ketua BPD", 2),
    ("Agus Salim", "Sekretaris BPD", 3),
    ("Mukhlisin", "Anggota", 4),
    ("Rini Astuti", "Anggota", 5),
]
LEMBAGA = [
    (
        "Lembaga Pemberdayaan Masyarakat Desa",
        "LPMD",
        "Menyusun rencana pembangunan bersama warga dan menggerakkan swadaya gotong royong.",
        None,
    ),
    (
        "Tim Penggerak PKK Desa",
        "PKK",
        "Menggerakkan kegiatan kesejahteraan keluarga: posyandu, dasawisma, dan pelatihan keterampilan.",
        45,
    ),
    ("Karang Taruna", "", "Wadah kegiatan sosial, olahraga dan kewirausahaan pemuda desa.", 60),
    ("Rukun Tetangga dan Rukun Warga", "RT/RW", "Membantu pelayanan warga dan ketertiban lingkungan.", 24),
    ("Posyandu", "", "Pelayanan kesehatan dasar ibu, balita dan lansia di setiap dusun.", 3),
    ("Perlindungan Masyarakat", "Linmas", "Membantu keamanan, ketertiban dan penanggulangan bencana.", 20),
]


def load(home):
    if PerangkatDesa.objects.exists():
        return
    for nama, jabatan, kelompok, urutan in PERANGKAT:
        # No made-up portrait: without a photo the chart shows initials and the sambutan shows no picture.
        person = PerangkatDesa.objects.create(
            nama=nama,
            jabatan=jabatan,
            kelompok=kelompok,
            urutan=urutan,
            periode_mulai=2019,
            periode_selesai=2027,
        )
        mark_sample(person, f"Perangkat desa {jabatan}: nama contoh dari pilot")
    for nama, jabatan, urutan in BPD:
        member = AnggotaBPD.objects.create(
            nama=nama, jabatan=jabatan, urutan=urutan, periode_mulai=2019, periode_selesai=2027
        )
        mark_sample(member, f"Anggota BPD ({jabatan}): nama contoh dari pilot")
    if not Lembaga.objects.exists():
        for urutan, (nama, singkatan, keterangan, jumlah) in enumerate(LEMBAGA, start=1):
            lembaga = Lembaga.objects.create(
                nama=nama, singkatan=singkatan, keterangan=keterangan, jumlah_anggota=jumlah, urutan=urutan
            )
            mark_sample(lembaga, f"Lembaga {singkatan or nama}: ketua dan jumlah anggota contoh dari pilot")
