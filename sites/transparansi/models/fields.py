"""What the transparansi page types share: the range of a year."""

from django.core.validators import MaxValueValidator, MinValueValidator

TAHUN_VALIDATORS = [
    MinValueValidator(1945, "Tahun tidak boleh sebelum 1945."),
    MaxValueValidator(2100, "Tahun tidak boleh setelah 2100."),
]
