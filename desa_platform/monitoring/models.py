"""Public-schema tables of the monitoring app: small rows per desa, written when a desa acts or by a timer."""

from django.db import models

from desa_platform.tenancy.models import Desa


class TenantActivity(models.Model):
    """One row per desa summing up what its people did: what the console's list reads (and nothing else)."""

    desa = models.OneToOneField(Desa, on_delete=models.CASCADE, related_name="activity", primary_key=True)
    last_login_at = models.DateTimeField("admin terakhir masuk", null=True, blank=True)
    last_publish_at = models.DateTimeField("terakhir menerbitkan", null=True, blank=True)
    news_30 = models.PositiveIntegerField("berita 30 hari", default=0)
    news_90 = models.PositiveIntegerField("berita 90 hari", default=0)
    messages_waiting = models.PositiveIntegerField("pesan warga menunggu", default=0)
    oldest_message_at = models.DateTimeField("pesan menunggu tertua", null=True, blank=True)
    requests_waiting = models.PositiveIntegerField("permohonan surat menunggu", default=0)
    oldest_request_at = models.DateTimeField("permohonan menunggu tertua", null=True, blank=True)
    completeness = models.PositiveSmallIntegerField("kelengkapan halaman wajib %", default=0)
    missing = models.JSONField("yang belum ada", default=list, blank=True)
    visits_30 = models.PositiveIntegerField("kunjungan 30 hari", default=0)
    refreshed_at = models.DateTimeField("dihitung", null=True, blank=True)

    class Meta:
        verbose_name = "keaktifan desa"
        verbose_name_plural = "keaktifan desa"

    def __str__(self):
        return f"keaktifan {self.desa_id}"


class TenantEvent(models.Model):
    """Something a desa did that Diskominfo follows: a login, a publish, a resident's message, a reply."""

    class Kind(models.TextChoices):
        LOGIN = "login", "Admin masuk"
        PUBLISH = "publish", "Menerbitkan"
        MESSAGE = "message", "Pesan warga masuk"
        ANSWER = "answer", "Pesan warga ditanggapi"

    desa = models.ForeignKey(Desa, on_delete=models.CASCADE, related_name="events")
    at = models.DateTimeField("waktu", auto_now_add=True, db_index=True)
    kind = models.CharField("jenis", max_length=10, choices=Kind.choices)
    title = models.CharField("judul", max_length=255, blank=True)

    class Meta:
        ordering = ["-at", "-pk"]
        indexes = [models.Index(fields=["desa", "-at"])]

    def __str__(self):
        return f"{self.desa_id} {self.kind} {self.at:%Y-%m-%d}"


class DailyVisits(models.Model):
    """Page views of one desa on one day: no address, no cookie, no visitor id; only a count."""

    desa = models.ForeignKey(Desa, on_delete=models.CASCADE, related_name="daily_visits")
    day = models.DateField("tanggal")
    views = models.PositiveIntegerField("tampilan halaman", default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["desa", "day"], name="monitoring_visits_one_row_a_day")]
        ordering = ["day"]

    def __str__(self):
        return f"{self.desa_id} {self.day}: {self.views}"


class Guidance(models.Model):
    """A message from Diskominfo to one desa, a kecamatan, or every desa in a state."""

    created_at = models.DateTimeField("dikirim", auto_now_add=True, db_index=True)
    author = models.CharField("pengirim", max_length=150)
    subject = models.CharField("judul", max_length=200)
    body = models.TextField("isi", max_length=5000)
    audience = models.CharField("sasaran", max_length=300, help_text="Untuk siapa, dalam kata-kata (tampil di konsol).")
    mailed = models.PositiveIntegerField("surel diantrekan", default=0)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return self.subject


class GuidanceDelivery(models.Model):
    """One desa's copy of a guidance message: shown on its admin dashboard until someone there reads it."""

    guidance = models.ForeignKey(Guidance, on_delete=models.CASCADE, related_name="deliveries")
    desa = models.ForeignKey(Desa, on_delete=models.CASCADE, related_name="guidance")
    read_at = models.DateTimeField("dibaca", null=True, blank=True)
    read_by = models.CharField("dibaca oleh", max_length=150, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["guidance", "desa"], name="monitoring_guidance_once")]
        ordering = ["-guidance__created_at", "-pk"]

    def __str__(self):
        return f"{self.guidance_id} → {self.desa_id}"


