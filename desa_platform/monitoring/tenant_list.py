"""The console's list of every desa: filter, sort by any column, and the same rows for CSV and XLSX.

Reads the Desa rows with their summary rows joined (one query, plus one for the domains) — never a desa's
schema — so 400 desa come back in well under a second (bench/console_list.py).
"""

from dataclasses import dataclass
from datetime import datetime

from django.core.cache import cache
from django.db.models import Q
from django.utils import timezone

from desa_platform.tenancy.models import Desa, Domain
from desa_platform.tenancy.schemas import public_schema
from desa_platform.tenancy.services import upgrade

from .liveness import Liveness, State, all_liveness

FILTERS = ("q", "kecamatan", "kind", "status", "theme", "keadaan", "perhatian")
STATE_ORDER = {State.AKTIF: 0, State.MELAMBAT: 1, State.TIDUR: 2, State.BELUM_MULAI: 3}


@dataclass
class Row:
    live: Liveness
    domain: str

    @property
    def desa(self) -> Desa:
        return self.live.desa

    @property
    def activity(self):
        return self.live.activity


def _never_last(value):
    """Sort key that puts missing values after every real one, whichever way the column is sorted."""
    return (value is None, value if value is not None else 0)


def _ts(value: datetime | None):
    return value.timestamp() if value else None


SORTS = {
    "nama": lambda r: (r.desa.name.lower(),),
    "kecamatan": lambda r: (r.desa.kecamatan.lower(), r.desa.name.lower()),
    "jenis": lambda r: (r.desa.kind, r.desa.name.lower()),
    "keadaan": lambda r: (STATE_ORDER[r.live.state], r.desa.name.lower()),
    "masuk": lambda r: _never_last(_ts(r.activity.last_login_at)),
    "terbit": lambda r: _never_last(_ts(r.activity.last_publish_at)),
    "berita": lambda r: (r.activity.news_30, r.activity.news_90),
    "pesan": lambda r: (r.activity.messages_waiting, -(_ts(r.activity.oldest_message_at) or 0)),
    "permohonan": lambda r: (r.activity.requests_waiting, -(_ts(r.activity.oldest_request_at) or 0)),
    "kelengkapan": lambda r: (r.activity.completeness,),
    "kunjungan": lambda r: (r.activity.visits_30,),
    "perhatian": lambda r: (len(r.live.attention), r.desa.name.lower()),
}
DEFAULT_SORT = "kecamatan"


def kecamatan_choices() -> list[str]:
    # order_by("kecamatan") first: the model's default ordering (kabupaten, kecamatan, name) would make
    # DISTINCT keep one row per desa, listing each kecamatan once per desa.
    names = Desa.objects.exclude(kecamatan="").order_by("kecamatan").values_list("kecamatan", flat=True)
    return list(names.distinct())


VERSIONS_KEY = "monitoring:schema-versions"
VERSIONS_SECONDS = 60


def schema_versions(schemas: list[str], refresh: bool = False) -> dict:
    """upgrade.schema_versions, kept a minute (a UNION ALL over 100 schemas costs about a second, and staff page
    through the list); a schema not in the kept set (a new desa) is asked at once. After `desa upgrade` the
    column is right within the minute; "Hitung ulang ringkasan" and `desa monitor-refresh` renew it at once."""
    with public_schema():
        kept = {} if refresh else (cache.get(VERSIONS_KEY) or {})
        missing = [s for s in schemas if s not in kept]
        if missing:
            kept.update(upgrade.schema_versions(missing))
            cache.set(VERSIONS_KEY, kept, VERSIONS_SECONDS)
    return {s: kept[s] for s in schemas}


def rows(params) -> list[Row]:
    # Domains as plain values: building 400 Domain objects costs more than the rest of the list.
    primary = dict(Domain.objects.filter(is_primary=True).values_list("tenant_id", "domain"))
    desas = Desa.objects.all()
    if params.get("q"):
        q = params["q"].strip()[:100]
        desas = desas.filter(
            Q(name__icontains=q) | Q(slug__icontains=q) | Q(domains__domain__icontains=q) | Q(kecamatan__icontains=q)
        ).distinct()
    for name in ("kecamatan", "kind", "status", "theme"):
        if params.get(name):
            desas = desas.filter(**{name: params[name]})
    found = []
    for live in all_liveness(desas):
        found.append(Row(live, primary.get(live.desa.pk, "")))
    if params.get("keadaan") in State.values:
        found = [r for r in found if r.live.state == params["keadaan"]]
    if params.get("perhatian") == "ya":
        found = [r for r in found if r.live.needs_attention]
    return sort(found, params.get("urut", ""))


def sort(found: list[Row], order: str) -> list[Row]:
    key = order.lstrip("-")
    if key not in SORTS:
        key, order = DEFAULT_SORT, DEFAULT_SORT
    found = sorted(found, key=lambda r: r.desa.name.lower())
    descending = order.startswith("-")
    if key in ("masuk", "terbit"):  # "never" stays at the bottom both ways
        dated = [r for r in found if SORTS[key](r)[0] is False]
        never = [r for r in found if SORTS[key](r)[0] is True]
        return sorted(dated, key=SORTS[key], reverse=descending) + never
    return sorted(found, key=SORTS[key], reverse=descending)


def _local(value: datetime | None) -> str:
    return timezone.localtime(value).strftime("%Y-%m-%d %H:%M") if value else ""


COLUMNS = [
    "slug",
    "nama",
    "jenis",
    "kecamatan",
    "kabupaten",
    "domain",
    "status",
    "keadaan",
    "admin terakhir masuk",
    "terakhir menerbitkan",
    "berita 30 hari",
    "berita 90 hari",
    "pesan warga menunggu",
    "pesan menunggu tertua",
    "permohonan surat menunggu",
    "permohonan tertua",
    "kelengkapan halaman wajib %",
    "kunjungan 30 hari",
    "perlu perhatian",
]


def export_values(row: Row) -> list:
    desa, a = row.desa, row.activity
    return [
        desa.slug,
        desa.name,
        desa.get_kind_display(),
        desa.kecamatan,
        desa.kabupaten,
        row.domain,
        desa.get_status_display(),
        row.live.state_label,
        _local(a.last_login_at),
        _local(a.last_publish_at),
        a.news_30,
        a.news_90,
        a.messages_waiting,
        _local(a.oldest_message_at),
        a.requests_waiting,
        _local(a.oldest_request_at),
        a.completeness,
        a.visits_30,
        "; ".join(row.live.attention),
    ]
