from django.conf import settings
from django.db import models


class PageCreation(models.Model):
    """Which page one 'add page' form made (see page_creation.py): a second POST of that form edits it."""

    token = models.CharField(max_length=64, unique=True, help_text="Token sekali pakai dari formulir tambah halaman.")
    page = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="+", help_text="Halaman yang dibuat formulir itu."
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+", help_text="Yang mengisi formulir."
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "pembuatan halaman"
        verbose_name_plural = "pembuatan halaman"

    def __str__(self):
        return f"{self.page_id} ({self.token[:6]}…)"
