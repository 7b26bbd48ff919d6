"""Smart City indicators (SNI ISO 37122:2019 style) per desa, per kecamatan and for the kabupaten.

Every figure comes from the platform's own data for a half-year period; what the platform cannot know yet
(letters before the letters app is installed, availability before any health check) is shown as 0 or "—" with
the reason, never estimated. Shares for a kecamatan or the kabupaten are pooled (the sum of what was answered
over the sum of what came in), not an average of percentages.
"""

import datetime
import statistics
from dataclasses import dataclass, field

from django.apps import apps
from django.core.cache import cache
from django.db.models import Sum
from django.utils import timezone
from django_tenants.utils import schema_context

from desa_platform.tenancy.models import Desa
from desa_platform.tenancy.schemas import public_schema

from . import sources
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


@dataclass
class Measures:
    """The raw counts of one desa (or several, pooled) for one period."""

    desa_count: int = 0
    services: int = 0
    services_online: int = 0
    letters_installed: bool = False
    durations: list[float] = field(default_factory=list)
    messages_in: int = 0
    messages_answered: int = 0
    publishes: int = 0
    months: int = 1
    public_info_required: int = 0
    public_info_published: int = 0
    open_data: int = 0
    checks: int = 0
    checks_up: int = 0

    def __add__(self, other: "Measures") -> "Measures":
        return Measures(
            desa_count=self.desa_count + other.desa_count,
            services=self.services + other.services,
            services_online=self.services_online + other.services_online,
            letters_installed=self.letters_installed or other.letters_installed,
            durations=self.durations + other.durations,
            messages_in=self.messages_in + other.messages_in,
            messages_answered=self.messages_answered + other.messages_answered,
            publishes=self.publishes + other.publishes,
            months=max(self.months, other.months),
            public_info_required=self.public_info_required + other.public_info_required,
            public_info_published=self.public_info_published + other.public_info_published,
            open_data=self.open_data + other.open_data,
            checks=self.checks + other.checks,
            checks_up=self.checks_up + other.checks_up,
        )


def _share(part: int, whole: int) -> float | None:
    return round(100 * part / whole, 1) if whole else None


def _percentile(values: list[float], q: float) -> float | None:
    if not values:
        return None
    if len(values) == 1:
        return round(values[0], 1)
    return round(statistics.quantiles(values, n=100, method="inclusive")[int(q) - 1], 1)


# (code, name, definition, source, unit, function of Measures → value or None, why None)
INDICATORS = [
    (
        "layanan-daring",
        "Layanan yang dapat diajukan dan diselesaikan daring",
        "Jumlah layanan yang bisa diajukan warga lewat situs dan selesai sebagai surat elektronik bertanda "
        "tangan, dibagi jumlah layanan yang tercantum di halaman Layanan (ISO 37122, 10.x).",
        "Halaman Layanan; permohonan surat daring (aplikasi surat).",
        "%",
        lambda m: _share(m.services_online, m.services) if m.letters_installed else (0.0 if m.services else None),
        "aplikasi surat daring belum terpasang: 0 sampai ada",
    ),
    (
        "waktu-surat-median",
        "Median waktu dari permohonan sampai surat terbit",
        "Nilai tengah lama (jam) dari warga mengajukan permohonan sampai suratnya terbit, untuk surat yang "
        "terbit dalam periode.",
        "Permohonan surat daring (aplikasi surat).",
        "jam",
        lambda m: _percentile(m.durations, 50),
        "belum ada surat terbit lewat situs",
    ),
    (
        "waktu-surat-p90",
        "Persentil ke-90 waktu dari permohonan sampai surat terbit",
        "Sembilan dari sepuluh surat terbit dalam waktu ini (jam) atau kurang.",
        "Permohonan surat daring (aplikasi surat).",
        "jam",
        lambda m: _percentile(m.durations, 90),
        "belum ada surat terbit lewat situs",
    ),
    (
        "pesan-ditanggapi",
        "Pesan warga yang ditanggapi",
        "Pesan dan pengaduan warga yang masuk dalam periode dan sudah ditindaklanjuti atau selesai, dibagi "
        "seluruh pesan yang masuk dalam periode.",
        "Formulir Kontak (menu Pesan warga).",
        "%",
        lambda m: _share(m.messages_answered, m.messages_in),
        "tidak ada pesan masuk",
    ),
    (
        "frekuensi-pembaruan",
        "Frekuensi pembaruan situs",
        "Jumlah halaman yang diterbitkan (termasuk terbit ulang setelah disunting) dalam periode, dibagi "
        "jumlah bulan periode yang sudah berjalan, rata-rata per situs.",
        "Catatan terbit Wagtail tiap situs.",
        "per bulan per situs",
        lambda m: round(m.publishes / m.months / m.desa_count, 1) if m.desa_count else None,
        "",
    ),
    (
        "informasi-publik",
        "Informasi publik wajib yang diterbitkan",
        "Butir daftar informasi publik PPID (Perki 1/2018) yang menunjuk ke dokumen, tautan, atau halaman yang "
        "sudah diisi desa, ditambah APBDes tahun periode (Permendagri 20/2018), dibagi jumlah butir wajib.",
        "Halaman PPID dan APBDes tiap situs.",
        "%",
        lambda m: _share(m.public_info_published, m.public_info_required),
        "tidak ada halaman PPID",
    ),
    (
        "data-terbuka",
        "Set data terbuka yang diterbitkan",
        "Dokumen berformat data (CSV, XLS, XLSX, ODS, JSON) yang terbit sampai akhir periode.",
        "Dokumen tiap situs.",
        "set data",
        lambda m: m.open_data,
        "",
    ),
    (
        "ketersediaan",
        "Ketersediaan situs",
        "Pemeriksaan beranda oleh penjaga judol (setiap jam) yang dijawab dengan baik, dibagi seluruh pemeriksaan "
        "dalam periode.",
        "Pemeriksaan kesehatan (pemindaian terjadwal).",
        "%",
        lambda m: _share(m.checks_up, m.checks),
        "belum ada pemeriksaan dalam periode",
    ),
]


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
