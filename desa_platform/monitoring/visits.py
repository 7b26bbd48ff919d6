"""Page views per desa per day, without tracking anybody.

How: every HTML page a visitor receives from Django (rendered, or answered by the page cache) adds one to a
counter in the shared cache (`INCR` on Redis, one key per desa per day; the key has the desa's schema like
every cache key). No cookie is set, no address or browser string is kept, no script is added to the page.
`desa monitor-tick` (a timer) moves the counters into `DailyVisits` in the public schema. Views that nginx
answers from its own 5-7 s cache never reach Django: nginx writes those (and only those) to a small log of
date, host, status and content type, which the same timer adds up (`count_nginx_log`).

Why counters and not the database on each view: a cached page costs one cache round trip; a database write per
view would make every cached page as slow as an uncached one. Why not only nginx's log: in development and
behind another proxy there is no nginx; Django's counters always work, the log fills the gap nginx makes.
"""

import datetime
import re
import threading
import time
from collections import Counter
from pathlib import Path

from django.conf import settings
from django.core.cache import caches
from django.db import connection
from django.db.models import F, Sum
from django.utils import timezone
from django_redis.exceptions import ConnectionInterrupted
from django_tenants.utils import schema_context
from redis.exceptions import RedisError

from desa_platform.pagecache import resilient
from desa_platform.tenancy.models import Desa, Domain
from desa_platform.tenancy.schemas import public_schema

from .models import DailyVisits

KEY = "monitoring:visits:{day}"
KEPT_DAYS = 3  # a counter not flushed within three days (timer stopped) expires rather than pile up
BOT_RE = re.compile(r"bot|crawl|spider|slurp|facebookexternalhit|preview|monitor|curl|wget|python", re.IGNORECASE)


def _cache():
    return caches[settings.VISITS_CACHE_ALIAS]


def _key(day: datetime.date) -> str:
    return KEY.format(day=day.strftime("%Y%m%d"))


# Every counter of one write in one command: INCRBY and EXPIRE per key run inside Redis.
ADD_SCRIPT = """
local ttl = ARGV[#ARGV]
for i, key in ipairs(KEYS) do
  redis.call('INCRBY', key, ARGV[i])
  redis.call('EXPIRE', key, ttl)
end
return #KEYS
"""


def _incr_all(counted: list[tuple[tuple[str, str, str], int]]) -> None:
    """Add `views` to the counter `key` of `schema` (`full`: its key in the shared cache) for every
    ((schema, key, full), views) in `counted`.

    On Redis every counter goes in one command (ADD_SCRIPT): a worker that served pages of 750 desa in its last
    second has 750 counters to write, and one round trip each (~0.4 ms on a busy machine) held the page view
    that wrote them ~300 ms, and every request queued behind it (the cached p99 at 2,000 desa, docs/scale.md).
    """
    if resilient.is_down():  # the shared cache is out: a view goes uncounted, the page is still served
        return
    cache = _cache()
    client = getattr(cache, "client", None)
    if client is not None and hasattr(client, "get_client"):  # django-redis: INCR and EXPIRE, all in one go
        try:
            keys = [full for (_schema, _key, full), _views in counted]
            amounts = [views for _, views in counted]
            client.get_client(write=True).eval(ADD_SCRIPT, len(keys), *keys, *amounts, KEPT_DAYS * 86400)
        except (RedisError, ConnectionInterrupted) as error:
            # The raw client bypasses the resilient cache's breaker: tell it, and lose a count, not a page.
            if hasattr(cache, "went_down"):
                cache.went_down(error)
        return
    for (schema, key, _full), views in counted:
        with schema_context(schema):
            cache.add(key, 0, KEPT_DAYS * 86400)
            try:
                cache.incr(key, views)
            except ValueError:  # expired between add and incr
                cache.add(key, views, KEPT_DAYS * 86400)


def is_countable(request, response) -> bool:
    return (
        request.method == "GET"
        and response.status_code in (200, 304)
        and not request.path.startswith(("/admin/", "/documents/", "/static/", "/media/"))
        and not request.META.get("desa.pemindai")  # the judol guard's own fetches
        and not BOT_RE.search(request.META.get("HTTP_USER_AGENT", ""))
        and (response.status_code == 304 or response.get("Content-Type", "").startswith("text/html"))
    )


# Views this process counted and has not written to the shared cache yet: (schema, key) -> views. Written at most
# every VISITS_WRITE_SECONDS, and whenever this process reads the counters. Without Redis the shared cache is a
# folder of files, and a write there is a temporary file, a rename and a scan of the folder: 1-3 ms, as much as
# the rest of an uncached page. A process that stops loses at most that many seconds of its views.
# The shared cache's full key (schema included) is made here, when the view is counted on the desa's own schema:
# the write then only sends them.
_unwritten: Counter[tuple[str, str, str]] = Counter()
_unwritten_lock = threading.Lock()
_last_write = 0.0


def count(request) -> None:
    """One view of the current desa (the connection is on its schema, so the key is the desa's)."""
    key = _key(timezone.localdate())
    full = _cache().make_key(key)
    with _unwritten_lock:
        _unwritten[(connection.schema_name, key, full)] += 1
        due = time.monotonic() - _last_write >= settings.VISITS_WRITE_SECONDS
    if due:
        write_counted()


def write_counted() -> None:
    """Add the views this process counted to the shared counters."""
    global _last_write
    with _unwritten_lock:
        counted = list(_unwritten.items())
        _unwritten.clear()
        _last_write = time.monotonic()
    if counted:
        _incr_all(counted)


