"""Visits: counted per desa per day without a cookie, for pages rendered and pages the cache answered, flushed to
the public schema; nginx's cache hits come from its log."""

import datetime

import pytest
from django.utils import timezone

from desa_platform.monitoring import visits
from desa_platform.monitoring.models import DailyVisits

pytestmark = pytest.mark.django_db
PHONE = "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 Chrome/124.0 Mobile Safari/537.36"


def stored(desa) -> int:
    return sum(DailyVisits.objects.filter(desa=desa).values_list("views", flat=True))


def test_rendered_and_cached_views_count_without_cookie_bots_or_admin(client_a, client_b, desa_a, desa_b):
    first = client_a.get("/", HTTP_USER_AGENT=PHONE)
    second = client_a.get("/", HTTP_USER_AGENT=PHONE)
    assert (first["X-Cache"], second["X-Cache"]) == ("MISS", "HIT")
    assert not first.cookies and not second.cookies, "no cookie is set to count a visitor"
    client_a.get("/", HTTP_USER_AGENT="Mozilla/5.0 (compatible; Googlebot/2.1)")
    client_a.get("/admin/login/", HTTP_USER_AGENT=PHONE)
    client_a.get("/halaman-tidak-ada/", HTTP_USER_AGENT=PHONE)
    client_b.get("/", HTTP_USER_AGENT=PHONE)
    today = timezone.localdate()
    assert visits.pending_counts(desa_a)[today] == 2 and visits.pending_counts(desa_b)[today] == 1

    assert visits.flush() == 3
    assert DailyVisits.objects.get(desa=desa_a, day=today).views == 2
    assert DailyVisits.objects.get(desa=desa_b, day=today).views == 1
    assert visits.flush() == 0, "flushed counters are not added twice"
    client_a.get("/", HTTP_USER_AGENT=PHONE)
    visits.flush()
    assert stored(desa_a) == 3
    series = visits.series(desa_a)
    assert len(series) == 30 and series[-1] == (today, 3)


def test_nginx_cache_hits_are_added_from_its_log_once(tmp_path, settings, desa_a, desa_b):
    settings.VAR_DIR = tmp_path
    log = tmp_path / "desa-visits.log"
    log.write_text(
        '2026-11-30T08:00:01+07:00 uji-a.test 200 "text/html; charset=utf-8"\n'
        '2026-11-30T08:00:02+07:00 UJI-A.TEST 304 "text/html; charset=utf-8"\n'
        '2026-11-30T08:00:03+07:00 uji-a.test 200 "application/rss+xml"\n'
        '2026-11-30T08:00:04+07:00 orang-lain.example 200 "text/html"\n'
        '2026-12-01T09:00:00+07:00 uji-b.test 200 "text/html"\n'
        '2026-12-01T09:00:01+07:00 uji-b.test 200 "text/h'  # still being written
    )
    assert visits.count_nginx_log(log) == 3
    assert DailyVisits.objects.get(desa=desa_a, day=datetime.date(2026, 11, 30)).views == 2
    assert visits.count_nginx_log(log) == 0
    with log.open("a") as handle:
        handle.write('tml"\n2026-12-01T09:00:02+07:00 uji-b.test 200 "text/html"\n')
    assert visits.count_nginx_log(log) == 2, "the line nginx was writing is read once it is whole"
    assert stored(desa_b) == 3


def test_the_chart_is_plain_svg_with_one_bar_a_day():
    today = datetime.date(2026, 12, 1)
    points = [(today - datetime.timedelta(days=n), n) for n in range(29, -1, -1)]
    svg = visits.svg_chart(points)
    assert svg.startswith("<svg") and svg.count("<rect") == 30 and "<script" not in svg
    assert "435 seluruhnya" in svg and "01-12: 0 tampilan" in svg


def test_the_judol_guards_own_fetches_are_not_visits(desa_a):
    from desa_platform.monitoring.judol import scanner
    from desa_platform.tenancy.models import Desa

    run = scanner.scan(Desa.objects.filter(pk=desa_a.pk))
    assert run.pages_fetched == 2 and visits.pending_counts(desa_a)[timezone.localdate()] == 0