class KecamatanContact(models.Model):
    """Where the monthly digest of a kecamatan goes (the camat's office)."""

    kecamatan = models.CharField("kecamatan", max_length=100, unique=True)
    email = models.EmailField("surel camat")

    def __str__(self):
        return self.kecamatan


class AvailabilitySample(models.Model):
    """Health-check answers of one desa on one day (each scanner run fetches its home page)."""

    desa = models.ForeignKey(Desa, on_delete=models.CASCADE, related_name="availability")
    day = models.DateField("tanggal")
    checks = models.PositiveIntegerField("pemeriksaan", default=0)
    up = models.PositiveIntegerField("berhasil", default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["desa", "day"], name="monitoring_availability_a_day")]

    def __str__(self):
        return f"{self.desa_id} {self.day}: {self.up}/{self.checks}"


class ScanRun(models.Model):
    """One run of the judol guard over some or all desa."""

    started_at = models.DateTimeField("mulai", auto_now_add=True)
    finished_at = models.DateTimeField("selesai", null=True, blank=True)
    trigger = models.CharField("pemicu", max_length=20, default="jadwal")
    desa_count = models.PositiveIntegerField("desa", default=0)
    pages_fetched = models.PositiveIntegerField("halaman diambil", default=0)
    new_findings = models.PositiveIntegerField("temuan baru", default=0)

    class Meta:
        ordering = ["-started_at"]

    def __str__(self):
        return f"pemindaian {self.pk}"


class ScanFinding(models.Model):
    """Something the judol guard saw on a desa's page, with the exact page and the snippet."""

    class Kind(models.TextChoices):
        KEYWORD = "kata", "Kata kunci judi"
        DOMAIN = "domain", "Domain judi"
        HIDDEN = "tersembunyi", "Tautan tersembunyi"
        NEW_DOMAIN = "domain-baru", "Tautan ke domain baru"
        SCRIPT = "skrip", "Skrip atau iframe asing"
        CLOAKING = "cloaking", "Berbeda untuk Googlebot (cloaking)"

    class State(models.TextChoices):
        OPEN = "terbuka", "Terbuka"
        QUARANTINED = "karantina", "Dikarantina"
        DISMISSED = "aman", "Ditandai aman"

    desa = models.ForeignKey(Desa, on_delete=models.CASCADE, related_name="findings")
    run = models.ForeignKey(ScanRun, on_delete=models.SET_NULL, null=True, blank=True, related_name="findings")
    found_at = models.DateTimeField("ditemukan", auto_now_add=True)
    last_seen_at = models.DateTimeField("terakhir terlihat", auto_now=True)
    kind = models.CharField("jenis", max_length=12, choices=Kind.choices)
    url = models.CharField("halaman", max_length=500)
    page_id = models.IntegerField("id halaman", null=True, blank=True)
    page_title = models.CharField("judul halaman", max_length=255, blank=True)
    snippet = models.TextField("cuplikan", max_length=1000)
    detail = models.CharField("rincian", max_length=300, blank=True)
    fingerprint = models.CharField(max_length=40)
    state = models.CharField("keadaan", max_length=10, choices=State.choices, default=State.OPEN)
    handled_by = models.CharField("ditangani oleh", max_length=150, blank=True)
    handled_at = models.DateTimeField("ditangani", null=True, blank=True)

    class Meta:
        ordering = ["-found_at", "-pk"]
        constraints = [models.UniqueConstraint(fields=["desa", "fingerprint"], name="monitoring_finding_once")]

    def __str__(self):
        return f"{self.desa_id} {self.kind} {self.url}"


class ScanRequest(models.Model):
    """A page just published, waiting for the judol guard (the publish itself never waits for a scan)."""

    desa = models.ForeignKey(Desa, on_delete=models.CASCADE, related_name="scan_requests")
    page_id = models.IntegerField()
    requested_at = models.DateTimeField(auto_now_add=True)
    done_at = models.DateTimeField(null=True, blank=True, db_index=True)

    def __str__(self):
        return f"{self.desa_id} halaman {self.page_id}"


class KnownLinkDomain(models.Model):
    """A domain a desa's pages already linked to: a link to any other domain is new and worth a look."""

    desa = models.ForeignKey(Desa, on_delete=models.CASCADE, related_name="link_domains")
    domain = models.CharField(max_length=253)
    first_seen_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["desa", "domain"], name="monitoring_link_domain_once")]

    def __str__(self):
        return f"{self.desa_id} {self.domain}"
