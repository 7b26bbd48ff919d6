"""Each content app may add to a new site: `sites/<app>/defaults.py` with `build(home, kind)` adds its default
pages for that kind of office (run once per kind, in that kind's template schema), `sites/<app>/pilot.py` with
`load(home)` adds the pilot's believable content (idempotent), and `sites/<app>/urls.py` adds site-wide routes
that are not pages (included by sites/core/urls.py: the news feed, the search page).

Which apps build a kind's default site, in menu order, is SECTIONS_BY_KIND: a kelurahan has no BPD and no
APBDes but a documents list, a kecamatan lists its desa and kelurahan, an OPD and a puskesmas have apps of their
own (sites/opd, sites/puskesmas)."""

from importlib import import_module
from importlib.util import find_spec

from .kinds import DESA, KECAMATAN, KELURAHAN, OPD, PUSKESMAS

# The home page has no default pages of its own; its pilot sets the sambutan and the site settings. desa_admin
# makes the roles and the approval workflow.
_TAIL = ["kontak", "search", "desa_admin", "home"]
SECTIONS_BY_KIND = {
    # surat (online requests and letters) after layanan, whose service pages its pilot switches on
    DESA: ["profil", "pemerintahan", "berita", "layanan", "surat", "informasi", "transparansi", "galeri", *_TAIL],
    KELURAHAN: [
        "profil",
        "pemerintahan",
        "berita",
        "layanan",
        "surat",
        "informasi",
        "dokumen",
        "transparansi",
        "galeri",
        *_TAIL,
    ],
    KECAMATAN: [
        "profil",
        "pemerintahan",
        "wilayah",
        "berita",
        "layanan",
        "informasi",
        "dokumen",
        "transparansi",
        "galeri",
        *_TAIL,
    ],
    OPD: ["profil", "pemerintahan", "opd", "berita", "informasi", "dokumen", "transparansi", *_TAIL],
    PUSKESMAS: ["profil", "pemerintahan", "puskesmas", "berita", "informasi", *_TAIL],
}
# Every app once, in the desa's order first: for routes, pilots and the template fingerprint.
SECTION_APPS = list(dict.fromkeys(app for apps in SECTIONS_BY_KIND.values() for app in apps))


def each_section(module_name: str, kind: str | None = None):
    for app in SECTIONS_BY_KIND[kind] if kind else SECTION_APPS:
        dotted = f"sites.{app}.{module_name}"
        if find_spec(dotted) is not None:
            yield import_module(dotted)
