"""The service catalogue every new desa starts with: the letters residents ask for most, written so a desa
only adjusts names, times and local rules. Runs once, in the template schema (see sites/core/sections.py).

Over 300 lines on purpose: it is data (eight services' requirements, steps and legal bases), not logic.
"""

from sites.core.kinds import reword, words_for

from .models import LayananIndexPage, ServicePage

PENGANTAR_RT_RW = "Surat pengantar dari Ketua RT dan Ketua RW setempat"
KTP = "KTP-el asli dan fotokopinya"
KK = "Kartu Keluarga (KK) asli dan fotokopinya"

UU_DESA = "Undang-Undang Nomor 6 Tahun 2014 tentang Desa"
UU_ADMINDUK = (
    "Undang-Undang Nomor 23 Tahun 2006 tentang Administrasi Kependudukan sebagaimana telah diubah dengan "
    "Undang-Undang Nomor 24 Tahun 2013"
)
PERPRES_96 = (
    "Peraturan Presiden Nomor 96 Tahun 2018 tentang Persyaratan dan Tata Cara Pendaftaran Penduduk dan Pencatatan Sipil"
)
PERMENDAGRI_108 = "Peraturan Menteri Dalam Negeri Nomor 108 Tahun 2019 tentang Peraturan Pelaksanaan Perpres 96/2018"
PERMENDAGRI_109 = (
    "Peraturan Menteri Dalam Negeri Nomor 109 Tahun 2019 tentang Formulir dan Buku yang Digunakan dalam "
    "Administrasi Kependudukan"
)

LANGKAH_RT_RW = ("Minta surat pengantar RT/RW", "Datang ke Ketua RT lalu Ketua RW tempat tinggal Anda.")
LANGKAH_SERAHKAN = (
    "Serahkan berkas di kantor desa",
    "Bawa semua persyaratan ke meja pelayanan. Petugas memeriksa kelengkapan berkas.",
)
LANGKAH_TANDA_TANGAN = (
    "Surat ditandatangani",
    "Surat dicatat di buku register, ditandatangani Kepala Desa (atau Sekretaris Desa atas nama Kepala Desa) "
    "dan dicap.",
)
LANGKAH_TERIMA = ("Terima surat", "Periksa kembali nama, NIK, dan alamat sebelum meninggalkan kantor desa.")
LANGKAH_DUKCAPIL = (
    "Lanjutkan ke Dispendukcapil",
    "Bawa surat dari desa beserta berkas asli ke Dinas Kependudukan dan Pencatatan Sipil kabupaten atau ke "
    "kantor kecamatan yang melayani administrasi kependudukan. Dokumen kependudukan tidak dipungut biaya.",
)

