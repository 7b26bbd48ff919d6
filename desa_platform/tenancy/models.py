import datetime

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.utils import timezone
from django_tenants.models import DomainMixin, TenantMixin

kode_pos_validator = RegexValidator(r"^\d{5}$", "Kode pos harus 5 angka.")
# Kemendagri code, dotted: provinsi.kabupaten.kecamatan.desa (an OPD or a puskesmas carries its kabupaten's or
# kecamatan's code); see tenancy/wilayah.py.
kode_wilayah_validator = RegexValidator(
    r"^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$", "Kode wilayah ditulis seperti 35.23.12.2002."
)


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
        RESTORING = "restoring", "Sedang dipulihkan"  # maintenance (503) while a backup is restored into it

    slug = models.SlugField("slug", max_length=50, unique=True)
    name = models.CharField("nama", max_length=100)
    kind = models.CharField("jenis", max_length=12, choices=Kind.choices, default=Kind.DESA)
    kecamatan = models.CharField("kecamatan", max_length=100, blank=True)
    kabupaten = models.CharField("kabupaten", max_length=100, blank=True)
    provinsi = models.CharField("provinsi", max_length=100, blank=True)
    kode_pos = models.CharField("kode pos", max_length=5, blank=True, validators=[kode_pos_validator])
    kode_wilayah = models.CharField(
        "kode wilayah", max_length=13, blank=True, db_index=True, validators=[kode_wilayah_validator]
    )
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

    @property
    def in_maintenance(self) -> bool:
        return self.status == self.Status.RESTORING


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


class AuditLog(models.Model):
    """One operation on tenants: who did what, to which desa, when (console, CLI and support access)."""

    class Action(models.TextChoices):
        """What was done; a value written by an older or newer version without a member here shows as itself."""

        LOGIN = "login", "Masuk konsol"
        LOGIN_FAILED = "login-failed", "Gagal masuk konsol"
        OTP_ENROLLED = "otp-enrolled", "Mendaftarkan autentikasi dua langkah"
        CREATE = "create", "Membuat desa"
        ADMIN_LINK = "admin-link", "Membuat tautan admin pertama"
        BULK = "bulk", "Pembuatan massal"
        SUSPEND = "suspend", "Menangguhkan"
        RESUME = "resume", "Mengaktifkan kembali"
        DELETE = "delete", "Menghapus"
        BACKUP = "backup", "Mencadangkan"
        BACKUP_DOWNLOAD = "backup-download", "Mengunduh cadangan"
        RESTORE = "restore", "Memulihkan"
        DOMAIN_ADD = "domain-add", "Menambah domain"
        DOMAIN_REMOVE = "domain-remove", "Menghapus domain"
        DOMAIN_PRIMARY = "domain-primary", "Mengganti domain utama"
        UPGRADE = "upgrade", "Memperbarui skema"
        EXPORT = "export", "Mengekspor daftar desa"
        SUPPORT_OPEN = "support-open", "Membuka akses dukungan"
        SUPPORT_ENTER = "support-enter", "Masuk admin desa (dukungan)"
        SUPPORT_DENIED = "support-denied", "Akses dukungan ditolak"
        SUPPORT_CLOSE = "support-close", "Menutup akses dukungan"
        SUPPORT_EXPIRED = "support-expired", "Akses dukungan berakhir"
        THEME = "tema", "Mengganti tema"
        BULK_RESUME = "bulk-resume", "Menjalankan lagi pembuatan massal"
        STAFF_CREATE = "staff-create", "Membuat akun staf"
        STAFF_OFF = "staff-off", "Menonaktifkan akun staf"
        STAFF_ON = "staff-on", "Mengaktifkan akun staf"
        GUIDANCE = "bimbingan", "Mengirim bimbingan ke desa"
        QUARANTINE = "karantina", "Mengkarantina temuan judi daring"
        JUDOL_SAFE = "judol-aman", "Menandai temuan judi daring aman"
        ADMIN_SHEET = "admin-sheet", "Membuat lembar tautan admin"
        OPERATOR_GRANT = "operator-grant", "Memberi akses operator kecamatan"
        OPERATOR_REVOKE = "operator-revoke", "Mencabut akses operator kecamatan"
        OPERATOR_ENTER = "operator-enter", "Masuk admin desa (operator kecamatan)"
        OPERATOR_DENIED = "operator-denied", "Akses operator kecamatan ditolak"
        OUTBOX_RETRY = "surel-ulang", "Mengirim ulang surel yang gagal"

    at = models.DateTimeField("waktu", auto_now_add=True, db_index=True)
    actor = models.CharField("pelaku", max_length=150, help_text="Nama pengguna staf, atau cli:<pengguna sistem>.")
    action = models.CharField("tindakan", max_length=40, db_index=True, choices=Action.choices)
    desa_slug = models.CharField("desa", max_length=50, blank=True, db_index=True)
    detail = models.JSONField("rincian", default=dict, blank=True)

    class Meta:
        verbose_name = "catatan audit"
        verbose_name_plural = "catatan audit"
        ordering = ["-at", "-pk"]

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor} {self.action} {self.desa_slug}"


# Longer than any single step of a job (a template rebuild after an upgrade takes about a minute).
BULK_JOB_STALL = datetime.timedelta(minutes=10)


