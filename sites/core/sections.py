"""Each content app may add to a new desa: `sites/<app>/defaults.py` with `build(home)` adds its default
pages (run once, in the template schema), `sites/<app>/pilot.py` with `load(home)` adds the pilot's
believable content (Socorejo only, idempotent)."""

from importlib import import_module
from importlib.util import find_spec

SECTION_APPS = [
    "profil",
    "pemerintahan",
    "berita",
    "layanan",
    "informasi",
    "transparansi",
    "galeri",
    "kontak",
    "search",
    "desa_admin",
]


def each_section(module_name: str):
    for app in SECTION_APPS:
        dotted = f"sites.{app}.{module_name}"
        if find_spec(dotted) is not None:
            yield import_module(dotted)
