"""NIK and KK rules: 16 digits, a real provinsi and kabupaten code, the birth date (women + 40), masking."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from sites.surat import nik, wilayah


def test_region_codes_come_from_the_kemendagri_dataset():
    assert wilayah.province_name("35") == "Jawa Timur"
    assert wilayah.kabupaten_name("3523") == "Kabupaten Tuban"
    assert wilayah.kabupaten_code("Tuban") == "3523"
    assert wilayah.kabupaten_code("Kabupaten Tuban") == "3523"
    assert wilayah.kabupaten_name("3599") is None


@pytest.mark.parametrize(
    "value, code",
    [
        ("352312670890000", "panjang"),
        ("35231267089000012", "panjang"),
        ("3523a26708900001", "panjang"),
        ("9923126708900001", "provinsi"),
        ("3599126708900001", "kabupaten"),
        ("3523129913900001", "tanggal"),
    ],
)
def test_bad_nik_is_refused_in_indonesian(value, code):
    with pytest.raises(ValidationError) as error:
        nik.clean_nik(value)
    assert error.value.code == code
    assert "NIK" in error.value.messages[0]


def test_nik_accepts_spaces_and_dots_and_checks_the_date_part():
    number = nik.clean_nik("3523.1267.0890.0001")
    assert number == "3523126708900001"
    assert nik.birth_date_matches(number, datetime.date(1990, 8, 27), perempuan=True)
    assert not nik.birth_date_matches(number, datetime.date(1990, 8, 27), perempuan=False)
    assert not nik.birth_date_matches(number, datetime.date(1991, 8, 27), perempuan=True)
    assert nik.birth_date_matches("3523122708900001", datetime.date(1990, 8, 27), perempuan=False)


def test_from_outside_the_kabupaten():
    assert nik.is_from_kabupaten("3523126708900001", "3523")
    assert not nik.is_from_kabupaten("3578126708900001", "3523")  # Kota Surabaya


def test_masks_show_region_and_last_four_only():
    assert nik.mask("3523126708900001") == "3523••••••••0001"
    assert nik.mask_name("Siti Aminah") == "Si** Am****"