class BulkJob(models.Model):
    """Progress of one bulk provisioning run, polled by the console while it works in the background."""

    class State(models.TextChoices):
        WAITING = "waiting", "Menunggu"
        RUNNING = "running", "Berjalan"
        DONE = "done", "Selesai"
        FAILED = "failed", "Gagal"

    created_at = models.DateTimeField("dibuat", auto_now_add=True)
    # Saved after every desa: a job not finished and silent for long has lost its process (a restart).
    updated_at = models.DateTimeField("terakhir bergerak", auto_now=True)
    finished_at = models.DateTimeField("selesai", null=True, blank=True)
    actor = models.CharField("pelaku", max_length=150)
    title = models.CharField("judul", max_length=200)
    state = models.CharField("keadaan", max_length=10, choices=State.choices, default=State.WAITING)
    total = models.PositiveIntegerField("jumlah", default=0)
    done = models.PositiveIntegerField("diproses", default=0)
    created_count = models.PositiveIntegerField("dibuat baru", default=0)
    skipped_count = models.PositiveIntegerField("dilewati", default=0)
    failed_count = models.PositiveIntegerField("gagal", default=0)
    specs = models.JSONField("rencana", default=list, blank=True)
    messages = models.JSONField("pesan", default=list, blank=True)

    class Meta:
        verbose_name = "pekerjaan massal"
        verbose_name_plural = "pekerjaan massal"
        ordering = ["-created_at"]

    def __str__(self):
        return self.title

    @property
    def percent(self) -> int:
        return int(100 * self.done / self.total) if self.total else 100

    @property
    def is_finished(self) -> bool:
        return self.state in (self.State.DONE, self.State.FAILED)

    @property
    def is_stalled(self) -> bool:
        """Unfinished and not a step further for minutes: its process ended (a restart); it may be run again."""
        return not self.is_finished and timezone.now() - self.updated_at > BULK_JOB_STALL


class SupportSession(models.Model):
    """A Diskominfo staff member's time-limited entry into one desa's admin, opened from the console."""

    desa = models.ForeignKey(Desa, on_delete=models.CASCADE, related_name="support_sessions", verbose_name="desa")
    staff_username = models.CharField("staf", max_length=150)
    support_username = models.CharField("pengguna dukungan", max_length=150)
    reason = models.CharField("alasan", max_length=300)
    opened_at = models.DateTimeField("dibuka", auto_now_add=True)
    expires_at = models.DateTimeField("berakhir")
    token_hash = models.CharField(max_length=64, unique=True)
    used_at = models.DateTimeField("dipakai", null=True, blank=True)
    closed_at = models.DateTimeField("ditutup", null=True, blank=True)
    requests = models.PositiveIntegerField("jumlah permintaan", default=0)
    last_seen_at = models.DateTimeField("terakhir aktif", null=True, blank=True)

    class Meta:
        verbose_name = "sesi dukungan"
        verbose_name_plural = "sesi dukungan"
        ordering = ["-opened_at"]

    def __str__(self):
        return f"{self.staff_username} → {self.desa.slug}"


class OperatorKecamatan(models.Model):
    """A kecamatan operator who supports the desa and kelurahan of that kecamatan: granted by Diskominfo by name,
    limited to those tenants (as an Operator, never a superuser), every entry audited, revocable at once."""

    kecamatan = models.ForeignKey(
        Desa,
        on_delete=models.CASCADE,
        related_name="operators",
        verbose_name="kecamatan",
        limit_choices_to={"kind": "kecamatan"},
    )
    username = models.CharField("nama pengguna di situs kecamatan", max_length=150)
    nama = models.CharField("nama", max_length=150)
    granted_by = models.CharField("diberikan oleh", max_length=150)
    granted_at = models.DateTimeField("diberikan", auto_now_add=True)
    revoked_by = models.CharField("dicabut oleh", max_length=150, blank=True)
    revoked_at = models.DateTimeField("dicabut", null=True, blank=True)

    class Meta:
        verbose_name = "operator kecamatan"
        verbose_name_plural = "operator kecamatan"
        ordering = ["-granted_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["kecamatan", "username"],
                condition=models.Q(revoked_at__isnull=True),
                name="tenancy_one_active_operator_grant",
            )
        ]

    def __str__(self):
        return f"{self.nama} ({self.kecamatan.slug})"

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None


class TimerRun(models.Model):
    """One period's run of a platform timer (backups, digest, scans): the unique row makes it run once per period
    however many app nodes fire the same systemd timer (desa_platform/tenancy/services/timers.py)."""

    name = models.CharField(max_length=60, help_text="Nama tugas berkala, mis. 'cadangan'.")
    period_start = models.DateTimeField(help_text="Awal periode yang dijalankan.")
    node = models.CharField(max_length=120, help_text="Mesin yang menjalankannya.")
    started_at = models.DateTimeField(help_text="Kapan mulai (diperbarui bila diambil alih dari mesin yang macet).")
    finished_at = models.DateTimeField(null=True, blank=True, help_text="Kapan selesai; kosong bila masih berjalan.")
    ok = models.BooleanField(null=True, help_text="Berhasil atau tidak; kosong bila belum selesai.")
    error = models.TextField(blank=True, help_text="Galat bila gagal.")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["name", "period_start"], name="timer_run_once_per_period")]
        ordering = ["-period_start"]
        verbose_name = "tugas berkala"
        verbose_name_plural = "tugas berkala"

    def __str__(self):
        return f"{self.name} {self.period_start:%Y-%m-%d %H:%M} di {self.node}"


class SpareSchema(models.Model):
    """A clone of a kind's template made ahead of time: creating an office renames it (tenancy/spares.py)."""

    schema_name = models.CharField(max_length=63, unique=True)
    kind = models.CharField(max_length=20)
    # Which build of the template it copies: a spare of an older build is never taken, and is dropped.
    fingerprint = models.CharField(max_length=64)
    template_built_at = models.DateTimeField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at"]
        verbose_name = "skema cadangan"
        verbose_name_plural = "skema cadangan"

    def __str__(self):
        return f"{self.schema_name} ({self.kind})"