# kode_klasifikasi: the archive classification of Permendagri 83/2022 (Pedoman Kode Klasifikasi Arsip), written
# into each letter's number. Checked on 2 December 2026 against a transcription of the regulation's appendix
# (400.9 Sosial: .14 Penanggulangan Kemiskinan Perkotaan dan Perdesaan; 400.12 Kependudukan dan Pencatatan Sipil:
# .2 Pendaftaran Penduduk → .2.1 Identitas Penduduk, .2.2 Pindah Datang Penduduk dalam Wilayah NKRI; .3 Pencatatan
# Sipil → .3.1 Kelahiran dan Kematian, .3.2 Perkawinan dan Perceraian; 500.3 Koperasi dan Usaha Kecil Menengah)
# and against OpenSID (its klasifikasi_surat.csv is still the older Permendagri 78/2012 scheme: 470 Kependudukan,
# 471.13 KTP, 471.14 KK, 471.2 perpindahan, 472.11 kelahiran, 472.12 kematian, 460 Sosial; its default templates
# mostly number with its own S-xx codes, "500" for Keterangan Usaha). Where no rincian fits a letter about one
# resident, the sub-class is used (400.9.14, 500.3). Each desa corrects a code per service to its own Tata Naskah
# (Layanan → the service → Pengajuan online); migration layanan 0003 moved the earlier wrong defaults.
SERVICES = [
    {
        "title": "Surat Keterangan Domisili",
        "slug": "surat-keterangan-domisili",
        "kode_klasifikasi": "400.12.2.1",
        "kategori": ServicePage.Kategori.SURAT_KETERANGAN,
        "unggulan": True,
        "ringkasan": "Menerangkan bahwa Anda benar bertempat tinggal di desa ini, mis. untuk melamar kerja, "
        "membuka rekening, atau mendaftar sekolah.",
        "persyaratan": [
            PENGANTAR_RT_RW,
            KTP,
            KK,
            "Bagi pendatang yang belum pindah KK: bukti tempat tinggal (surat kontrak atau keterangan pemilik rumah)",
        ],
        "prosedur": [LANGKAH_RT_RW, LANGKAH_SERAHKAN, LANGKAH_TANDA_TANGAN, LANGKAH_TERIMA],
        "waktu_penyelesaian": "1 hari kerja; biasanya selesai hari itu juga bila berkas lengkap",
        "petugas": "Kepala Seksi Pemerintahan",
        "dasar_hukum": [UU_DESA, UU_ADMINDUK],
    },
    {
        "title": "Surat Keterangan Tidak Mampu (SKTM)",
        "slug": "surat-keterangan-tidak-mampu",
        "kode_klasifikasi": "400.9.14",
        "kategori": ServicePage.Kategori.SURAT_KETERANGAN,
        "unggulan": True,
        "ringkasan": "Menerangkan keadaan ekonomi keluarga untuk keringanan biaya sekolah, rumah sakit, atau "
        "pendaftaran bantuan sosial.",
        "persyaratan": [
            PENGANTAR_RT_RW,
            KTP,
            KK,
            "Keterangan keperluan (mis. nama sekolah atau rumah sakit yang meminta)",
            "Kartu bantuan yang dimiliki bila ada (KIS, KKS, atau kartu PKH)",
        ],
        "prosedur": [
            LANGKAH_RT_RW,
            LANGKAH_SERAHKAN,
            (
                "Verifikasi",
                "Petugas mencocokkan data dengan data kesejahteraan sosial desa; bila perlu, perangkat desa "
                "berkunjung ke rumah.",
            ),
            LANGKAH_TANDA_TANGAN,
            LANGKAH_TERIMA,
        ],
        "waktu_penyelesaian": "1 hari kerja; paling lama 3 hari kerja bila perlu kunjungan rumah",
        "petugas": "Kepala Seksi Kesejahteraan",
        "dasar_hukum": [UU_DESA, "Undang-Undang Nomor 13 Tahun 2011 tentang Penanganan Fakir Miskin"],
    },
    {
        "title": "Pengantar KTP-el",
        "slug": "pengantar-ktp-el",
        "kode_klasifikasi": "400.12.2.1",
        "kategori": ServicePage.Kategori.KEPENDUDUKAN,
        "unggulan": True,
        "ringkasan": "Surat pengantar untuk perekaman KTP-el baru, penggantian KTP-el yang rusak atau hilang, "
        "dan perubahan data.",
        "persyaratan": [
            "Berusia 17 tahun atau sudah/pernah kawin",
            KK,
            PENGANTAR_RT_RW,
            "Untuk KTP-el rusak: KTP-el yang rusak",
            "Untuk KTP-el hilang: surat keterangan kehilangan dari kepolisian",
        ],
        "prosedur": [
            LANGKAH_RT_RW,
            LANGKAH_SERAHKAN,
            ("Terima surat pengantar", "Petugas membuat surat pengantar dan membantu mengisi formulir bila perlu."),
            LANGKAH_DUKCAPIL,
        ],
        "waktu_penyelesaian": "Pengantar desa: hari itu juga. Pencetakan KTP-el mengikuti jadwal Dispendukcapil.",
        "petugas": "Kepala Seksi Pemerintahan",
        "dasar_hukum": [UU_ADMINDUK, PERPRES_96, PERMENDAGRI_108],
    },
    {
        "title": "Pengantar Kartu Keluarga (KK)",
        "slug": "pengantar-kartu-keluarga",
        "kode_klasifikasi": "400.12.2.1",
        "kategori": ServicePage.Kategori.KEPENDUDUKAN,
        "unggulan": True,
        "ringkasan": "Surat pengantar untuk membuat KK baru (mis. setelah menikah), menambah atau mengurangi "
        "anggota keluarga, dan mengganti KK yang rusak atau hilang.",
        "persyaratan": [
            PENGANTAR_RT_RW,
            "KK lama (asli)",
            "KTP-el kepala keluarga",
            "KK baru karena menikah: buku nikah atau akta perkawinan",
            "Menambah anggota karena kelahiran: surat keterangan lahir; karena pindah datang: surat keterangan pindah",
            "KK hilang: surat keterangan kehilangan dari kepolisian",
        ],
        "prosedur": [
            LANGKAH_RT_RW,
            LANGKAH_SERAHKAN,
            ("Isi formulir", "Petugas membantu mengisi formulir biodata keluarga (F-1.01)."),
            LANGKAH_DUKCAPIL,
        ],
        "waktu_penyelesaian": "Pengantar desa: hari itu juga. Penerbitan KK mengikuti jadwal Dispendukcapil.",
        "petugas": "Kepala Seksi Pemerintahan",
        "dasar_hukum": [UU_ADMINDUK, PERPRES_96, PERMENDAGRI_108, PERMENDAGRI_109],
    },
    {
        "title": "Surat Keterangan Usaha",
        "slug": "surat-keterangan-usaha",
        "kode_klasifikasi": "500.3",
        "kategori": ServicePage.Kategori.SURAT_KETERANGAN,
        "unggulan": True,
        "ringkasan": "Menerangkan bahwa Anda menjalankan usaha di desa ini, mis. untuk pengajuan kredit usaha "
        "rakyat (KUR).",
        "persyaratan": [
            PENGANTAR_RT_RW,
            KTP,
            KK,
            "Keterangan jenis usaha dan alamat tempat usaha",
            "Foto tempat usaha (bila diminta petugas)",
        ],
        "prosedur": [LANGKAH_RT_RW, LANGKAH_SERAHKAN, LANGKAH_TANDA_TANGAN, LANGKAH_TERIMA],
        "waktu_penyelesaian": "1 hari kerja",
        "petugas": "Kepala Seksi Pelayanan",
        "dasar_hukum": [
            UU_DESA,
            "Peraturan Pemerintah Nomor 5 Tahun 2021 tentang Penyelenggaraan Perizinan Berusaha Berbasis Risiko",
        ],
        "catatan": "<p>Surat keterangan usaha bukan izin usaha. Nomor Induk Berusaha (NIB) untuk usaha mikro "
        'dan kecil dapat diurus sendiri secara gratis di <a href="https://oss.go.id">oss.go.id</a>; '
        "petugas desa dapat membantu.</p>",
    },
    {
        "title": "Surat Keterangan Kelahiran",
        "slug": "surat-keterangan-kelahiran",
        "kode_klasifikasi": "400.12.3.1",
        "kategori": ServicePage.Kategori.KEPENDUDUKAN,
        "unggulan": True,
        "ringkasan": "Pencatatan kelahiran di desa dan pengantar untuk akta kelahiran. Laporkan paling lambat "
        "60 hari setelah bayi lahir.",
        "persyaratan": [
            "Surat keterangan lahir dari rumah sakit, puskesmas, atau bidan",
            "KK orang tua",
            "KTP-el ayah dan ibu",
            "Buku nikah atau akta perkawinan orang tua",
            "Bila tidak ada surat keterangan lahir: surat pernyataan tanggung jawab mutlak (SPTJM) kebenaran "
            "data kelahiran",
        ],
        "prosedur": [
            ("Datang ke kantor desa", "Orang tua atau keluarga membawa persyaratan ke meja pelayanan."),
            ("Isi formulir pelaporan", "Petugas membantu mengisi formulir pelaporan pencatatan sipil (F-2.01)."),
            LANGKAH_TANDA_TANGAN,
            LANGKAH_DUKCAPIL,
        ],
        "waktu_penyelesaian": "Surat desa: hari itu juga. Akta kelahiran mengikuti jadwal Dispendukcapil.",
        "petugas": "Kepala Seksi Pemerintahan",
        "dasar_hukum": [UU_ADMINDUK, PERPRES_96, PERMENDAGRI_109],
    },
    {
        "title": "Surat Keterangan Kematian",
        "slug": "surat-keterangan-kematian",
        "kode_klasifikasi": "400.12.3.1",
        "kategori": ServicePage.Kategori.KEPENDUDUKAN,
        "ringkasan": "Pencatatan kematian warga dan pengantar untuk akta kematian. Laporkan paling lambat 30 hari "
        "setelah kematian.",
        "persyaratan": [
            "Surat keterangan kematian dari rumah sakit atau dokter, bila ada",
            "KK dan KTP-el almarhum/almarhumah",
            "KTP-el pelapor",
            "KTP-el dua orang saksi",
        ],
        "prosedur": [
            ("Datang ke kantor desa", "Keluarga membawa persyaratan ke meja pelayanan."),
            ("Isi formulir pelaporan", "Petugas membantu mengisi formulir pelaporan pencatatan sipil (F-2.01)."),
            LANGKAH_TANDA_TANGAN,
            LANGKAH_DUKCAPIL,
        ],
        "waktu_penyelesaian": "Surat desa: hari itu juga. Akta kematian mengikuti jadwal Dispendukcapil.",
        "petugas": "Kepala Seksi Pemerintahan",
        "dasar_hukum": [UU_ADMINDUK, PERPRES_96, PERMENDAGRI_109],
    },
    {
        "title": "Pengantar Pindah Domisili",
        "slug": "pengantar-pindah",
        "kode_klasifikasi": "400.12.2.2",
        "kategori": ServicePage.Kategori.KEPENDUDUKAN,
        "ringkasan": "Surat pengantar bagi warga yang pindah ke luar desa, untuk mendapatkan Surat Keterangan "
        "Pindah dari Dispendukcapil.",
        "persyaratan": [
            PENGANTAR_RT_RW,
            KK,
            "KTP-el semua anggota keluarga yang pindah",
            "Alamat tujuan lengkap (RT/RW, desa/kelurahan, kecamatan, kabupaten/kota, provinsi)",
            "Alasan pindah",
        ],
        "prosedur": [
            LANGKAH_RT_RW,
            LANGKAH_SERAHKAN,
            ("Terima surat pengantar pindah", "Petugas mencatat kepindahan di buku register desa."),
            LANGKAH_DUKCAPIL,
            (
                "Lapor di tempat tujuan",
                "Serahkan Surat Keterangan Pindah ke desa/kelurahan tujuan untuk dibuatkan KK baru.",
            ),
        ],
        "waktu_penyelesaian": "Pengantar desa: hari itu juga",
        "petugas": "Kepala Seksi Pemerintahan",
        "dasar_hukum": [UU_ADMINDUK, PERPRES_96, PERMENDAGRI_108],
    },
]

