"""The contact page every new desa starts with (runs once, in the template schema)."""

from sites.core.kinds import words_for

from .models import KontakPage


def build(home, kind="desa"):
    words = words_for(kind)
    # A puskesmas's residents come here to complain about a service first: the page says so in its title.
    title = "Pengaduan dan Kontak" if kind == "puskesmas" else "Kontak"
    home.add_child(
        instance=KontakPage(
            title=title,
            slug="kontak",
            show_in_menus=True,
            intro=f"<p>Ada pertanyaan, pengaduan, atau saran untuk {words.pemerintah}? Datang ke {words.kantor} pada "
            "jam layanan, hubungi kami, atau kirim pesan lewat formulir di bawah ini.</p>",
            terima_kasih=f"<p>Pesan Anda akan dibaca {words.petugas} dan dibalas paling lambat 3 hari kerja melalui "
            "surel atau telepon yang Anda tulis.</p>",
        )
    )
