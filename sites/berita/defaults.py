"""The news list every new desa starts with, and the categories most desa sites use."""

from .models import BeritaIndexPage, KategoriBerita

KATEGORI = [
    ("Pemerintahan", "pemerintahan"),
    ("Pembangunan", "pembangunan"),
    ("Kemasyarakatan", "kemasyarakatan"),
    ("Kesehatan", "kesehatan"),
    ("Pendidikan", "pendidikan"),
    ("Ekonomi dan Pertanian", "ekonomi-pertanian"),
]


def build(home, kind="desa"):
    home.add_child(instance=BeritaIndexPage(title="Berita", slug="berita", show_in_menus=True))
    for nama, slug in KATEGORI:
        KategoriBerita.objects.get_or_create(slug=slug, defaults={"nama": nama})