INTRO = (
    "<p>Daftar layanan administrasi di kantor desa: apa saja yang perlu dibawa, langkah-langkahnya, berapa "
    "lama, dan siapa yang melayani. Siapkan berkas sebelum datang agar urusan selesai dalam sekali kunjungan.</p>"
)


PP_KECAMATAN = "Peraturan Pemerintah Nomor 17 Tahun 2018 tentang Kecamatan"
UU_PELAYANAN = "Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik"
LANGKAH_KECAMATAN = (
    "Serahkan berkas di kantor kecamatan",
    "Bawa semua persyaratan ke meja Pelayanan Administrasi Terpadu Kecamatan (PATEN). Petugas memeriksa berkas.",
)
LANGKAH_CAMAT = ("Ditandatangani Camat", "Berkas diperiksa Kepala Seksi lalu ditandatangani Camat dan dicap.")
# What residents ask a kecamatan for (PATEN, Permendagri 4/2010): what a desa or kelurahan cannot sign itself.
SERVICES_KECAMATAN = [
    {
        "title": "Legalisasi Dokumen",
        "slug": "legalisasi-dokumen",
        "kategori": ServicePage.Kategori.SURAT_KETERANGAN,
        "unggulan": True,
        "ringkasan": "Pengesahan fotokopi surat keterangan dari desa atau kelurahan yang diminta instansi lain.",
        "persyaratan": ["Dokumen asli", "Fotokopi dokumen yang akan dilegalisasi", KTP],
        "prosedur": [LANGKAH_KECAMATAN, LANGKAH_CAMAT, ("Terima dokumen", "Periksa cap dan tanda tangan.")],
        "waktu_penyelesaian": "1 hari kerja",
        "petugas": "Kepala Seksi Pelayanan",
        "tempat": "Kantor Kecamatan, meja PATEN",
        "dasar_hukum": [PP_KECAMATAN, UU_PELAYANAN],
    },
    {
        "title": "Surat Keterangan Ahli Waris (pengesahan)",
        "slug": "surat-keterangan-ahli-waris",
        "kategori": ServicePage.Kategori.SURAT_KETERANGAN,
        "unggulan": True,
        "ringkasan": "Pengesahan surat keterangan ahli waris yang telah disaksikan dan dibenarkan di desa atau "
        "kelurahan.",
        "persyaratan": [
            "Surat keterangan ahli waris yang ditandatangani para ahli waris dan dibenarkan desa/kelurahan",
            "Akta kematian pewaris",
            "KTP-el dan KK para ahli waris",
        ],
        "prosedur": [LANGKAH_KECAMATAN, LANGKAH_CAMAT, ("Terima surat", "Surat dicatat di buku register kecamatan.")],
        "waktu_penyelesaian": "3 hari kerja",
        "petugas": "Kepala Seksi Pemerintahan",
        "tempat": "Kantor Kecamatan, meja PATEN",
        "dasar_hukum": [PP_KECAMATAN],
    },
    {
        "title": "Rekomendasi Izin Keramaian",
        "slug": "rekomendasi-izin-keramaian",
        "kategori": ServicePage.Kategori.SURAT_KETERANGAN,
        "unggulan": True,
        "ringkasan": "Rekomendasi Camat untuk hajatan atau kegiatan warga yang memerlukan izin keramaian dari "
        "kepolisian.",
        "persyaratan": [
            "Surat pengantar dari desa atau kelurahan",
            KTP,
            "Keterangan kegiatan: tanggal, tempat, jumlah undangan, hiburan",
        ],
        "prosedur": [LANGKAH_KECAMATAN, LANGKAH_CAMAT, ("Lanjutkan ke Polsek", "Bawa rekomendasi ke Polsek setempat.")],
        "waktu_penyelesaian": "1 hari kerja",
        "petugas": "Kepala Seksi Ketenteraman dan Ketertiban Umum",
        "tempat": "Kantor Kecamatan, meja PATEN",
        "dasar_hukum": [PP_KECAMATAN],
    },
]
TEMPAT = "Kantor Desa, meja pelayanan"
INTRO_KECAMATAN = (
    "<p>Layanan administrasi di kantor kecamatan (Pelayanan Administrasi Terpadu Kecamatan): apa saja yang perlu "
    "dibawa, langkah-langkahnya, berapa lama, dan siapa yang melayani.</p>"
)


