"""Transparansi: APBDes per year, produk hukum (Perdes, Perkades, SK) and the PPID list of public information.

One module per page family; every model is importable from here (`sites.transparansi.models`), where Django
and the migrations look for them.
"""

from .apbdes import APBDesPage, APBDesRincian
from .index import TransparansiIndexPage
from .ppid import PPIDInformasi, PPIDPage
from .produk_hukum import ProdukHukumFilter, ProdukHukumIndexPage, ProdukHukumPage

__all__ = [
    "APBDesPage",
    "APBDesRincian",
    "PPIDInformasi",
    "PPIDPage",
    "ProdukHukumFilter",
    "ProdukHukumIndexPage",
    "ProdukHukumPage",
    "TransparansiIndexPage",
]
