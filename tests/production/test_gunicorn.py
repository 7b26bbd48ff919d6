"""The production profile over real HTTP: gunicorn with deploy/gunicorn.conf.py, two workers, two desa,
the machine's PostgreSQL and Redis. Runs when DATABASE_URL and REDIS_URL are set (.ci/run sets them)."""

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from django.db import connection
from django_tenants.utils import schema_context
from wagtail.models import Page

from desa_platform.tenancy.models import Desa

from ..committed import publications_taken_back

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.skipif(
    not (os.environ.get("DATABASE_URL") and os.environ.get("REDIS_URL")),
    reason="production profile needs DATABASE_URL and REDIS_URL (the machine's PostgreSQL and Redis)",
)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(port: int, host: str, path: str = "/"):
    request = urllib.request.Request(f"http://127.0.0.1:{port}{path}", headers={"Host": host})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, dict(response.headers), response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read().decode()


@pytest.fixture(scope="module")
def gunicorn(django_db_setup, tmp_path_factory):
    settings = connection.settings_dict
    database_url = f"postgres://{settings['USER']}@{settings['HOST']}:{settings['PORT']}/{settings['NAME']}"
    port = free_port()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "desa_platform.settings.production",
        "SECRET_KEY": "production-test-" + "x" * 40,
        "SIGNING_KEY_ENCRYPTION_KEY": "production-test-signing-" + "k" * 32,  # required in production
        "DATABASE_URL": database_url,
        "DESA_VAR_DIR": str(tmp_path_factory.mktemp("var")),
        "SECURE_SSL_REDIRECT": "false",
        "DESA_SITE_PORT": "80",
        "GUNICORN_BIND": f"127.0.0.1:{port}",
        "GUNICORN_WORKERS": "2",
        "GUNICORN_ACCESSLOG": "",
    }
    manage = [sys.executable, str(ROOT / "manage.py")]
    subprocess.run([*manage, "collectstatic", "--noinput", "-v0"], env=env, check=True, cwd=ROOT)
    gunicorn_bin = str(Path(sys.executable).with_name("gunicorn"))
    process = subprocess.Popen([gunicorn_bin, "-c", "deploy/gunicorn.conf.py"], env=env, cwd=ROOT)
    try:
        for _ in range(150):
            assert process.poll() is None, "gunicorn exited at start"
            try:
                fetch(port, "uji-a.test")
                break
            except OSError:
                time.sleep(0.2)
        yield port
    finally:
        process.terminate()
        process.wait(timeout=20)


@pytest.fixture
def schema_a(django_db_blocker):
    with django_db_blocker.unblock():
        return Desa.objects.get(slug="uji-a").schema_name


@pytest.fixture
def committed_page(django_db_blocker, schema_a):
    """A page of desa A written outside any test transaction (no `db` fixture), so gunicorn's workers see it."""
    with django_db_blocker.unblock(), publications_taken_back(schema_a), schema_context(schema_a):
        home = Page.objects.get(depth=2)
        page = home.add_child(instance=Page(title="Halaman Uji Produksi", slug="uji-produksi"))
        yield page
        page.delete()


def test_each_desa_gets_its_own_pages_and_cache_over_http(gunicorn):
    for _ in range(4):  # enough requests to reach both workers
        status_a, headers_a, body_a = fetch(gunicorn, "uji-a.test")
        status_b, headers_b, body_b = fetch(gunicorn, "uji-b.test")
        assert status_a == status_b == 200
        assert "Desa Uji A" in body_a and "Desa Uji B" not in body_a
        assert "Desa Uji B" in body_b and "Desa Uji A" not in body_b
    assert headers_a["X-Cache"] == headers_b["X-Cache"] == "HIT"
    assert fetch(gunicorn, "tidak-ada.test")[0] == 404


def test_publishing_reaches_every_worker(gunicorn, committed_page, django_db_blocker, schema_a):
    for _ in range(4):
        status, headers, body = fetch(gunicorn, "uji-a.test", "/uji-produksi/")
        assert status == 200 and "Halaman Uji Produksi" in body
    assert headers["X-Cache"] == "HIT"
    with django_db_blocker.unblock(), schema_context(schema_a):
        page = Page.objects.get(pk=committed_page.pk).specific
        page.title = "Judul Sudah Diganti"
        page.save_revision().publish()
    for _ in range(4):
        status, headers, body = fetch(gunicorn, "uji-a.test", "/uji-produksi/")
        assert "Judul Sudah Diganti" in body and "Halaman Uji Produksi" not in body
    assert fetch(gunicorn, "uji-b.test", "/uji-produksi/")[0] == 404


def test_suspending_reaches_every_worker_within_seconds(gunicorn, django_db_blocker):
    with django_db_blocker.unblock():
        desa = Desa.objects.get(slug="uji-b")
        desa.status = Desa.Status.SUSPENDED
        desa.save()
    try:
        deadline = time.monotonic() + 5
        statuses = []
        while time.monotonic() < deadline:
            statuses = [fetch(gunicorn, "uji-b.test")[0] for _ in range(4)]
            if statuses == [503] * 4:
                break
            time.sleep(0.2)
        assert statuses == [503] * 4
    finally:
        with django_db_blocker.unblock():
            desa.status = Desa.Status.ACTIVE
            desa.save()


def test_menu_change_reaches_the_memo_of_every_worker(gunicorn, committed_page, django_db_blocker, schema_a):
    def uncached_homes():  # a query string the page cache does not keep: rendered by Wagtail from each worker's memo
        return [fetch(gunicorn, "uji-a.test", "/?cari=menu")[2] for _ in range(4)]

    assert not any(">Halaman Uji Produksi</a>" in body for body in uncached_homes())
    with django_db_blocker.unblock(), schema_context(schema_a):
        page = Page.objects.get(pk=committed_page.pk)
        page.show_in_menus = True
        page.save_revision().publish()
    assert all(">Halaman Uji Produksi</a>" in body for body in uncached_homes())
    assert ">Halaman Uji Produksi</a>" not in fetch(gunicorn, "uji-b.test", "/?cari=menu")[2]
