from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django_tenants.models import DomainMixin, TenantMixin

kode_pos_validator = RegexValidator(r"^\d{5}$", "Kode pos harus 5 angka.")


class Desa(TenantMixin):
    """One village (or kelurahan, kecamatan, OPD, puskesmas) site: a tenant with its own schema."""

    class Kind(models.TextChoices):
        DESA = "desa", "Desa"
        KELURAHAN = "kelurahan", "Kelurahan"
        KECAMATAN = "kecamatan", "Kecamatan"
        OPD = "opd", "OPD"
        PUSKESMAS = "puskesmas", "Puskesmas"

    class Status(models.TextChoices):
        ACTIVE = "active", "Aktif"
        SUSPENDED = "suspended", "Ditangguhkan"

    slug = models.SlugField("slug", max_length=50, unique=True)
    name = models.CharField("nama", max_length=100)
    kind = models.CharField("jenis", max_length=12, choices=Kind.choices, default=Kind.DESA)
    kecamatan = models.CharField("kecamatan", max_length=100, blank=True)
    kabupaten = models.CharField("kabupaten", max_length=100, blank=True)
    provinsi = models.CharField("provinsi", max_length=100, blank=True)
    kode_pos = models.CharField("kode pos", max_length=5, blank=True, validators=[kode_pos_validator])
    status = models.CharField("status", max_length=10, choices=Status.choices, default=Status.ACTIVE)
    theme = models.CharField("tema", max_length=40, default=settings.DESA_DEFAULT_THEME)
    created = models.DateTimeField("dibuat", auto_now_add=True)

    # The provisioning service creates and drops schemas itself (by cloning), inside one transaction.
    auto_create_schema = False
    auto_drop_schema = False

    class Meta:
        verbose_name = "desa"
        verbose_name_plural = "desa"
        ordering = ["kabupaten", "kecamatan", "name"]

    def __str__(self):
        return self.display_name

    @property
    def display_name(self) -> str:
        return f"{self.get_kind_display()} {self.name}" if self.kind in ("desa", "kelurahan") else self.name

    @property
    def is_suspended(self) -> bool:
        return self.status == self.Status.SUSPENDED


class Domain(DomainMixin):
    class Meta:
        verbose_name = "domain"
        verbose_name_plural = "domain"


class SchemaTemplate(models.Model):
    """The fully migrated schema with the default page tree that new desa are cloned from."""

    schema_name = models.CharField(max_length=63, unique=True)
    fingerprint = models.CharField(max_length=64)
    clone_sql = models.TextField()
    built_at = models.DateTimeField(auto_now=True)

    def __str__(self):
        return self.schema_name