def service_page(spec: dict, words=None) -> ServicePage:
    words = words or words_for("desa")
    return ServicePage(
        title=reword(spec["title"], words),
        slug=spec["slug"],
        kategori=spec["kategori"],
        unggulan=spec.get("unggulan", False),
        ringkasan=reword(spec["ringkasan"], words),
        persyaratan=[("syarat", reword(item, words)) for item in spec["persyaratan"]],
        prosedur=[
            ("langkah", {"judul": reword(judul, words), "keterangan": reword(keterangan, words)})
            for judul, keterangan in spec["prosedur"]
        ],
        waktu_penyelesaian=reword(spec["waktu_penyelesaian"], words),
        petugas=spec["petugas"],
        tempat_layanan=spec.get("tempat", reword(TEMPAT, words)),
        dasar_hukum=[("peraturan", reword(item, words)) for item in spec["dasar_hukum"]],
        catatan=reword(spec.get("catatan", ""), words),
        kode_klasifikasi=spec.get("kode_klasifikasi", ""),
    )


def build(home, kind="desa"):
    """A desa's catalogue; a kelurahan's is the same in its own words (a lurah signs); a kecamatan's its own."""
    words = words_for(kind)
    services, intro = (SERVICES_KECAMATAN, INTRO_KECAMATAN) if kind == "kecamatan" else (SERVICES, reword(INTRO, words))
    index = home.add_child(instance=LayananIndexPage(title="Layanan", slug="layanan", intro=intro, show_in_menus=True))
    # The kecamatan's own texts already say "desa atau kelurahan" where they mean them: never reworded.
    wording = words if services is SERVICES else words_for("desa")
    for spec in services:
        index.add_child(instance=service_page(spec, wording))
