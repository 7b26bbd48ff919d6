"""Diskominfo writes to the desa: one desa, a kecamatan, or all in a state; each desa reads it on its dashboard.

A message is one `Guidance` row and one `GuidanceDelivery` per desa (public schema). The desa's admin dashboard
shows its unread deliveries (a query on the public table; no other desa is read); "Sudah dibaca" stamps who
and when, which the console shows. With mail on, each desa's admins also get it through the outbox.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from django_tenants.utils import schema_context

from desa_platform.tenancy.models import AuditLog, Desa
from desa_platform.tenancy.schemas import public_schema
from desa_platform.tenancy.services import audit
from desa_platform.tenancy.services.errors import ServiceError

from . import liveness
from .mail import enqueue
from .models import Guidance, GuidanceDelivery, TenantEvent
from .sources import SUPPORT_PREFIX

AUDIENCE_KINDS = {
    "desa": "Satu desa",
    "kecamatan": "Satu kecamatan",
    "keadaan": "Semua desa dalam satu keadaan",
    "semua": "Semua desa",
}
ATTENTION = "perhatian"


def state_choices() -> list[tuple[str, str]]:
    return [(s.value, f"Desa yang {s.label.lower()}") for s in liveness.State] + [
        (ATTENTION, "Desa yang perlu perhatian"),
    ]


def recipients(kind: str, value: str = "") -> tuple[list[Desa], str]:
    """The desa a message goes to, and the audience in words (kept with the message)."""
    desas = Desa.objects.filter(status=Desa.Status.ACTIVE).order_by("kecamatan", "name")
    if kind == "desa":
        found = list(desas.filter(slug=value))
        return found, (found[0].display_name if found else "")
    if kind == "kecamatan":
        return list(desas.filter(kecamatan=value)), f"Kecamatan {value}"
    if kind == "keadaan":
        rows = liveness.all_liveness(desas)
        if value == ATTENTION:
            return [r.desa for r in rows if r.needs_attention], "Desa yang perlu perhatian"
        label = dict(state_choices()).get(value)
        if label is None:
            return [], ""
        return [r.desa for r in rows if r.state == value], label
    if kind == "semua":
        return list(desas), "Semua desa"
    return [], ""


def admin_emails(desa: Desa) -> list[str]:
    """The desa's active admins with an address (read in its own schema, when Diskominfo sends)."""
    with schema_context(desa.schema_name):
        users = get_user_model().objects.filter(is_active=True).exclude(email="")
        users = users.exclude(username__startswith=SUPPORT_PREFIX)
        return sorted({u.email for u in users if u.is_superuser or u.groups.exists()})


def send(author, subject: str, body: str, kind: str, value: str = "", *, mail: bool = False) -> Guidance:
    desas, audience = recipients(kind, value)
    if not desas:
        raise ServiceError("Tidak ada desa aktif yang cocok dengan sasaran ini; pesan tidak dikirim.")
    subject, body = subject.strip()[:200], body.strip()[:5000]
    if not subject or not body:
        raise ServiceError("Judul dan isi pesan wajib diisi.")
    name = getattr(author, "username", None) or str(author)
    with public_schema(), transaction.atomic():
        guidance = Guidance.objects.create(author=name, subject=subject, body=body, audience=audience[:300])
        GuidanceDelivery.objects.bulk_create([GuidanceDelivery(guidance=guidance, desa=d) for d in desas])
        if mail:
            for desa in desas:
                to = admin_emails(desa)
                if to:
                    text = f"{body}\n\nPesan ini juga tampil di dasbor admin situs {desa.display_name}.\n\nDiskominfo"
                    enqueue(to, f"[Diskominfo] {subject}", text, kind="bimbingan", tenant_schema=desa.schema_name)
                    guidance.mailed += 1
            guidance.save(update_fields=["mailed"])
        audit.record(
            author, AuditLog.Action.GUIDANCE, desas[0] if len(desas) == 1 else None, judul=subject, sasaran=audience
        )
    return guidance


def notify(desa: Desa, author, subject: str, body: str) -> Guidance:
    """A message to one desa whatever its state (e.g. why a page of a suspended desa was taken off)."""
    name = getattr(author, "username", None) or str(author)
    with public_schema():
        guidance = Guidance.objects.create(
            author=name, subject=subject[:200], body=body[:5000], audience=desa.display_name
        )
        GuidanceDelivery.objects.create(guidance=guidance, desa=desa)
    return guidance


def unread_for(desa: Desa) -> list[GuidanceDelivery]:
    with public_schema():
        return list(GuidanceDelivery.objects.filter(desa=desa, read_at__isnull=True).select_related("guidance")[:10])


def mark_read(desa: Desa, delivery_id: int, username: str) -> bool:
    """Stamp one of THIS desa's deliveries as read; another desa's id changes nothing."""
    with public_schema():
        updated = GuidanceDelivery.objects.filter(pk=delivery_id, desa=desa, read_at__isnull=True).update(
            read_at=timezone.now(), read_by=username[:150]
        )
        return bool(updated)


def sent(limit: int = 50):
    return Guidance.objects.all()[:limit]


def read_counts(guidances) -> dict[int, tuple[int, int]]:
    from django.db.models import Count, Q

    rows = (
        GuidanceDelivery.objects.filter(guidance__in=guidances)
        .values("guidance")
        .annotate(total=Count("pk"), read=Count("pk", filter=Q(read_at__isnull=False)))
    )
    return {row["guidance"]: (row["read"], row["total"]) for row in rows}


# --- a desa's timeline -----------------------------------------------------------------------------------------------


@dataclass
class Entry:
    at: datetime
    side: str  # "diskominfo" or "desa"
    label: str
    text: str = ""
    note: str = ""


def timeline(desa: Desa, days: int = 180) -> list[Entry]:
    """What Diskominfo said to the desa and what the desa did, newest first; under each message, what followed."""
    since = timezone.now() - timedelta(days=days)
    entries: list[Entry] = []
    deliveries = GuidanceDelivery.objects.filter(desa=desa, guidance__created_at__gte=since).select_related("guidance")
    events = list(TenantEvent.objects.filter(desa=desa, at__gte=since).order_by("at"))
    for delivery in deliveries:
        g = delivery.guidance
        after = [e for e in events if e.at >= g.created_at and e.at < g.created_at + timedelta(days=30)]
        publishes = sum(1 for e in after if e.kind == TenantEvent.Kind.PUBLISH)
        logins = sum(1 for e in after if e.kind == TenantEvent.Kind.LOGIN)
        note = f"30 hari sesudahnya: {logins} kali masuk admin, {publishes} terbitan"
        entries.append(Entry(g.created_at, "diskominfo", f"Pesan dari {g.author}: {g.subject}", g.body, note))
        if delivery.read_at:
            entries.append(
                Entry(delivery.read_at, "desa", "Pesan dibaca", f"“{g.subject}”", f"oleh {delivery.read_by}")
            )
    for event in events:
        entries.append(Entry(event.at, "desa", event.get_kind_display(), event.title))
    for log in AuditLog.objects.filter(desa_slug=desa.slug, at__gte=since).exclude(action="bimbingan"):
        entries.append(Entry(log.at, "diskominfo", log.get_action_display(), "", log.actor))
    return sorted(entries, key=lambda e: e.at, reverse=True)[:300]
