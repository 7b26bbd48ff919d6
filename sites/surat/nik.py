"""NIK and nomor KK: what can be checked without Dukcapil's database, and how they are shown.

A NIK is PP KK CC DDMMYY SSSS: provinsi, kabupaten/kota, kecamatan, date of birth (women's day + 40) and a
serial. A KK number has the same region prefix (its date part is the date of issue, so only the region is
checked). Nothing here looks anyone up: a valid-looking number is just that."""

import datetime
import re

from django.core.exceptions import ValidationError

from . import wilayah

MASK = "••••••••"


def digits_only(value: str) -> str:
    return re.sub(r"[\s.\-]", "", value or "")


def check_region(number: str, label: str) -> None:
    if not re.fullmatch(r"\d{16}", number):
        raise ValidationError(f"{label} harus 16 angka (sekarang {len(number)} karakter).", code="panjang")
    if wilayah.province_name(number[:2]) is None:
        raise ValidationError(
            f"Dua angka pertama {label} ({number[:2]}) bukan kode provinsi. Periksa kembali dari kartu Anda.",
            code="provinsi",
        )
    if wilayah.kabupaten_name(number[:4]) is None:
        raise ValidationError(
            f"Angka ke-3 dan ke-4 {label} ({number[2:4]}) bukan kode kabupaten/kota di provinsi itu. "
            "Periksa kembali dari kartu Anda.",
            code="kabupaten",
        )


def clean_nik(value: str) -> str:
    number = digits_only(value)
    check_region(number, "NIK")
    day, month = int(number[6:8]), int(number[8:10])
    if day > 40:
        day -= 40
    if not (1 <= month <= 12 and 1 <= day <= 31):
        raise ValidationError(
            "Angka ke-7 sampai ke-12 NIK harus tanggal lahir (HHBBTT). Periksa kembali dari KTP Anda.", code="tanggal"
        )
    return number


def clean_kk(value: str) -> str:
    number = digits_only(value)
    check_region(number, "Nomor KK")
    return number


def birth_date_matches(nik: str, born: datetime.date, perempuan: bool) -> bool:
    """The NIK's date part against the date and sex the person gave (women's day is written + 40)."""
    day = int(nik[6:8])
    expected_day = born.day + 40 if perempuan else born.day
    return day == expected_day and int(nik[8:10]) == born.month and int(nik[10:12]) == born.year % 100


def is_from_kabupaten(nik: str, kabupaten_code: str | None) -> bool:
    return bool(kabupaten_code) and nik[:4] == kabupaten_code


def validate_nik(value: str) -> None:
    """Model-field validator: a stored NIK is the cleaned 16 digits."""
    if value and clean_nik(value) != value:
        raise ValidationError("Simpan NIK sebagai 16 angka tanpa spasi.", code="format")


def clean_nip(value: str) -> str:
    """NIP of a civil servant (PP 11/2017): YYYYMMDD birth, YYYYMM start (TMT CPNS), 1 or 2 (sex), 3 serial."""
    number = digits_only(value)
    if not re.fullmatch(r"\d{18}", number):
        raise ValidationError(f"NIP harus 18 angka (sekarang {len(number)} angka).", code="panjang")
    try:
        born = datetime.date(int(number[:4]), int(number[4:6]), int(number[6:8]))
    except ValueError:
        born = None
    if born is None or not 1900 <= born.year <= datetime.date.today().year:
        raise ValidationError("8 angka pertama NIP harus tanggal lahir (TTTTBBHH). Periksa SK Anda.", code="lahir")
    start_year, start_month = int(number[8:12]), int(number[12:14])
    if not (born.year < start_year <= datetime.date.today().year and 1 <= start_month <= 12):
        raise ValidationError("Angka ke-9 sampai ke-14 NIP harus tahun dan bulan pengangkatan (TTTTBB).", code="tmt")
    if number[14] not in "12":
        raise ValidationError("Angka ke-15 NIP harus 1 (laki-laki) atau 2 (perempuan).", code="jenis_kelamin")
    return number


def validate_nip(value: str) -> None:
    if value and clean_nip(value) != value:
        raise ValidationError("Simpan NIP sebagai 18 angka tanpa spasi.", code="format")


def mask(number: str) -> str:
    """3523••••••••0001: the region and the last four digits, never the date of birth."""
    if not number or len(number) < 8:
        return "••••"
    return f"{number[:4]}{MASK}{number[-4:]}"


def mask_name(nama: str) -> str:
    """'Siti Aminah' → 'Si** Am****': enough to recognise one's own letter, not to learn who asked."""
    parts = []
    for word in nama.split():
        keep = 2 if len(word) > 3 else 1
        parts.append(word[:keep] + "*" * (len(word) - keep))
    return " ".join(parts)
