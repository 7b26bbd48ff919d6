"""What the transparansi page types share: the range of a year, and how they link to a page or a document."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

TAHUN_VALIDATORS = [
    MinValueValidator(1945, "Tahun tidak boleh sebelum 1945."),
    MaxValueValidator(2100, "Tahun tidak boleh setelah 2100."),
]


def optional_link(to: str, verbose_name: str, help_text: str) -> models.ForeignKey:
    """A link to a page or document that may stay empty, and empties itself when its target is deleted."""
    return models.ForeignKey(
        to,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=verbose_name,
        help_text=help_text,
    )
