"""Is a desa's site alive? A state per desa from its summary row, and the refresh of that row.

The console's list reads only `TenantActivity` rows (one query for every desa). A row is refreshed for one
desa when that desa acts (a publish, a resident's message; see signals.py) and for every desa by the
`desa monitor-refresh` timer, since "30 days ago" moves even when nobody does anything.
"""

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.db import models
from django.db.models import Sum
from django.utils import timezone
from django_tenants.utils import schema_context

from desa_platform.tenancy.models import Desa
from desa_platform.tenancy.schemas import public_schema
from desa_platform.tenancy.services import overview

from . import sources
from .models import DailyVisits, TenantActivity

ACTIVE_DAYS = 30
SLOW_DAYS = 90
START_GRACE_DAYS = 30
MESSAGE_WAIT_DAYS = 7
REQUEST_WAIT_DAYS = 3


class State(models.TextChoices):
    AKTIF = "aktif", "Aktif"
    MELAMBAT = "melambat", "Melambat"
    TIDUR = "tidur", "Tidur"
    BELUM_MULAI = "belum-mulai", "Belum mulai"


# Written on the console's list as they are applied here.
STATE_RULES = [
    (State.AKTIF, f"menerbitkan sesuatu dalam {ACTIVE_DAYS} hari terakhir."),
    (State.MELAMBAT, f"terbitan terakhir {ACTIVE_DAYS + 1}–{SLOW_DAYS} hari lalu."),
    (State.TIDUR, f"terbitan terakhir lebih dari {SLOW_DAYS} hari lalu."),
    (State.BELUM_MULAI, "belum pernah menerbitkan apa pun sejak situsnya dibuat."),
]
ATTENTION_RULES = [
    f"situs tidur (tidak menerbitkan apa pun lebih dari {SLOW_DAYS} hari);",
    f"belum mulai {START_GRACE_DAYS} hari setelah situsnya dibuat;",
    f"pesan warga belum ditanggapi lebih dari {MESSAGE_WAIT_DAYS} hari;",
    f"permohonan surat warga menunggu lebih dari {REQUEST_WAIT_DAYS} hari.",
]
STATE_BADGES = {State.AKTIF: "ok", State.MELAMBAT: "warn", State.TIDUR: "bad", State.BELUM_MULAI: "muted-badge"}


@dataclass
class Liveness:
    desa: Desa
    activity: TenantActivity
    state: str
    attention: list[str] = field(default_factory=list)

    @property
    def state_label(self) -> str:
        return State(self.state).label

    @property
    def badge(self) -> str:
        return STATE_BADGES[self.state]

    @property
    def needs_attention(self) -> bool:
        return bool(self.attention)


def state_of(activity: TenantActivity, now: datetime) -> str:
    if activity.last_publish_at is None:
        return State.BELUM_MULAI
    days = (now - activity.last_publish_at).days  # whole days, as the rules on the page count them
    if days <= ACTIVE_DAYS:
        return State.AKTIF
    if days <= SLOW_DAYS:
        return State.MELAMBAT
    return State.TIDUR


def _days(moment: datetime, now: datetime) -> int:
    return (now - moment).days


def attention_of(desa: Desa, activity: TenantActivity, state: str, now: datetime) -> list[str]:
    """Real neglect or residents left waiting; an untouched default page is not a reason."""
    if desa.is_suspended:
        return []
    reasons = []
    if state == State.TIDUR:
        reasons.append(f"tidak menerbitkan apa pun {_days(activity.last_publish_at, now)} hari")
    if state == State.BELUM_MULAI and now - desa.created > timedelta(days=START_GRACE_DAYS):
        reasons.append(f"belum mulai, situs dibuat {_days(desa.created, now)} hari lalu")
    if activity.messages_waiting and activity.oldest_message_at:
        waited = _days(activity.oldest_message_at, now)
        if waited > MESSAGE_WAIT_DAYS:
            reasons.append(f"{activity.messages_waiting} pesan warga menunggu, tertua {waited} hari")
    if activity.requests_waiting and activity.oldest_request_at:
        waited = _days(activity.oldest_request_at, now)
        if waited > REQUEST_WAIT_DAYS:
            reasons.append(f"{activity.requests_waiting} permohonan surat menunggu, tertua {waited} hari")
    return reasons


def liveness(desa: Desa, now: datetime | None = None) -> Liveness:
    """The state of a desa from its summary row (a desa without one yet has not started)."""
    now = now or timezone.now()
    try:
        activity = desa.activity
    except TenantActivity.DoesNotExist:
        activity = TenantActivity(desa=desa)
    state = state_of(activity, now)
    return Liveness(desa, activity, state, attention_of(desa, activity, state, now))


def all_liveness(desas) -> list[Liveness]:
    """For a queryset of desa: one query with the summary rows joined."""
    now = timezone.now()
    return [liveness(desa, now) for desa in desas.select_related("activity")]


# --- refreshing the summary row -----------------------------------------------------------------------------------


def _measure_in_schema(desa: Desa) -> dict:
    with schema_context(desa.schema_name):
        from wagtail.models import Page

        published = (
            Page.objects.filter(last_published_at__gt=desa.created).aggregate(last=models.Max("last_published_at"))
        )["last"]
        messages, oldest_message = sources.waiting_messages()
        requests, oldest_request = sources.waiting_requests()
        return {
            "last_login_at": sources.last_admin_login(),
            "last_publish_at": published,
            "messages_waiting": messages,
            "oldest_message_at": oldest_message,
            "requests_waiting": requests,
            "oldest_request_at": oldest_request,
        }


def visits_30(desa: Desa) -> int:
    since = timezone.localdate() - timedelta(days=29)
    return DailyVisits.objects.filter(desa=desa, day__gte=since).aggregate(n=Sum("views"))["n"] or 0


def refresh(desas: list[Desa]) -> None:
    """Recompute the summary rows of these desa (their content facts in one query, the rest per schema)."""
    if not desas:
        return
    facts = overview.facts(desas)
    now = timezone.now()
    with public_schema():
        for desa in desas:
            item = facts[desa.schema_name]
            values = _measure_in_schema(desa)
            values.update(
                news_30=item.news_30 or 0,
                news_90=item.news_90 or 0,
                completeness=item.completeness,
                missing=item.missing,
                visits_30=visits_30(desa),
                refreshed_at=now,
            )
            TenantActivity.objects.update_or_create(desa=desa, defaults=values)


def refresh_all(batch: int = 100) -> int:
    desas = list(Desa.objects.order_by("pk"))
    for start in range(0, len(desas), batch):
        refresh(desas[start : start + batch])
    return len(desas)
