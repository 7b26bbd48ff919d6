"""The mail outbox for Diskominfo: what waits, what failed and why, and sending failed mail again.

Recipients are residents and desa staff: their addresses are masked here (the console needs the domain, to see
that one provider refuses, not the person).
"""

from django.conf import settings
from django.contrib import messages
from django.db.models import Count
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from desa_platform.outbox import sender
from desa_platform.outbox.models import OutboxMessage
from desa_platform.tenancy.models import AuditLog, Desa
from desa_platform.tenancy.services import audit

from ..auth import staff_required

SHOWN = 100


def masked_address(address: str) -> str:
    """'warga.jenu@gmail.com' → 'w•••@gmail.com'."""
    local, at, domain = address.rpartition("@")
    return f"{local[:1]}•••@{domain}" if at and local else "•••"


@staff_required
def outbox_list(request):
    counts = dict(OutboxMessage.objects.values_list("status").annotate(n=Count("pk")))
    names = dict(Desa.objects.values_list("schema_name", "name"))
    waiting = []
    for message in OutboxMessage.objects.exclude(status=OutboxMessage.Status.SENT).order_by("-created")[:SHOWN]:
        message.masked_to = ", ".join(masked_address(a) for a in message.to)
        message.desa_name = names.get(message.tenant_schema, "Platform")
        waiting.append(message)
    context = {
        "messages_waiting": waiting,
        "pending": counts.get(OutboxMessage.Status.PENDING, 0),
        "failed": counts.get(OutboxMessage.Status.FAILED, 0),
        "sent": counts.get(OutboxMessage.Status.SENT, 0),
        "shown": SHOWN,
        "max_attempts": settings.OUTBOX_MAX_ATTEMPTS,
        "keep_days": settings.OUTBOX_KEEP_SENT_DAYS,
    }
    return render(request, "console/outbox.html", context)


@staff_required
@require_POST
def outbox_retry(request):
    failed = OutboxMessage.objects.filter(status=OutboxMessage.Status.FAILED)
    named = request.POST.getlist("id")
    if named:  # one row's button: only ids we could have written (junk never widens to "all failed")
        chosen = [int(pk) for pk in named if pk.isdigit() and len(pk) <= 18]
        failed = failed.filter(pk__in=chosen)
    ids = list(failed.values_list("pk", flat=True)[:10_000])
    count = sender.retry(ids)
    audit.record(request.user, AuditLog.Action.OUTBOX_RETRY, jumlah=count)
    messages.success(request, f"{count} surel dijadwalkan kirim ulang." if count else "Tidak ada surel gagal.")
    return redirect("console:outbox")
