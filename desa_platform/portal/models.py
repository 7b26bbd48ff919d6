from django.db import models


class Headline(models.Model):
    """One live news article of a tenant, copied to the public schema when it is published (and removed when it
    is unpublished or deleted), so a kecamatan's site — later a kabupaten portal — lists the latest news of its
    desa without ever reading their schemas. Carries only what is public on the tenant's own site."""

    desa = models.ForeignKey("tenancy.Desa", on_delete=models.CASCADE, related_name="headlines")
    page_id = models.PositiveIntegerField()
    title = models.CharField(max_length=255)
    url = models.CharField(max_length=500)
    tanggal = models.DateField(db_index=True)
    summary = models.CharField(max_length=300, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "judul berita"
        verbose_name_plural = "judul berita"
        ordering = ["-tanggal", "-pk"]
        constraints = [models.UniqueConstraint(fields=["desa", "page_id"], name="portal_headline_one_per_page")]

    def __str__(self):
        return self.title
