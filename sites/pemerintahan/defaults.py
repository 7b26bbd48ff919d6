"""The government page every new desa starts with: how a desa government is organised (true for every desa,
UU 6/2014); the chart itself appears as soon as the desa enters its perangkat, BPD and lembaga."""

from sites.core.kinds import words_for

from .models import PemerintahanPage

INTRO = (
    "<p>Pemerintahan desa diselenggarakan oleh Kepala Desa dibantu perangkat desa: Sekretariat Desa "
    "(Sekretaris Desa dan para Kepala Urusan), pelaksana teknis (para Kepala Seksi) dan pelaksana kewilayahan "
    "(para Kepala Dusun). Badan Permusyawaratan Desa (BPD) menjadi mitra Kepala Desa, dan lembaga "
    "kemasyarakatan desa ikut membantu membangun dan memberdayakan warga.</p>"
)
TUGAS_BPD = (
    "<p>Sesuai Undang-Undang Nomor 6 Tahun 2014 tentang Desa, BPD membahas dan menyepakati rancangan "
    "Peraturan Desa bersama Kepala Desa, menampung dan menyalurkan aspirasi masyarakat desa, dan melakukan "
    "pengawasan kinerja Kepala Desa.</p>"
)


INTRO_BY_KIND = {
    "kelurahan": (
        "<p>Kelurahan adalah perangkat daerah kabupaten di wilayah kecamatan, dipimpin oleh Lurah, seorang "
        "aparatur sipil negara yang diangkat Bupati. Lurah dibantu Sekretaris Kelurahan dan para Kepala Seksi "
        "(Peraturan Pemerintah Nomor 73 Tahun 2005 tentang Kelurahan).</p>"
    ),
    "kecamatan": (
        "<p>Kecamatan adalah perangkat daerah kabupaten yang dipimpin Camat. Camat dibantu Sekretaris Kecamatan, "
        "para Kepala Subbagian dan Kepala Seksi, serta membina dan mengawasi desa dan kelurahan di "
        "wilayahnya (Peraturan Pemerintah Nomor 17 Tahun 2018 tentang Kecamatan).</p>"
    ),
    "opd": (
        "<p>Perangkat daerah ini dipimpin seorang kepala, dibantu Sekretaris, para Kepala Bidang dan Kepala Seksi, "
        "serta kelompok jabatan fungsional, sesuai Peraturan Bupati tentang kedudukan, susunan organisasi, tugas dan "
        "fungsi.</p>"
    ),
    "puskesmas": (
        "<p>Puskesmas dipimpin Kepala Puskesmas, dibantu Kepala Subbagian Tata Usaha dan para penanggung jawab "
        "upaya kesehatan masyarakat dan upaya kesehatan perseorangan (Peraturan Menteri Kesehatan Nomor 43 Tahun "
        "2019 tentang Pusat Kesehatan Masyarakat).</p>"
    ),
}


def build(home, kind="desa"):
    words = words_for(kind)
    home.add_child(
        instance=PemerintahanPage(
            title=words.struktur,
            slug="pemerintahan" if kind == "desa" else "struktur-organisasi",
            show_in_menus=True,
            intro=INTRO_BY_KIND.get(kind, INTRO),
            tugas_bpd=TUGAS_BPD if words.ada_bpd else "",
        )
    )
