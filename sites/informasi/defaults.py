"""Empty pengumuman and agenda sections for every new desa (runs once, in the template schema)."""

from sites.core.kinds import reword, words_for

from .models import AgendaIndexPage, PengumumanIndexPage


def build(home, kind="desa"):
    words = words_for(kind)
    home.add_child(
        instance=PengumumanIndexPage(
            title="Pengumuman",
            slug="pengumuman",
            show_in_menus=True,
            intro=f"<p>Pengumuman resmi {words.pemerintah} untuk warga.</p>",
        )
    )
    home.add_child(
        instance=AgendaIndexPage(
            title="Agenda",
            slug="agenda",
            show_in_menus=True,
            intro=reword(
                "<p>Kegiatan desa yang akan datang; kegiatan yang sudah lewat tersimpan di arsip di bawahnya.</p>",
                words,
            ),
        )
    )
