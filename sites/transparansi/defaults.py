"""Transparansi for every new desa: the section, an empty produk hukum list, and a PPID page already listing the
public information Perki 1/2018 expects, linked to the default pages that hold it. Runs once, in the template
schema, after profil, pemerintahan, layanan and informasi have built theirs (order in sites/core/sections.py)."""

from sites.core.kinds import reword, words_for

from .models import PPIDInformasi, PPIDPage, ProdukHukumIndexPage, TransparansiIndexPage

BERKALA = PPIDInformasi.Kategori.BERKALA
SERTA_MERTA = PPIDInformasi.Kategori.SERTA_MERTA
SETIAP_SAAT = PPIDInformasi.Kategori.SETIAP_SAAT
ON_REQUEST = "Dapat diminta di kantor desa melalui PPID desa."

# (kategori, judul, keterangan, where the information lives: an app label, optionally "app.model")
PUBLIC_INFORMATION = [
    (BERKALA, "Profil desa: alamat, sejarah, visi dan misi", "", "profil"),
    (BERKALA, "Struktur organisasi dan profil perangkat desa", "", "pemerintahan"),
    (BERKALA, "Program dan kegiatan yang sedang berjalan", "", "informasi.agendaindexpage"),
    (BERKALA, "Rencana Pembangunan Jangka Menengah Desa (RPJMDes)", ON_REQUEST, ""),
    (BERKALA, "Rencana Kerja Pemerintah Desa (RKPDes) tahun berjalan", ON_REQUEST, ""),
    (BERKALA, "Peraturan Desa tentang APBDes", "", "transparansi.produkhukumindexpage"),
    (BERKALA, "Laporan realisasi pelaksanaan APBDes", ON_REQUEST, ""),
    (BERKALA, "Daftar penerima bantuan (mis. BLT Dana Desa)", "Diumumkan di papan informasi desa. " + ON_REQUEST, ""),
    (
        SERTA_MERTA,
        "Peringatan dini dan informasi bencana",
        "Banjir, angin kencang, kekeringan: diumumkan segera di halaman Pengumuman dan lewat pengeras suara.",
        "informasi.pengumumanindexpage",
    ),
    (SERTA_MERTA, "Wabah penyakit dan kejadian luar biasa", "", "informasi.pengumumanindexpage"),
    (SERTA_MERTA, "Jalur dan tempat evakuasi", ON_REQUEST, ""),
    (SETIAP_SAAT, "Peraturan desa dan keputusan kepala desa", "", "transparansi.produkhukumindexpage"),
    (SETIAP_SAAT, "Prosedur dan persyaratan layanan administrasi", "", "layanan"),
    (SETIAP_SAAT, "Perjanjian desa dengan pihak ketiga", ON_REQUEST, ""),
    (SETIAP_SAAT, "Dokumen pengadaan barang dan jasa desa", ON_REQUEST, ""),
    (SETIAP_SAAT, "Berita acara dan daftar hadir musyawarah desa", ON_REQUEST, ""),
]

# A kelurahan or kecamatan has no APBDes nor Perdes: its budget is a DPA of the kabupaten (in its documents list);
# an OPD publishes its renstra, renja and LKjIP (Permenpan RB 53/2014) and its standar pelayanan.
ON_REQUEST_OFFICE = "Dapat diminta melalui PPID."
PUBLIC_INFORMATION_OFFICE = [
    (BERKALA, "Profil: alamat, visi dan misi, tugas pokok dan fungsi", "", "profil"),
    (BERKALA, "Struktur organisasi dan profil pejabat", "", "pemerintahan"),
    (BERKALA, "Program dan kegiatan yang sedang berjalan", "", "informasi.agendaindexpage"),
    (BERKALA, "Dokumen Pelaksanaan Anggaran (DPA) dan laporan realisasinya", "", "dokumen"),
    (BERKALA, "Rencana strategis, rencana kerja dan laporan kinerja", "", "dokumen"),
    (SERTA_MERTA, "Peringatan dini, bencana dan keadaan darurat", "", "informasi.pengumumanindexpage"),
    (SETIAP_SAAT, "Produk hukum dan keputusan yang ditetapkan", "", "transparansi.produkhukumindexpage"),
    (SETIAP_SAAT, "Standar dan prosedur pelayanan", "", "layanan"),
    (SETIAP_SAAT, "Standar pelayanan publik", "", "opd"),
    (SETIAP_SAAT, "Dokumen pengadaan barang dan jasa", ON_REQUEST_OFFICE, ""),
]
PRODUK_HUKUM_INTRO_OFFICE = (
    "<p>Peraturan dan keputusan yang menjadi dasar kerja kami, beserta salinannya yang dapat diunduh.</p>"
)