def _pending(desa: Desa, day: datetime.date) -> int:
    write_counted()
    with schema_context(desa.schema_name):
        return int(_cache().get(_key(day)) or 0)


def pending_counts(desa: Desa) -> dict[datetime.date, int]:
    """Views still in the cache (not flushed yet), per day."""
    write_counted()
    today = timezone.localdate()
    days = [today - datetime.timedelta(days=n) for n in range(KEPT_DAYS)]
    with schema_context(desa.schema_name):
        found = _cache().get_many([_key(day) for day in days])
    return {day: int(found.get(_key(day)) or 0) for day in days}


def add_views(desa: Desa, day: datetime.date, views: int) -> None:
    with public_schema():
        updated = DailyVisits.objects.filter(desa=desa, day=day).update(views=F("views") + views)
        if not updated:
            DailyVisits.objects.create(desa=desa, day=day, views=views)


def flush() -> int:
    """Move every desa's counters into DailyVisits; returns the views moved.

    Each counter is read, then decreased by what was read (DECRBY on Redis): a view counted in between stays
    in the counter for the next flush, and nothing is added twice.
    """
    moved = 0
    cache = _cache()
    for desa in Desa.objects.order_by("pk"):
        for day, value in pending_counts(desa).items():
            if value <= 0:
                continue
            with schema_context(desa.schema_name):
                cache.decr(_key(day), value)
            add_views(desa, day, value)
            moved += value
    return moved


def series(desa: Desa, days: int = 30) -> list[tuple[datetime.date, int]]:
    """Views per day of the last `days` days (today included), with what has not been flushed yet."""
    today = timezone.localdate()
    start = today - datetime.timedelta(days=days - 1)
    stored = dict(DailyVisits.objects.filter(desa=desa, day__gte=start).values_list("day", "views"))
    for day, value in pending_counts(desa).items():
        if day >= start:
            stored[day] = stored.get(day, 0) + value
    return [
        (start + datetime.timedelta(days=n), stored.get(start + datetime.timedelta(days=n), 0)) for n in range(days)
    ]


def per_kecamatan(days: int = 30) -> list[tuple[str, int]]:
    since = timezone.localdate() - datetime.timedelta(days=days - 1)
    rows = (
        DailyVisits.objects.filter(day__gte=since)
        .values("desa__kecamatan")
        .annotate(views=Sum("views"))
        .order_by("desa__kecamatan")
    )
    return [(row["desa__kecamatan"] or "—", row["views"]) for row in rows]


# --- nginx's own cache ---------------------------------------------------------------------------------------------

# deploy/nginx/desa-digital.conf: log_format desa_visits '$time_iso8601 $host $status "$sent_http_content_type"';
NGINX_LINE = re.compile(r'^(?P<date>\d{4}-\d\d-\d\d)T\S+ (?P<host>\S+) (?P<status>\d{3}) "(?P<type>[^"]*)"$')


def count_nginx_log(path: Path, state_path: Path | None = None) -> int:
    """Add the views nginx answered from its cache (the lines of its visits log) since the last call.

    The position read up to is kept in VAR_DIR (per inode, so a rotated log starts again at 0).
    """
    path = Path(path)
    if not path.exists():
        return 0
    state_path = Path(state_path or Path(settings.VAR_DIR) / "nginx-visits.posisi")
    inode = path.stat().st_ino
    offset = 0
    if state_path.exists():
        saved_inode, _, saved_offset = state_path.read_text().partition(":")
        if saved_inode == str(inode):
            offset = int(saved_offset or 0)
    if offset > path.stat().st_size:
        offset = 0
    counts: dict[tuple[str, str], int] = {}
    with path.open("rb") as handle:
        handle.seek(offset)
        for raw in handle:
            if not raw.endswith(b"\n"):
                break  # a line nginx is still writing: read it next time
            offset += len(raw)
            match = NGINX_LINE.match(raw.decode("utf-8", "replace").strip())
            if match and match["status"] in ("200", "304") and match["type"].startswith("text/html"):
                host = match["host"].lower().split(":")[0]
                counts[(host, match["date"])] = counts.get((host, match["date"]), 0) + 1
    hosts = {
        d.domain: d.tenant for d in Domain.objects.select_related("tenant").filter(domain__in={h for h, _ in counts})
    }
    added = 0
    for (host, date), views in counts.items():
        if host in hosts:
            add_views(hosts[host], datetime.date.fromisoformat(date), views)
            added += views
    state_path.write_text(f"{inode}:{offset}")
    return added


def svg_chart(points: list[tuple[datetime.date, int]], width: int = 300, height: int = 60) -> str:
    """A bar chart of daily views drawn on the server: plain SVG, no script, readable without colour."""
    top = max([v for _, v in points] + [1])
    bar = width / max(len(points), 1)
    bars = []
    for index, (day, views) in enumerate(points):
        h = round((height - 12) * views / top, 1)
        x = round(index * bar, 1)
        bars.append(
            f'<rect x="{x}" y="{height - h}" width="{max(bar - 1, 1):.1f}" height="{h}" fill="#0b4f6c">'
            f"<title>{day:%d-%m}: {views} tampilan</title></rect>"
        )
    total = sum(v for _, v in points)
    label = f"Tampilan halaman per hari, {len(points)} hari terakhir: {total} seluruhnya, tertinggi {top} sehari"
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
        f'role="img" aria-label="{label}"><text x="0" y="10" font-size="10" fill="#616e7c">maks {top}</text>'
        + "".join(bars)
        + f'<line x1="0" y1="{height}" x2="{width}" y2="{height}" stroke="#9aa5b1"/></svg>'
    )
