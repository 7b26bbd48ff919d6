"""A kecamatan's site lists its desa and kelurahan (only a kecamatan's tree has this app, sites/core/sections.py)."""

from .models import WilayahPage

INTRO = (
    "<p>Desa dan kelurahan di wilayah kecamatan ini, dengan tautan ke situs resmi masing-masing, dan berita "
    "terbaru dari mereka.</p>"
)


def build(home, kind="kecamatan"):
    home.add_child(
        instance=WilayahPage(title="Desa dan Kelurahan", slug="desa-dan-kelurahan", intro=INTRO, show_in_menus=True)
    )
