"""Each content app may add to a new desa: `sites/<app>/defaults.py` with `build(home)` adds its default
pages (run once, in the template schema), `sites/<app>/pilot.py` with `load(home)` adds the pilot's
believable content (Socorejo only, idempotent), and `sites/<app>/urls.py` adds site-wide routes that are
not pages (included by sites/core/urls.py: the news feed, the search page)."""

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
    # online requests and letters: after layanan, whose service pages its pilot switches on
    "surat",
    "search",
    "desa_admin",
    # The home page has no default pages of its own; its pilot sets the sambutan and the site settings.
    "home",
]


def each_section(module_name: str):
    for app in SECTION_APPS:
        dotted = f"sites.{app}.{module_name}"
        if find_spec(dotted) is not None:
            yield import_module(dotted)
