"""The government page every new desa starts with: how a desa government is organised (true for every desa,
UU 6/2014); the chart itself appears as soon as the desa enters its perangkat, BPD and lembaga."""

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


def build(home):
    home.add_child(
        instance=PemerintahanPage(
            title="Pemerintahan", slug="pemerintahan", show_in_menus=True, intro=INTRO, tugas_bpd=TUGAS_BPD
        )
    )
