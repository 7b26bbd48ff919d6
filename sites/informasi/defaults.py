"""Empty pengumuman and agenda sections for every new desa (runs once, in the template schema)."""

from .models import AgendaIndexPage, PengumumanIndexPage


def build(home):
    home.add_child(
        instance=PengumumanIndexPage(
            title="Pengumuman",
            slug="pengumuman",
            show_in_menus=True,
            intro="<p>Pengumuman resmi pemerintah desa untuk warga.</p>",
        )
    )
    home.add_child(
        instance=AgendaIndexPage(
            title="Agenda",
            slug="agenda",
            show_in_menus=True,
            intro="<p>Kegiatan desa yang akan datang; kegiatan yang sudah lewat tersimpan di arsip di bawahnya.</p>",
        )
    )
