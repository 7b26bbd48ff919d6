"""The timers' commands: `desa monitor-tick`, `desa judol-scan`, `desa monitor-refresh`, `desa digest`."""

import io

import pytest
from django.core.management import CommandError, call_command

from desa_platform.monitoring.models import DailyVisits, ScanFinding, ScanRequest
from tests.monitoring.test_judol import plant

pytestmark = pytest.mark.django_db


def run(*args) -> str:
    out = io.StringIO()
    call_command("desa", *args, stdout=out)
    return out.getvalue()


def test_tick_flushes_visits_and_scans_what_was_just_published(client_a, desa_a, tmp_path, settings):
    settings.VAR_DIR = tmp_path
    client_a.get("/", HTTP_USER_AGENT="Mozilla/5.0 (Linux; Android 10)")
    plant(client_a, "Undian", "<p>Hasil keluaran hk malam ini.</p>")
    log = tmp_path / "visits.log"
    log.write_text('2026-12-01T10:00:00+07:00 uji-a.test 200 "text/html"\n')
    out = run("monitor-tick", "--nginx-log", str(log))
    assert "kunjungan: 1 dari penghitung, 1 dari nginx" in out and "1 temuan baru" in out
    assert sum(DailyVisits.objects.filter(desa=desa_a).values_list("views", flat=True)) == 2
    assert not ScanRequest.objects.filter(done_at__isnull=True).exists()
    assert ScanFinding.objects.filter(desa=desa_a, kind="kata", page_title="Undian").exists()


def test_scan_refresh_and_digest_commands_answer(desa_a):
    assert "1 desa, 2 pengambilan halaman, 0 temuan baru." in run("judol-scan", "uji-a")
    assert "desa dihitung ulang" in run("monitor-refresh")
    assert "diantrekan ke 0 camat" in run("digest", "--bulan", "2026-11")
    with pytest.raises(CommandError, match="loopback"):
        run("judol-scan", "--alamat", "http://192.0.2.1:8000")
