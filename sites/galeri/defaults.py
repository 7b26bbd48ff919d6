"""An empty gallery for every new desa (runs once, in the template schema)."""

from sites.core.kinds import words_for

from .models import GaleriIndexPage


def build(home, kind="desa"):
    home.add_child(
        instance=GaleriIndexPage(
            title="Galeri",
            slug="galeri",
            show_in_menus=True,
            intro=f"Foto kegiatan dan suasana {words_for(kind).satuan}.",
        )
    )
