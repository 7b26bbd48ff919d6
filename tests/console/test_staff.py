"""Staff accounts in the console: only a staff manager (superuser) sees them; accounts are switched off, never
deleted, and a switched-off account is out at once."""

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.test import Client
from django_otp.plugins.otp_totp.models import TOTPDevice

from desa_platform.outbox.sender import send_due
from desa_platform.tenancy.models import AuditLog
from desa_platform.tenancy.services import staff, support
from desa_platform.tenancy.services.errors import ServiceError

from .helpers import PASSWORD, current_code


@pytest.fixture
def manager(db) -> Client:
    user = get_user_model().objects.create_user("kepala", "kepala@kominfo.test", PASSWORD, is_staff=True)
    user.is_superuser = True
    user.save()
    device = TOTPDevice.objects.create(user=user, name="Konsol", confirmed=True)
    browser = Client(HTTP_HOST="localhost")
    browser.post("/console/login/", {"username": "kepala", "password": PASSWORD})
    assert browser.post("/console/otp/", {"token": current_code(device)}).status_code == 302
    return browser


def test_staff_page_is_for_staff_managers_only(console, manager):
    assert console.get("/console/staf/")["Location"] == "/console/"
    assert "/console/staf/" not in console.get("/console/").content.decode()
    assert "/console/staf/" in manager.get("/console/").content.decode()


def test_manager_creates_an_account_and_sees_its_link_once(manager):
    page = manager.post("/console/staf/", {"username": "sari", "email": "sari@kominfo.test"}).content.decode()
    assert "/console/sandi/" in page and "Akun sari dibuat" in page
    send_due()
    assert len(mail.outbox) == 1 and "/console/sandi/" in mail.outbox[0].body
    assert "/console/sandi/" not in manager.get("/console/staf/").content.decode()
    sari = get_user_model().objects.get(username="sari")
    assert sari.is_staff and not sari.is_superuser and not sari.has_usable_password()
    assert AuditLog.objects.filter(actor="kepala", action="staff-create").exists()

    again = manager.post("/console/staf/", {"username": "sari"}).content.decode()
    assert "sudah dipakai" in again


def test_switched_off_account_is_out_at_once_and_cannot_sign_in(console, manager):
    assert console.get("/console/").status_code == 200
    manager.post("/console/staf/budi/aktif/", {"active": "0"})
    assert console.get("/console/")["Location"].startswith("/console/login/")
    fresh = Client(HTTP_HOST="localhost")
    fresh.post("/console/login/", {"username": "budi", "password": PASSWORD})
    assert fresh.get("/console/")["Location"].startswith("/console/login/")
    assert not TOTPDevice.objects.filter(user__username="budi").exists()  # enrols again if switched back on
    assert AuditLog.objects.filter(actor="kepala", action="staff-off").exists()
    page = manager.post("/console/staf/budi/aktif/", {"active": "1"}).content.decode()
    budi = get_user_model().objects.get(username="budi")
    # Back with a new password (one-time link shown once) and a new second factor, never the old ones.
    assert budi.is_active and not budi.has_usable_password() and "/console/sandi/" in page
    fresh.post("/console/login/", {"username": "budi", "password": PASSWORD})
    assert fresh.get("/console/")["Location"].startswith("/console/login/")


def test_switching_off_closes_the_accounts_support_sessions(console, manager, desa_a):
    budi = get_user_model().objects.get(username="budi")
    session, _link = support.open_session(desa_a, budi, "tiket 12", minutes=60)
    manager.post("/console/staf/budi/aktif/", {"active": "0"})
    session.refresh_from_db()
    assert session.closed_at is not None


def test_nobody_switches_off_themselves_or_the_last_manager(manager):
    page = manager.post("/console/staf/kepala/aktif/", {"active": "0"}, follow=True).content.decode()
    assert "akun Anda sendiri" in page
    with pytest.raises(ServiceError, match="satu-satunya"):
        staff.set_active("kepala", active=False)
    assert get_user_model().objects.get(username="kepala").is_active
