"""An OPD's own sections: its public services with their standar pelayanan, and the survei kepuasan page. The one
service every OPD gives is a request for public information (UU 14/2008), so it comes ready; the rest each OPD adds."""

from .models import LayananPublikIndexPage, StandarPelayananPage, SurveiKepuasanPage

INTRO = (
    "<p>Layanan publik kami beserta standar pelayanannya: persyaratan, prosedur, waktu, biaya, produk dan cara "
    "menyampaikan pengaduan, sesuai Peraturan Menteri PANRB Nomor 15 Tahun 2014 tentang Pedoman Standar "
    "Pelayanan.</p>"
)
INFORMASI_PUBLIK = {
    "title": "Permohonan Informasi Publik",
    "slug": "permohonan-informasi-publik",
    "ringkasan": "Warga dan badan hukum dapat meminta salinan informasi publik yang kami kuasai.",
    "persyaratan": "<ul><li>Identitas pemohon (KTP-el atau akta pendirian badan hukum)</li>"
    "<li>Rincian informasi yang diminta dan tujuan penggunaannya</li></ul>",
    "prosedur": "<ol><li>Isi formulir permohonan di meja PPID atau di halaman Kontak.</li>"
    "<li>Petugas mencatat permohonan dan memberi tanda terima.</li>"
    "<li>PPID menjawab secara tertulis.</li></ol>",
    "jangka_waktu": "Paling lambat 10 hari kerja, dapat diperpanjang 7 hari kerja",
    "biaya": "Gratis; salinan dokumen dapat dikenai biaya penggandaan yang wajar",
    "produk": "<p>Salinan informasi publik atau surat pemberitahuan tertulis.</p>",
    "pengaduan": "<p>Keberatan diajukan kepada atasan PPID paling lambat 30 hari kerja setelah jawaban diterima; "
    "sengketa diselesaikan melalui Komisi Informasi Provinsi.</p>",
    "dasar_hukum": "<ul><li>Undang-Undang Nomor 14 Tahun 2008 tentang Keterbukaan Informasi Publik</li>"
    "<li>Peraturan Komisi Informasi Nomor 1 Tahun 2021 tentang Standar Layanan Informasi Publik</li></ul>",
    "sarana": "<p>Meja layanan PPID, komputer, jaringan internet dan ruang tunggu.</p>",
    "kompetensi": "<p>Memahami peraturan keterbukaan informasi publik dan pelayanan prima.</p>",
    "pengawasan": "<p>Dilakukan oleh atasan langsung dan PPID Utama Kabupaten.</p>",
    "jumlah_pelaksana": "2 orang",
    "jaminan": "<p>Permohonan dijawab sesuai waktu dalam standar ini.</p>",
    "keamanan": "<p>Data pribadi pemohon dijaga dan hanya dipakai untuk melayani permohonan.</p>",
    "evaluasi": "<p>Survei kepuasan masyarakat setiap semester.</p>",
}
SURVEI_INTRO = (
    "<p>Hasil Survei Kepuasan Masyarakat (SKM) atas layanan kami, diukur dengan sembilan unsur sesuai Peraturan "
    "Menteri PANRB Nomor 14 Tahun 2017, beserta tindak lanjutnya.</p>"
)


def build(home, kind="opd"):
    index = home.add_child(
        instance=LayananPublikIndexPage(title="Layanan Publik", slug="layanan-publik", intro=INTRO, show_in_menus=True)
    )
    index.add_child(instance=StandarPelayananPage(**INFORMASI_PUBLIK))
    home.add_child(
        instance=SurveiKepuasanPage(
            title="Survei Kepuasan Masyarakat", slug="survei-kepuasan", intro=SURVEI_INTRO, show_in_menus=True
        )
    )