def test_views_reach_the_shared_counters_once_a_second_and_none_is_lost(client_a, desa_a, settings):
    """Without Redis every write to the shared cache is a file: a worker adds up its views and writes them at most
    every VISITS_WRITE_SECONDS, and at once when it reads the counters itself."""
    from django.core.cache import caches

    today = timezone.localdate()
    settings.VISITS_WRITE_SECONDS = 3600
    visits.write_counted()  # this process's clock starts now
    for _ in range(5):
        assert client_a.get("/", HTTP_USER_AGENT=PHONE).status_code == 200
    with client_a.schema():
        assert not caches[settings.VISITS_CACHE_ALIAS].get(visits._key(today)), "written once, not per view"
    assert visits.pending_counts(desa_a)[today] == 5
    assert visits.flush() == 5 and stored(desa_a) == 5
    settings.VISITS_WRITE_SECONDS = 0
    client_a.get("/", HTTP_USER_AGENT=PHONE)
    with client_a.schema():
        assert caches[settings.VISITS_CACHE_ALIAS].get(visits._key(today)) == 1


@pytest.fixture
def redis_visits(settings):
    """The page views' shared cache on the machine's Redis, under a prefix of this test's own."""
    import uuid

    import redis
    from django.core.cache import caches

    from desa_platform.pagecache import resilient

    try:
        redis.Redis(port=6379, db=3, socket_connect_timeout=0.5).ping()
    except redis.RedisError:
        pytest.skip("needs the machine's Redis on 127.0.0.1:6379")
    settings.CACHES = {
        **settings.CACHES,
        "visits": {
            "BACKEND": "desa_platform.pagecache.resilient.ResilientRedisCache",
            "LOCATION": "redis://127.0.0.1:6379/3",
            "KEY_FUNCTION": "django_tenants.cache.make_key",
            "REVERSE_KEY_FUNCTION": "django_tenants.cache.reverse_key",
            "KEY_PREFIX": f"uji-kunjungan-{uuid.uuid4().hex}",
            "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 0.25, "SOCKET_TIMEOUT": 0.5},
        },
    }
    settings.VISITS_CACHE_ALIAS = "visits"
    resilient._state.clear()
    yield caches["visits"]
    caches["visits"].delete_pattern("*")
    resilient._state.clear()


def test_a_worker_writes_the_views_of_many_desa_to_redis_in_one_exchange(
    client_a, client_b, desa_a, desa_b, redis_visits, settings, monkeypatch
):
    """Over 2,000 desa a worker has hundreds of desa's views to write each second: one round trip per desa held
    the page view that wrote them (and every visitor queued behind it) ~300 ms (docs/scale.md)."""
    from django_tenants.utils import schema_context
    from redis.connection import Connection

    today = timezone.localdate()
    settings.VISITS_WRITE_SECONDS = 3600
    visits.write_counted()
    for _ in range(3):
        assert client_a.get("/", HTTP_USER_AGENT=PHONE).status_code == 200
    assert client_b.get("/", HTTP_USER_AGENT=PHONE).status_code == 200
    others = [f"desa_lain_{n:03d}" for n in range(200)]  # schemas of desa this worker also served
    for schema in others:
        with schema_context(schema):
            visits.count(None)

    redis_visits.get("sambungan")  # the connection is opened (and says hello) before the exchange is counted
    sent = []
    send = Connection.send_packed_command
    monkeypatch.setattr(Connection, "send_packed_command", lambda self, *a, **k: sent.append(1) or send(self, *a, **k))
    visits.write_counted()
    monkeypatch.undo()
    assert len(sent) == 1, "every desa's views in one exchange with Redis"

    assert visits.pending_counts(desa_a)[today] == 3 and visits.pending_counts(desa_b)[today] == 1
    with schema_context(others[-1]):
        assert redis_visits.get(visits._key(today)) == 1
        assert 0 < redis_visits.ttl(visits._key(today)) <= visits.KEPT_DAYS * 86400, "a counter left alone expires"
    assert visits.flush() >= 4 and stored(desa_a) == 3 and stored(desa_b) == 1
