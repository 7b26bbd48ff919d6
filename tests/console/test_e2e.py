"""End to end through the console in headless Chromium: sign in (password + TOTP), create a desa, suspend it,
resume it — against a real WSGI server in a thread, with the data committed (and removed at the end)."""

import os
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django_otp.plugins.otp_totp.models import TOTPDevice

from desa_platform.tenancy.models import AuditLog, Desa
from desa_platform.tenancy.services.provisioning import delete_desa

from ..live import launch_chromium, needs_chromium, wsgi_server
from .helpers import PASSWORD, current_code

SCREENSHOTS = Path(os.environ.get("CONSOLE_SCREENSHOTS", "/tmp/console-e2e"))

pytestmark = needs_chromium


@pytest.fixture
def live_server_url(django_db_blocker):
    with django_db_blocker.unblock():
        remove_committed_rows()  # of an interrupted earlier run
        try:
            with wsgi_server() as port:
                yield port
        finally:
            remove_committed_rows()


def remove_committed_rows():
    for desa in Desa.objects.filter(slug="uji-ujung"):
        delete_desa(desa)
    AuditLog.objects.filter(actor="e2e-staf").delete()
    TOTPDevice.objects.filter(user__username="e2e-staf").delete()
    # A plain delete() would also look for Wagtail's user profile, a table the public schema does not have.
    get_user_model().objects.filter(username="e2e-staf")._raw_delete("default")


def test_create_suspend_resume_through_the_console(live_server_url, django_db_blocker):
    playwright_api = pytest.importorskip("playwright.sync_api")
    port = live_server_url
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    with django_db_blocker.unblock():
        staff = get_user_model().objects.create_user("e2e-staf", "", PASSWORD, is_staff=True, first_name="Rina")
        device = TOTPDevice.objects.create(user=staff, name="Konsol", confirmed=True)

    console = f"http://localhost:{port}/console"
    site = f"http://uji-ujung.localhost:{port}"
    with playwright_api.sync_playwright() as p:
        browser = launch_chromium(p)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.set_default_timeout(120_000)  # creating a desa may rebuild the template first (changed migrations)
        page.goto(f"{console}/")
        assert "Masuk ke Konsol Diskominfo" in page.content()
        page.fill("#id_username", "e2e-staf")
        page.fill("#id_password", PASSWORD)
        page.click("button[type=submit]")
        assert "Verifikasi dua langkah" in page.content()
        with django_db_blocker.unblock():
            code = current_code(device)
        page.fill("#id_token", code)
        page.click("button[type=submit]")
        assert page.url == f"{console}/"
        page.screenshot(path=SCREENSHOTS / "1-daftar.png", full_page=True)

        page.click("text=Desa baru")
        for field, value in {
            "name": "Ujung",
            "slug": "uji-ujung",
            "kecamatan": "Jenu",
            "kabupaten": "Tuban",
            "provinsi": "Jawa Timur",
            "kode_pos": "62352",
            "domain": "uji-ujung.localhost",
            "admin_name": "Siti Aminah",
        }.items():
            page.fill(f"#id_{field}", value)
        page.click("button[type=submit]")
        assert "Desa Ujung sudah dibuat" in page.content()
        page.screenshot(path=SCREENSHOTS / "2-dibuat.png", full_page=True)
        assert page.goto(f"{site}/sitemap.xml").status == 200

        page.goto(f"{console}/desa/uji-ujung/")
        page.fill("#reason", "uji ujung ke ujung")
        page.click("text=Tangguhkan")
        assert "ditangguhkan" in page.content()
        page.screenshot(path=SCREENSHOTS / "3-ditangguhkan.png", full_page=True)
        response = page.goto(f"{site}/")
        assert response.status == 503 and response.headers["retry-after"] == "3600"
        assert "sedang dalam pemeliharaan" in page.content()
        page.screenshot(path=SCREENSHOTS / "4-pemeliharaan.png", full_page=True)

        page.goto(f"{console}/desa/uji-ujung/")
        page.click("text=Aktifkan kembali")
        assert "aktif kembali" in page.content()
        assert page.goto(f"{site}/sitemap.xml").status == 200
        browser.close()

    with django_db_blocker.unblock():
        actions = list(
            AuditLog.objects.filter(actor="e2e-staf", desa_slug="uji-ujung").values_list("action", flat=True)
        )
    assert actions[:3] == ["resume", "suspend", "admin-link"] and "create" in actions
