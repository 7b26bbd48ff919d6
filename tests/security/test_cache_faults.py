"""Hole 7: one anonymous contact post emptied the desa's page cache. Hole 8: Redis down = every desa 500."""

import logging

import pytest
from django.core.cache import caches
from django.test import Client, override_settings
from django_tenants.utils import schema_context
from wagtail.models import Page

from desa_platform.pagecache import resilient, store
from desa_platform.tenancy import routing

from .fake_servers import TCPProxy

MESSAGE = {
    "nama": "Siti Aminah",
    "email": "siti@contoh.id",
    "telepon": "0812 3456 7890",
    "jenis": "pengaduan",
    "pesan": "Lampu jalan di depan musala RT 02 mati sejak seminggu yang lalu.",
}


def generation(schema):
    with schema_context(schema):
        return store.generation()


@pytest.mark.django_db
def test_a_contact_post_keeps_the_page_cache_and_a_publish_empties_it(client_a, desa_a, desa_b):
    assert client_a.get("/").status_code == 200
    assert client_a.get("/")["X-Cache"] == "HIT"
    before, other = generation(desa_a.schema_name), generation(desa_b.schema_name)
    assert client_a.post("/kontak/", MESSAGE, REMOTE_ADDR="36.72.1.7").status_code == 302
    assert generation(desa_a.schema_name) == before
    assert Client(HTTP_HOST="uji-a.test").get("/")["X-Cache"] == "HIT"  # still served from the cache

    with client_a.schema():
        home = Page.objects.get(depth=2).specific
        home.title = "Beranda baru"
        home.save_revision().publish()
    assert generation(desa_a.schema_name) != before  # content shown on public pages does empty it
    assert generation(desa_b.schema_name) == other  # and only for that desa


def redis_caches(port):
    config = {
        "BACKEND": "desa_platform.pagecache.resilient.ResilientRedisCache",
        "LOCATION": f"redis://127.0.0.1:{port}/3",
        "KEY_FUNCTION": "django_tenants.cache.make_key",
        "REVERSE_KEY_FUNCTION": "django_tenants.cache.reverse_key",
        "KEY_PREFIX": "uji-keamanan",
        "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 0.25, "SOCKET_TIMEOUT": 0.5},
    }
    return {
        "default": config,
        "renditions": {**config, "KEY_PREFIX": "uji-keamanan-r"},
        "preview": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"},
    }


@pytest.fixture
def redis_proxy():
    import redis

    try:
        redis.Redis(port=6379, db=3, socket_connect_timeout=0.5).ping()
    except redis.RedisError:
        pytest.skip("needs the machine's Redis on 127.0.0.1:6379")
    proxy = TCPProxy(6379).start()
    resilient._state.clear()
    yield proxy
    proxy.stop()
    resilient._state.clear()


@pytest.mark.django_db
def test_redis_down_keeps_every_desa_serving_logs_once_and_recovers_by_itself(
    redis_proxy, desa_a, caplog, monkeypatch, settings
):
    settings.CACHE_RETRY_SECONDS = 0
    visitor, other = Client(HTTP_HOST="uji-a.test"), Client(HTTP_HOST="uji-b.test")
    health = Client(HTTP_HOST="localhost")
    with override_settings(CACHES=redis_caches(redis_proxy.port)):
        for alias in ("default", "renditions"):
            caches[alias].clear()
        assert visitor.get("/").status_code == 200 and visitor.get("/")["X-Cache"] == "HIT"
        assert health.get("/healthz").status_code == 200
        routing.lookup("uji-a.test")  # the table in hand when Redis goes

        redis_proxy.stop()
        calls = []
        monkeypatch.setattr(routing, "_load", lambda: calls.append(1) or {})
        with caplog.at_level(logging.WARNING, logger="desa_platform.pagecache.resilient"):
            for _ in range(3):
                assert visitor.get("/").status_code == 200  # uncached, from the database
                assert other.get("/berita/").status_code == 200
            down = health.get("/healthz")
            assert down.status_code == 503 and "database: ok" in down.text and "cache: GAGAL" in down.text
            assert calls == []  # served from the last routing table
            before = generation(desa_a.schema_name)  # "not cached": a fresh value each time while down
            with schema_context(desa_a.schema_name):
                home = Page.objects.get(depth=2).specific
                home.title = "Diubah saat Redis mati"
                home.save_revision().publish()  # its generation bump cannot reach Redis now
            unreachable = [r for r in caplog.records if "unreachable" in r.getMessage()]
            assert len(unreachable) == 1  # logged once, not per request

            redis_proxy.start()
            monkeypatch.undo()
            assert health.get("/healthz").status_code == 200
            # the page cached before the outage is stale (an edit was made meanwhile): not served again
            assert visitor.get("/")["X-Cache"] == "MISS"
            assert any("back after" in r.getMessage() for r in caplog.records)
        assert not resilient.is_down()
        assert visitor.get("/")["X-Cache"] == "HIT"  # and the cache works again
        assert before
        for alias in ("default", "renditions"):
            caches[alias].clear()
