"""What the transparansi page types share: the year range and the rich-text features of their texts."""

from django.core.validators import MaxValueValidator, MinValueValidator

TAHUN_VALIDATORS = [
    MinValueValidator(1945, "Tahun tidak boleh sebelum 1945."),
    MaxValueValidator(2100, "Tahun tidak boleh setelah 2100."),
]
RICH_TEXT = ["h2", "h3", "bold", "italic", "link", "ol", "ul", "document-link"]
