from datetime import timedelta
from urllib.parse import urlsplit

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.utils import timezone
from django_tenants.utils import schema_context

from desa_platform.tenancy.models import AuditLog, SupportSession
from desa_platform.tenancy.services import lifecycle, support
from desa_platform.tenancy.services.errors import ServiceError


@pytest.fixture
def staff(db):
    return get_user_model().objects.create_user("budi", "budi@kominfo.test", is_staff=True)


def open_for(desa, staff, minutes=60):
    session, url = support.open_session(desa, staff, "Tiket #12: admin lupa cara unggah", minutes=minutes)
    parts = urlsplit(url)
    return session, parts.hostname, parts.path


@pytest.mark.django_db
def test_the_one_time_link_logs_in_a_marked_support_user_of_that_desa_only(desa_a, staff):
    session, host, path = open_for(desa_a, staff)
    assert host == "uji-a.test" and path.startswith("/admin/dukungan/")
    browser = Client(HTTP_HOST=host)
    response = browser.post(path)
    assert (response.status_code, response["Location"]) == (302, "/admin/")
    assert browser.get("/admin/").status_code == 200
    with schema_context(desa_a.schema_name):
        user = get_user_model().objects.get(username="diskominfo-budi")
        assert user.get_full_name() == "Diskominfo (akses dukungan: budi)"
        assert not user.has_usable_password()
        assert user.groups.filter(name=support.SUPPORT_GROUP).exists()
    assert AuditLog.objects.filter(action="support-enter", desa_slug="uji-a", actor="budi").exists()

    again = Client(HTTP_HOST=host).post(path)
    assert again.status_code == 403 and "hanya bisa dipakai sekali" in again.content.decode()


@pytest.mark.django_db
def test_a_link_for_one_desa_does_not_open_another(desa_a, desa_b, staff):
    _, _, path = open_for(desa_a, staff)
    response = Client(HTTP_HOST="uji-b.test").post(path)
    assert response.status_code == 403 and "untuk desa lain" in response.content.decode()
    with schema_context(desa_b.schema_name):
        assert not get_user_model().objects.filter(username="diskominfo-budi").exists()
    assert Client(HTTP_HOST="uji-a.test").get(path[:-5] + "xxxx/").status_code == 403
    # the real link used on the wrong desa is recorded; a forged one is not (tests/security/test_small_holes.py)
    assert AuditLog.objects.filter(action="support-denied").count() == 1


@pytest.mark.django_db
def test_the_session_ends_by_itself_and_when_closed_from_the_console(desa_a, staff):
    session, host, path = open_for(desa_a, staff)
    browser = Client(HTTP_HOST=host)
    browser.post(path)
    SupportSession.objects.filter(pk=session.pk).update(expires_at=timezone.now() - timedelta(seconds=1))
    response = browser.get("/admin/")
    assert response.status_code == 403 and "berakhir" in response.content.decode()
    assert browser.get("/admin/").status_code == 302, "logged out: back to the login page"
    assert AuditLog.objects.filter(action="support-expired").count() == 1

    session, host, path = open_for(desa_a, staff)
    browser = Client(HTTP_HOST=host)
    browser.post(path)
    support.close(session, staff)
    assert browser.get("/admin/").status_code == 403


@pytest.mark.django_db
def test_an_expired_link_is_refused_and_a_reason_is_required(desa_a, staff):
    session, host, path = open_for(desa_a, staff)
    SupportSession.objects.filter(pk=session.pk).update(expires_at=timezone.now() - timedelta(seconds=1))
    assert Client(HTTP_HOST=host).post(path).status_code == 403
    with pytest.raises(ServiceError, match="alasan"):
        support.open_session(desa_a, staff, "  ")
    with pytest.raises(ServiceError, match="1–240 menit"):
        support.open_session(desa_a, staff, "x", minutes=999)


@pytest.mark.django_db
def test_a_suspended_desa_admin_opens_only_to_a_support_session(desa_a, staff):
    lifecycle.suspend(desa_a)
    with schema_context(desa_a.schema_name):
        get_user_model().objects.create_superuser("admin-desa", "a@desa.test", "kata-sandi-panjang-1")
    desa_admin = Client(HTTP_HOST="uji-a.test")
    assert desa_admin.get("/admin/login/").status_code == 503
    assert (
        desa_admin.post("/admin/login/", {"username": "admin-desa", "password": "kata-sandi-panjang-1"}).status_code
        == 503
    )

    _, host, path = open_for(desa_a, staff)
    browser = Client(HTTP_HOST=host)
    assert browser.post(path).status_code == 302
    assert browser.get("/admin/").status_code == 200
    assert browser.get("/").status_code == 503, "the public site stays in maintenance"
