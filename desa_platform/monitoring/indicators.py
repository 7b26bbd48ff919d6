"""Smart City indicators (SNI ISO 37122:2019 style) per desa, per kecamatan and for the kabupaten.

Every figure comes from the platform's own data for a half-year period; what the platform cannot know yet
(letters before the letters app is installed, availability before any health check) is shown as 0 or "—" with
the reason, never estimated. Shares for a kecamatan or the kabupaten are pooled (the sum of what was answered
over the sum of what came in), not an average of percentages.
"""

import datetime
from dataclasses import dataclass

from django.apps import apps
from django.core.cache import cache
from django.db.models import Sum
from django.utils import timezone
from django_tenants.utils import schema_context

from desa_platform.tenancy.models import Desa
from desa_platform.tenancy.schemas import public_schema

from . import sources
from .indicator_definitions import INDICATORS, Measures
from .models import AvailabilitySample

OPEN_DATA_EXTENSIONS = ("csv", "xls", "xlsx", "ods", "json")
CACHE_SECONDS = 600


@dataclass(frozen=True)
class Period:
    year: int
    half: int  # 1: January-June, 2: July-December

    @classmethod
    def parse(cls, text: str | None) -> "Period":
        try:
            year, half = (int(part) for part in (text or "").split("-"))
            if half in (1, 2) and 2000 <= year <= 2100:
                return cls(year, half)
        except ValueError:
            pass
        return cls.current()

    @classmethod
    def current(cls) -> "Period":
        today = timezone.localdate()
        return cls(today.year, 1 if today.month <= 6 else 2)

    @property
    def previous(self) -> "Period":
        return Period(self.year, 1) if self.half == 2 else Period(self.year - 1, 2)

    @property
    def code(self) -> str:
        return f"{self.year}-{self.half}"

    @property
    def label(self) -> str:
        months = "Januari–Juni" if self.half == 1 else "Juli–Desember"
        return f"Semester {'I' if self.half == 1 else 'II'} {self.year} ({months})"

    @property
    def start(self) -> datetime.datetime:
        return timezone.make_aware(datetime.datetime(self.year, 1 if self.half == 1 else 7, 1))

    @property
    def end(self) -> datetime.datetime:
        return timezone.make_aware(datetime.datetime(self.year + self.half - 1, 7 if self.half == 1 else 1, 1))

    def months_elapsed(self, now: datetime.datetime | None = None) -> int:
        """Months of the period that have begun (a current period counts only those so far; at least 1)."""
        now = min(now or timezone.now(), self.end)
        if now <= self.start:
            return 1
        local = timezone.localtime(now)
        return max(1, min(6, (local.year - self.year) * 12 + local.month - (1 if self.half == 1 else 7) + 1))

    def choices(self, count: int = 6) -> list["Period"]:
        found, period = [], Period.current()
        for _ in range(count):
            found.append(period)
            period = period.previous
        return found


def _public_information(desa: Desa, period: Period) -> tuple[int, int]:
    try:
        item_model = apps.get_model("transparansi", "PPIDInformasi")
        apbdes_model = apps.get_model("transparansi", "APBDesPage")
    except LookupError:
        return 0, 0
    required = published = 0
    for item in item_model.objects.filter(page__live=True).select_related("halaman", "dokumen"):
        required += 1
        page = item.halaman
        edited = page is not None and page.live and (page.latest_revision_created_at or desa.created) > desa.created
        if item.dokumen_id or item.tautan or edited:
            published += 1
    if required:
        required += 1
        published += apbdes_model.objects.live().filter(tahun=period.year).exists()
    return required, published


def measure(desa: Desa, period: Period) -> Measures:
    """One desa's counts (reads its schema)."""
    start, end = period.start, period.end
    with public_schema():
        sample = AvailabilitySample.objects.filter(desa=desa, day__gte=start.date(), day__lt=end.date())
        sample = sample.aggregate(checks=Sum("checks"), up=Sum("up"))
    with schema_context(desa.schema_name):
        from wagtail.documents import get_document_model
        from wagtail.models import PageLogEntry

        services, online, installed = sources.online_services()
        durations = sources.request_durations(start, end)
        messages_in = messages_answered = 0
        message_model = sources.message_model()
        if message_model is not None:
            received = message_model.objects.filter(dikirim__gte=start, dikirim__lt=end)
            messages_in = received.count()
            messages_answered = received.exclude(status="baru").count()
        publishes = PageLogEntry.objects.filter(action="wagtail.publish", timestamp__gte=start, timestamp__lt=end)
        publishes = publishes.count()
        documents = get_document_model().objects.filter(created_at__lt=end)
        open_data = sum(
            1
            for name in documents.values_list("file", flat=True)
            if name.lower().endswith(tuple(f".{ext}" for ext in OPEN_DATA_EXTENSIONS))
        )
        required, published = _public_information(desa, period)
    return Measures(
        desa_count=1,
        services=services,
        services_online=online,
        letters_installed=installed,
        durations=durations or [],
        messages_in=messages_in,
        messages_answered=messages_answered,
        publishes=publishes,
        months=period.months_elapsed(),
        public_info_required=required,
        public_info_published=published,
        open_data=open_data,
        checks=sample["checks"] or 0,
        checks_up=sample["up"] or 0,
    )


@dataclass
class Row:
    label: str
    kecamatan: str
    measures: Measures
    desa: Desa | None = None

    def values(self) -> list[tuple[float | None, str]]:
        return [(fn(self.measures), why) for *_, fn, why in INDICATORS]


def report(period: Period, kecamatan: str = "", refresh: bool = False) -> dict:
    """{'desa': [Row], 'kecamatan': [Row], 'kabupaten': Row} for the period (kept 10 minutes)."""
    key = f"monitoring:indicators:{period.code}:{kecamatan}"
    with public_schema():
        kept = None if refresh else cache.get(key)
        if kept is not None:
            return kept
        desas = Desa.objects.exclude(status=Desa.Status.SUSPENDED).order_by("kecamatan", "name")
        if kecamatan:
            desas = desas.filter(kecamatan=kecamatan)
        rows = [Row(d.display_name, d.kecamatan, measure(d, period), d) for d in desas]
        by_kecamatan: dict[str, Measures] = {}
        for row in rows:
            by_kecamatan[row.kecamatan] = by_kecamatan.get(row.kecamatan, Measures()) + row.measures
        total = sum((row.measures for row in rows), Measures())
        result = {
            "desa": rows,
            "kecamatan": [Row(f"Kecamatan {k or '—'}", k, m) for k, m in sorted(by_kecamatan.items())],
            "kabupaten": Row("Seluruh kabupaten", "", total),
            "computed_at": timezone.now(),
        }
        cache.set(key, result, CACHE_SECONDS)
    return result


def format_value(value, unit: str) -> str:
    if value is None:
        return "—"
    if unit == "%":
        return f"{value:.1f} %".replace(".", ",")
    if isinstance(value, float):
        return f"{value:.1f}".replace(".", ",") + f" {unit}"
    return f"{value} {unit}"
