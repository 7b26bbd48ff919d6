"""The contact page every new desa starts with (runs once, in the template schema)."""

from .models import KontakPage


def build(home):
    home.add_child(
        instance=KontakPage(
            title="Kontak",
            slug="kontak",
            show_in_menus=True,
            intro="<p>Ada pertanyaan, pengaduan, atau saran untuk pemerintah desa? Datang ke kantor desa pada jam "
            "layanan, hubungi kami, atau kirim pesan lewat formulir di bawah ini.</p>",
            terima_kasih="<p>Pesan Anda akan dibaca petugas desa dan dibalas paling lambat 3 hari kerja melalui surel "
            "atau telepon yang Anda tulis.</p>",
        )
    )
