"""The documents list: a kelurahan's and kecamatan's budget documents, an OPD's planning documents."""

from sites.core.kinds import words_for

from .models import DokumenIndexPage

ANGGARAN_INTRO = (
    "<p>Anggaran {satuan} adalah Dokumen Pelaksanaan Anggaran (DPA) dalam APBD Kabupaten. Di sini kami "
    "menerbitkan DPA dan laporan realisasinya setiap tahun.</p>"
)
PERENCANAAN_INTRO = (
    "<p>Rencana Strategis (Renstra) lima tahunan, Rencana Kerja (Renja) tahunan, Perjanjian Kinerja, dan Laporan "
    "Kinerja Instansi Pemerintah (LKjIP), sesuai Peraturan Menteri PANRB Nomor 53 Tahun 2014.</p>"
)


def build(home, kind="desa"):
    if kind == "opd":
        title, slug, intro = "Dokumen Perencanaan", "dokumen-perencanaan", PERENCANAAN_INTRO
    else:
        intro = ANGGARAN_INTRO.format(satuan=words_for(kind).satuan)
        title, slug = "Dokumen Anggaran", "dokumen-anggaran"
    home.add_child(instance=DokumenIndexPage(title=title, slug=slug, intro=intro, show_in_menus=True))
