"""What the monitoring app reads of the page apps, by what the app registry says exists (read defensively).

Every function here runs inside ONE desa's schema (the caller sets it): the residents' messages of `kontak`,
the letter requests of `surat` (the letters app; until it is installed there are none, and no figure is made
up for them), users' logins, and publish history.
"""

from datetime import datetime

from django.apps import apps
from django.contrib.auth import get_user_model
from django.db.models import Max, Min

# Diskominfo's support accounts inside a desa (services/support.py): their logins are not the desa's.
SUPPORT_PREFIX = "diskominfo-"

# The letters app (sites/surat): Permohonan(dikirim, selesai_pada, status) and TemplateSurat(layanan → ServicePage).
REQUEST_MODEL = ("surat", "Permohonan")
LETTER_TEMPLATE_MODEL = ("surat", "TemplateSurat")
REQUEST_OPEN_STATES = ("diterima", "diperiksa", "menunggu-ttd", "perlu-dilengkapi")


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


def _letters_model(label: tuple[str, str]):
    if not apps.is_installed("sites.surat"):
        return None
    try:
        return apps.get_model(*label)
    except LookupError:
        return None


def waiting_requests() -> tuple[int, datetime | None]:
    """Residents' letter requests not finished yet, and when the oldest came in (none without the letters app)."""
    model = _letters_model(REQUEST_MODEL)
    if model is None:
        return 0, None
    open_states = getattr(model, "OPEN_STATUSES", REQUEST_OPEN_STATES)
    waiting = model.objects.filter(status__in=[str(s) for s in open_states])
    return waiting.count(), waiting.aggregate(oldest=Min("dikirim"))["oldest"]


def request_durations(start: datetime, end: datetime) -> list[float] | None:
    """Hours from request to letter for letters finished in [start, end); None while there is no letters app."""
    model = _letters_model(REQUEST_MODEL)
    if model is None:
        return None
    done = model.objects.filter(status="selesai", selesai_pada__gte=start, selesai_pada__lt=end)
    return [(finished - sent).total_seconds() / 3600 for sent, finished in done.values_list("dikirim", "selesai_pada")]


def online_services() -> tuple[int, int, bool]:
    """(services listed, services a resident can request AND receive online, letters app present).

    A service counts as online when the letters app has a letter template for it: the resident asks on the
    site and gets the signed letter back. Until that app is installed every desa scores 0 (never a guess
    from the service pages' text).
    """
    try:
        service_model = apps.get_model("layanan", "ServicePage")
    except LookupError:
        return 0, 0, False
    services = service_model.objects.live()
    total = services.count()
    template_model = _letters_model(LETTER_TEMPLATE_MODEL)
    if template_model is None:
        return total, 0, False
    online = template_model.objects.filter(layanan__in=services).values("layanan").distinct().count()
    return total, online, True
