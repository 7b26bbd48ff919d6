"""What the admin shows about each theme. Themes are folders of templates and CSS (no Python); their
Indonesian names and descriptions live here, and a theme without an entry is still offered by its folder name."""

from desa_platform.tenancy.themes import available_themes

KETERANGAN = {
    "klasik": ("Klasik", "Pita warna di atas, menu mendatar di bawahnya: tampilan situs pemerintahan yang lazim."),
    "modern": ("Modern", "Kepala situs putih yang ringkas; beranda dan daftar berupa kartu bersudut membulat."),
    "hijau": ("Hijau Asri", "Kepala situs di tengah berlatar krem, nuansa hijau pedesaan, judul berhuruf kait."),
}


def label(theme: str) -> str:
    return KETERANGAN.get(theme, (theme.replace("-", " ").title(), ""))[0]


def choices() -> list[tuple[str, str]]:
    """(folder, "Nama — keterangan") for every theme folder that exists."""
    result = []
    for theme in available_themes():
        name, description = KETERANGAN.get(theme, (label(theme), ""))
        result.append((theme, f"{name} — {description}" if description else name))
    return result
