from django.db import models
from django.utils import timezone


class OutboxMessage(models.Model):
    """One mail waiting to leave, sent, or given up on. Public schema: one sender serves every desa."""

    class Status(models.TextChoices):
        PENDING = "pending", "Menunggu"
        SENT = "sent", "Terkirim"
        FAILED = "failed", "Gagal"

    created = models.DateTimeField("dibuat", auto_now_add=True, db_index=True)
    kind = models.CharField("jenis", max_length=40, blank=True)
    tenant_schema = models.CharField("skema desa", max_length=63, blank=True, db_index=True)
    from_email = models.CharField("pengirim", max_length=254, blank=True)
    to = models.JSONField("kepada", default=list)
    cc = models.JSONField(default=list, blank=True)
    bcc = models.JSONField(default=list, blank=True)
    reply_to = models.JSONField(default=list, blank=True)
    subject = models.TextField("judul")
    body = models.TextField("isi")
    html = models.TextField(blank=True)
    headers = models.JSONField(default=dict, blank=True)
    # [{"filename", "mimetype", "content_b64"}], capped in queue.py
    attachments = models.JSONField(default=list, blank=True)
    status = models.CharField("status", max_length=10, choices=Status.choices, default=Status.PENDING)
    attempts = models.PositiveSmallIntegerField("percobaan", default=0)
    next_attempt_at = models.DateTimeField("coba lagi pada", default=timezone.now)
    last_error = models.TextField("galat terakhir", blank=True)
    sent_at = models.DateTimeField("terkirim pada", null=True, blank=True)

    class Meta:
        verbose_name = "surel keluar"
        verbose_name_plural = "surel keluar"
        ordering = ["-created"]
        indexes = [
            # the sender's only query: due messages, oldest first
            models.Index(fields=["next_attempt_at", "id"], condition=models.Q(status="pending"), name="outbox_due_idx"),
        ]

    def __str__(self):
        return f"{self.subject} → {', '.join(self.to)} ({self.get_status_display()})"