TRANSPARANSI_INTRO = (
    "<p>Pemerintah desa membuka anggaran, peraturan, dan informasi publik lainnya bagi warga, sesuai "
    "Undang-Undang Nomor 6 Tahun 2014 tentang Desa dan Undang-Undang Nomor 14 Tahun 2008 tentang Keterbukaan "
    "Informasi Publik.</p>"
)
PRODUK_HUKUM_INTRO = (
    "<p>Peraturan Desa, Peraturan Kepala Desa, dan Keputusan Kepala Desa yang telah ditetapkan, beserta "
    "salinannya yang dapat diunduh.</p>"
)
PPID_INTRO = (
    "<p>Pejabat Pengelola Informasi dan Dokumentasi (PPID) desa melayani warga yang membutuhkan informasi publik, "
    "sesuai Undang-Undang Nomor 14 Tahun 2008 tentang Keterbukaan Informasi Publik dan Peraturan Komisi Informasi "
    "Nomor 1 Tahun 2018 tentang Standar Layanan Informasi Publik Desa.</p>"
)
CARA_PERMOHONAN = (
    "<ol>"
    "<li>Ajukan permohonan di kantor desa, lewat surat, atau lewat formulir di halaman Kontak dengan jenis pesan "
    "“Permohonan informasi publik”.</li>"
    "<li>Sebutkan nama, alamat, nomor yang dapat dihubungi, informasi yang diminta, dan untuk apa informasi itu.</li>"
    "<li>PPID desa menjawab paling lambat 10 hari kerja, dan dapat memperpanjangnya paling lama 7 hari kerja "
    "dengan pemberitahuan tertulis.</li>"
    "<li>Informasi diberikan tanpa biaya; salinan dokumen dapat dikenai biaya penggandaan yang wajar.</li>"
    "<li>Bila tidak puas dengan jawabannya, Anda dapat mengajukan keberatan kepada atasan PPID paling lambat 30 hari "
    "kerja setelah jawaban diterima.</li>"
    "</ol>"
)


def find_page(home, where: str):
    """The first page under home of an app ("profil") or of one model ("informasi.agendaindexpage"), or None."""
    if not where:
        return None
    app_label, _, model = where.partition(".")
    pages = home.get_descendants().filter(content_type__app_label=app_label)
    if model:
        pages = pages.filter(content_type__model=model)
    return pages.order_by("depth", "path").first()


def build(home, kind="desa"):
    words = words_for(kind)
    office = kind != "desa"
    intro = TRANSPARANSI_INTRO
    if office:
        intro = (
            f"<p>{words.pemerintah_judul} membuka anggaran, peraturan dan informasi publik lainnya bagi warga, sesuai "
            "Undang-Undang Nomor 14 Tahun 2008 tentang Keterbukaan Informasi Publik.</p>"
        )
    index = home.add_child(
        instance=TransparansiIndexPage(title="Transparansi", slug="transparansi", show_in_menus=True, intro=intro)
    )
    index.add_child(
        instance=ProdukHukumIndexPage(
            title="Produk Hukum", slug="produk-hukum", intro=PRODUK_HUKUM_INTRO_OFFICE if office else PRODUK_HUKUM_INTRO
        )
    )
    ppid_intro, cara = PPID_INTRO, CARA_PERMOHONAN
    if office:
        ppid_intro = (
            f"<p>Pejabat Pengelola Informasi dan Dokumentasi (PPID) {words.pemerintah} melayani warga yang "
            "membutuhkan informasi publik, sesuai Undang-Undang Nomor 14 Tahun 2008 tentang Keterbukaan Informasi "
            "Publik dan Peraturan Komisi Informasi Nomor 1 Tahun 2021 tentang Standar Layanan Informasi Publik.</p>"
        )
        cara = reword(CARA_PERMOHONAN, words).replace(f"PPID {words.satuan}", "PPID")
    ppid = PPIDPage(title="Informasi Publik (PPID)", slug="ppid", intro=ppid_intro, cara_permohonan=cara)
    index.add_child(instance=ppid)
    listed = PUBLIC_INFORMATION
    if office:
        listed = [item for item in PUBLIC_INFORMATION_OFFICE if find_page(home, item[3]) or not item[3]]
    for order, (kategori, judul, keterangan, where) in enumerate(listed):
        ppid.informasi.add(
            PPIDInformasi(
                kategori=kategori,
                judul=judul,
                keterangan=keterangan,
                halaman=find_page(home, where),
                sort_order=order,
            )
        )
    ppid.save()
