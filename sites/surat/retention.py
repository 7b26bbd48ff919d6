"""Deleting what a desa no longer needs: requests (with their attachments, history and access log) some
months after they closed, and files kept between two tries of a form after a day. The letter's record
(number, date, subject, masked name, signer, SHA-256) and its PDF stay: the verification page needs them."""

import datetime
import time

from django.db import connection, transaction
from django.utils import timezone

from .models import PengaturanSurat, Permohonan
from .storage import private_storage
from .uploads import KEEP_SECONDS


def months_ago(months: int, now=None) -> datetime.datetime:
    now = now or timezone.now()
    return now - datetime.timedelta(days=round(months * 30.44))


def purge_requests(now=None) -> int:
    """Delete this desa's closed requests older than its retention period; returns how many."""
    cutoff = months_ago(PengaturanSurat.load().retensi_bulan, now)
    old = Permohonan.objects.filter(status__in=Permohonan.CLOSED_STATUSES, selesai_pada__lt=cutoff)
    count = 0
    for permohonan in old.iterator():
        files = [item.berkas.name for item in permohonan.lampiran.all()]
        with transaction.atomic():
            permohonan.delete()  # Surat.permohonan is SET_NULL: the letter's record stays
        for name in files:
            private_storage.delete(name)
        count += 1
    return count


def purge_kept_uploads(now: float | None = None) -> int:
    folder = f"{connection.schema_name}/sementara"
    now = now or time.time()
    removed = 0
    try:
        tokens, _ = private_storage.listdir(folder)
    except OSError:
        return 0
    for token in tokens:
        _, names = private_storage.listdir(f"{folder}/{token}")
        paths = [f"{folder}/{token}/{name}" for name in names]
        if all(now - private_storage.get_modified_time(p).timestamp() > KEEP_SECONDS for p in paths):
            for path in paths:
                private_storage.delete(path)
            removed += 1
    return removed
