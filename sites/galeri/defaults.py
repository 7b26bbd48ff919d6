"""An empty gallery for every new desa (runs once, in the template schema)."""

from .models import GaleriIndexPage


def build(home):
    home.add_child(
        instance=GaleriIndexPage(
            title="Galeri",
            slug="galeri",
            show_in_menus=True,
            intro="Foto kegiatan dan suasana desa.",
        )
    )
