"""A monthly digest per kecamatan for the camat: how each desa did, from the public schema's rows only."""

import datetime
from dataclasses import dataclass

from django.db.models import Count, Q, Sum
from django.utils import timezone

from desa_platform.tenancy.models import Desa

from . import liveness
from .mail import enqueue
from .models import DailyVisits, GuidanceDelivery, KecamatanContact, TenantEvent

MONTHS = "Januari Februari Maret April Mei Juni Juli Agustus September Oktober November Desember".split()


@dataclass
class DigestRow:
    live: liveness.Liveness
    publishes: int
    logins: int
    messages: int
    answered: int
    visits: int
    guidance: int
    guidance_read: int


def month_bounds(year: int, month: int) -> tuple[datetime.datetime, datetime.datetime]:
    start = timezone.make_aware(datetime.datetime(year, month, 1))
    end = timezone.make_aware(datetime.datetime(year + month // 12, month % 12 + 1, 1))
    return start, end


def parse_month(text: str | None) -> tuple[int, int]:
    """'2026-11' → (2026, 11); anything else → last month (the digest is sent on the 1st for the month before)."""
    try:
        year, month = (int(p) for p in (text or "").split("-"))
        if 1 <= month <= 12 and 2000 <= year <= 2100:
            return year, month
    except ValueError:
        pass
    first = timezone.localdate().replace(day=1) - datetime.timedelta(days=1)
    return first.year, first.month


def month_label(year: int, month: int) -> str:
    return f"{MONTHS[month - 1]} {year}"


def digest(kecamatan: str, year: int, month: int) -> list[DigestRow]:
    start, end = month_bounds(year, month)
    desas = Desa.objects.filter(kecamatan=kecamatan).order_by("name")
    events = {
        row["desa"]: row
        for row in TenantEvent.objects.filter(desa__in=desas, at__gte=start, at__lt=end)
        .values("desa")
        .annotate(
            publishes=Count("pk", filter=Q(kind="publish")),
            logins=Count("pk", filter=Q(kind="login")),
            messages=Count("pk", filter=Q(kind="message")),
            answered=Count("pk", filter=Q(kind="answer")),
        )
    }
    visits = dict(
        DailyVisits.objects.filter(desa__in=desas, day__gte=start.date(), day__lt=end.date())
        .values("desa")
        .annotate(n=Sum("views"))
        .values_list("desa", "n")
    )
    guidance = {
        row["desa"]: row
        for row in GuidanceDelivery.objects.filter(
            desa__in=desas, guidance__created_at__gte=start, guidance__created_at__lt=end
        )
        .values("desa")
        .annotate(total=Count("pk"), read=Count("pk", filter=Q(read_at__isnull=False)))
    }
    rows = []
    for live in liveness.all_liveness(desas):
        e = events.get(live.desa.pk, {})
        g = guidance.get(live.desa.pk, {})
        rows.append(
            DigestRow(
                live,
                e.get("publishes", 0),
                e.get("logins", 0),
                e.get("messages", 0),
                e.get("answered", 0),
                visits.get(live.desa.pk) or 0,
                g.get("total", 0),
                g.get("read", 0),
            )
        )
    return rows


def as_text(kecamatan: str, year: int, month: int, rows: list[DigestRow]) -> str:
    lines = [
        f"Ringkasan bulanan situs desa Kecamatan {kecamatan}, {month_label(year, month)}",
        "",
        "Desa | keadaan | terbitan | masuk admin | pesan warga masuk/ditanggapi | kunjungan | pesan Diskominfo dibaca",
    ]
    for r in rows:
        lines.append(
            f"{r.live.desa.display_name} | {r.live.state_label} | {r.publishes} | {r.logins} | "
            f"{r.messages}/{r.answered} | {r.visits} | {r.guidance_read}/{r.guidance}"
        )
    attention = [r for r in rows if r.live.needs_attention]
    if attention:
        lines += ["", "Perlu perhatian:"]
        lines += [f"- {r.live.desa.display_name}: {'; '.join(r.live.attention)}" for r in attention]
    lines += [
        "",
        "Keadaan: aktif = terbit dalam 30 hari; melambat = 31-90 hari; tidur = lebih dari 90 hari.",
        "Diskominfo",
    ]
    return "\n".join(lines)


def send_all(year: int, month: int) -> int:
    """Queue one digest mail per kecamatan that has a camat's address; returns how many."""
    sent = 0
    for contact in KecamatanContact.objects.all():
        rows = digest(contact.kecamatan, year, month)
        if rows:
            subject = f"Ringkasan situs desa Kecamatan {contact.kecamatan}, {month_label(year, month)}"
            enqueue([contact.email], subject, as_text(contact.kecamatan, year, month, rows), kind="ringkasan")
            sent += 1
    return sent
