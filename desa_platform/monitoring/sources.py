"""What the monitoring app reads of the page apps, by what the app registry says exists (read defensively).

Every function here runs inside ONE desa's schema (the caller sets it): the residents' messages of `kontak`,
the letter requests of `surat` (the letters app; until it is installed there are none, and no figure is made
up for them), users' logins, and publish history.
"""

from dataclasses import dataclass
from datetime import datetime

from django.apps import apps
from django.contrib.auth import get_user_model
from django.db.models import Max, Min

# Diskominfo's support accounts inside a desa (services/support.py): their logins are not the desa's.
SUPPORT_PREFIX = "diskominfo-"

# Field names the letters app may use for "the resident asked" and "the letter was issued", newest first.
REQUEST_CREATED_FIELDS = ("diajukan_pada", "diajukan", "dibuat", "created_at", "submitted_at")
REQUEST_DONE_FIELDS = ("selesai_pada", "diterbitkan_pada", "diterbitkan", "issued_at", "finished_at", "done_at")
REQUEST_OPEN_STATES = ("baru", "diajukan", "diproses", "menunggu", "diperiksa", "new", "pending")
REQUEST_DONE_STATES = ("selesai", "diterbitkan", "terbit", "done", "issued")


def last_admin_login() -> datetime | None:
    users = get_user_model().objects.exclude(username__startswith=SUPPORT_PREFIX)
    return users.aggregate(last=Max("last_login"))["last"]


def message_model():
    try:
        return apps.get_model("kontak", "Pesan")
    except LookupError:
        return None


def waiting_messages() -> tuple[int, datetime | None]:
    """Residents' messages nobody has taken up yet (status 'baru'), and when the oldest came in."""
    model = message_model()
    if model is None:
        return 0, None
    waiting = model.objects.filter(status="baru")
    found = waiting.aggregate(oldest=Min("dikirim"))
    return waiting.count(), found["oldest"]


@dataclass(frozen=True)
class RequestModel:
    model: type
    created: str
    done: str | None
    status: str | None


def request_model() -> RequestModel | None:
    """The letters app's table of residents' requests, when `sites.surat` is installed and has one."""
    if not apps.is_installed("sites.surat"):
        return None
    for model in apps.get_app_config("surat").get_models():
        names = {f.name for f in model._meta.get_fields()}
        created = next((n for n in REQUEST_CREATED_FIELDS if n in names), None)
        if created and "status" in names and ("permohonan" in model._meta.model_name or "request" in model.__name__):
            done = next((n for n in REQUEST_DONE_FIELDS if n in names), None)
            return RequestModel(model, created, done, "status")
    return None


def waiting_requests() -> tuple[int, datetime | None]:
    found = request_model()
    if found is None:
        return 0, None
    waiting = found.model.objects.filter(status__in=REQUEST_OPEN_STATES)
    return waiting.count(), waiting.aggregate(oldest=Min(found.created))["oldest"]


def request_durations(start: datetime, end: datetime) -> list[float] | None:
    """Hours from request to letter for letters issued in [start, end); None while there is no letters app."""
    found = request_model()
    if found is None or found.done is None:
        return None
    done = found.model.objects.filter(**{f"{found.done}__gte": start, f"{found.done}__lt": end})
    return [
        (finished - created).total_seconds() / 3600
        for created, finished in done.values_list(found.created, found.done)
        if created and finished
    ]


def online_services() -> tuple[int, int, bool]:
    """(services listed, services a resident can request AND receive online, letters app present).

    A service counts as online only when the letters app offers it as an online request ending in a
    signed letter; until that app lands every desa scores 0 (never a guess from the service pages' text).
    """
    try:
        service_model = apps.get_model("layanan", "ServicePage")
    except LookupError:
        return 0, 0, False
    total = service_model.objects.live().count()
    if not apps.is_installed("sites.surat"):
        return total, 0, False
    online = 0
    for model in apps.get_app_config("surat").get_models():
        names = {f.name for f in model._meta.get_fields()}
        if "layanan" in names and ("daring" in names or "online" in names):
            flag = "daring" if "daring" in names else "online"
            online = model.objects.filter(**{flag: True}).values("layanan").distinct().count()
            break
    return total, min(online, total), True
