"""Hole 5: behind nginx on a unix socket REMOTE_ADDR is empty, and per-address lockout was off. Tested over a
real unix socket: gunicorn with deploy/gunicorn.conf.py, test settings, the test database."""

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import connection
from django_tenants.utils import schema_context

from .unix_http import Browser

ROOT = Path(__file__).resolve().parents[2]
USERNAME, PASSWORD = "kades-soket", "Sawah-Hijau-2025"


@pytest.fixture(scope="module")
def socket_path(django_db_setup, django_db_blocker, tmp_path_factory):
    with django_db_blocker.unblock(), schema_context("uji_a"):
        user, _ = get_user_model().objects.get_or_create(username=USERNAME, defaults={"is_staff": True})
        user.set_password(PASSWORD)
        user.save()
    db = connection.settings_dict
    path = tmp_path_factory.mktemp("sock") / "gunicorn.sock"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "desa_platform.settings.test",
        "DATABASE_URL": "",
        "EMBEDDED_PG_DB": db["NAME"],
        "GUNICORN_BIND": f"unix:{path}",
        "GUNICORN_WORKERS": "1",
        "GUNICORN_ACCESSLOG": "",
    }
    if os.environ.get("DATABASE_URL"):  # the machine's PostgreSQL: the test database on it
        env["DATABASE_URL"] = f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}"
    gunicorn = str(Path(sys.executable).with_name("gunicorn"))
    process = subprocess.Popen([gunicorn, "-c", "deploy/gunicorn.conf.py"], env=env, cwd=ROOT)
    try:
        for _ in range(200):
            assert process.poll() is None, "gunicorn exited at start"
            if path.exists():
                break
            time.sleep(0.1)
        yield str(path)
    finally:
        process.terminate()
        process.wait(timeout=20)
        with django_db_blocker.unblock(), schema_context("uji_a"):
            AccessAttempt.objects.filter(username=USERNAME).delete()
            get_user_model().objects.filter(username=USERNAME).delete()


def test_lockout_counts_the_address_nginx_saw_over_a_unix_socket(socket_path, django_db_blocker):
    guesser, owner = Browser(socket_path, "uji-a.test"), Browser(socket_path, "uji-a.test")
    statuses = [guesser.login(USERNAME, "salah-tebak-1", "198.51.100.7") for _ in range(settings.AXES_FAILURE_LIMIT)]
    assert statuses[:-1] == [200] * (settings.AXES_FAILURE_LIMIT - 1) and statuses[-1] == 429
    assert guesser.login(USERNAME, PASSWORD, "198.51.100.7") == 429  # that address stays locked
    assert owner.login(USERNAME, PASSWORD, "36.72.1.7") == 302  # the owner, elsewhere, gets in
    with django_db_blocker.unblock(), schema_context("uji_a"):
        addresses = set(AccessAttempt.objects.filter(username=USERNAME).values_list("ip_address", flat=True))
    assert addresses == {"198.51.100.7"}  # not '' (the socket's empty REMOTE_ADDR)
