"""The monitoring screens in headless Chromium against a real WSGI server: the desa list, one desa's timeline,
the indicator report; screenshots in CONSOLE_SCREENSHOTS (default /tmp/console-e2e) to look at."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from desa_platform.monitoring import guidance
from desa_platform.monitoring.models import DailyVisits, Guidance, TenantActivity, TenantEvent
from desa_platform.tenancy.models import AuditLog, Desa

from ..live import launch_chromium, needs_chromium
from .helpers import PASSWORD, current_code
from .test_e2e import (
    SCREENSHOTS,
    live_server_url,  # noqa: F401 - the same threaded WSGI server fixture
)

pytestmark = needs_chromium


def remove_rows():
    Guidance.objects.filter(author="e2e-pantau").delete()
    desas = Desa.objects.filter(slug__in=["uji-a", "uji-b"])
    TenantEvent.objects.filter(desa__in=desas).delete()
    DailyVisits.objects.filter(desa__in=desas).delete()
    TenantActivity.objects.filter(desa__in=desas).delete()
    AuditLog.objects.filter(actor="e2e-pantau").delete()
    TOTPDevice.objects.filter(user__username="e2e-pantau").delete()
    get_user_model().objects.filter(username="e2e-pantau")._raw_delete("default")


def test_list_timeline_and_indicator_report_in_a_browser(django_db_setup, live_server_url, django_db_blocker):  # noqa: F811
    playwright_api = pytest.importorskip("playwright.sync_api")
    now = timezone.now()
    with django_db_blocker.unblock():
        remove_rows()
        staff = get_user_model().objects.create_user("e2e-pantau", "", PASSWORD, is_staff=True, first_name="Rina")
        device = TOTPDevice.objects.create(user=staff, name="Konsol", confirmed=True)
        a, b = Desa.objects.get(slug="uji-a"), Desa.objects.get(slug="uji-b")
        TenantActivity.objects.create(
            desa=a,
            last_publish_at=now - datetime.timedelta(days=3),
            last_login_at=now - datetime.timedelta(days=1),
            news_30=4,
            news_90=9,
            completeness=83,
            visits_30=612,
            refreshed_at=now,
        )
        TenantActivity.objects.create(
            desa=b,
            last_publish_at=now - datetime.timedelta(days=130),
            messages_waiting=2,
            oldest_message_at=now - datetime.timedelta(days=12),
            completeness=50,
            visits_30=40,
            refreshed_at=now,
        )
        for n in range(30):
            DailyVisits.objects.create(
                desa=a, day=timezone.localdate() - datetime.timedelta(days=n), views=5 + (n * 7) % 31
            )
        sent = guidance.send("e2e-pantau", "Perbarui berita desa", "Mohon unggah kegiatan bulan ini.", "desa", "uji-a")
        Guidance.objects.filter(pk=sent.pk).update(created_at=now - datetime.timedelta(days=2))
        guidance.mark_read(a, sent.deliveries.get().pk, "kades")
        TenantEvent.objects.create(desa=a, kind="login", title="kades")
        TenantEvent.objects.create(desa=a, kind="publish", title="Kerja bakti saluran air")

    console = f"http://localhost:{live_server_url}/console"
    try:
        with playwright_api.sync_playwright() as p:
            browser = launch_chromium(p)
            page = browser.new_page(viewport={"width": 1400, "height": 900})
            page.set_default_timeout(60_000)
            page.goto(f"{console}/")
            page.fill("#id_username", "e2e-pantau")
            page.fill("#id_password", PASSWORD)
            page.click("button[type=submit]")
            with django_db_blocker.unblock():
                code = current_code(device)
            page.fill("#id_token", code)
            page.click("button[type=submit]")
            page.goto(f"{console}/?urut=-terbit")
            page.click("summary")  # the rules
            html = page.content()
            assert "Tidur" in html and "2 pesan warga menunggu, tertua 12 hari" in html
            page.screenshot(path=SCREENSHOTS / "pantau-1-daftar.png", full_page=True)

            page.goto(f"{console}/desa/uji-a/linimasa/")
            html = page.content()
            assert "Pesan dari e2e-pantau: Perbarui berita desa" in html and "<svg" in html
            page.screenshot(path=SCREENSHOTS / "pantau-2-linimasa.png", full_page=True)

            page.goto(f"{console}/indikator/?banding={(timezone.localdate().year - 1)}-2")
            assert "Laporan evaluasi indikator Smart City" in page.content()
            page.screenshot(path=SCREENSHOTS / "pantau-3-indikator.png", full_page=True)
            page.emulate_media(media="print")
            page.screenshot(path=SCREENSHOTS / "pantau-4-indikator-cetak.png", full_page=True)
            browser.close()
    finally:
        with django_db_blocker.unblock():
            remove_rows()
