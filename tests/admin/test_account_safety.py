"""Lockout per account and per IP (in each desa's own schema and on the console), password rules, sessions."""

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.test import Client
from django_tenants.utils import schema_context

from sites.desa_admin.security import client_ip

from .helpers import OPERATOR, PASSWORD, make_user

pytestmark = pytest.mark.django_db
LIMIT = settings.AXES_FAILURE_LIMIT


def try_login(client, username, password, ip="198.51.100.7"):
    return client.post("/admin/login/", {"username": username, "password": password}, REMOTE_ADDR=ip)


def test_failures_lock_the_account_for_that_address_only(client_a):
    """Hole 6: anyone failing five times with a desa admin's (public) name once locked the admin out."""
    make_user(client_a, "operator", OPERATOR)
    for _ in range(LIMIT - 1):
        assert try_login(client_a, "operator", "salah-tebak-1", ip="198.51.100.7").status_code == 200
    assert try_login(client_a, "operator", "salah-tebak-1", ip="198.51.100.7").status_code == 429
    response = try_login(client_a, "operator", PASSWORD, ip="198.51.100.7")  # the guesser stays locked
    assert response.status_code == 429 and "Terlalu banyak percobaan masuk" in response.content.decode()
    assert "_auth_user_id" not in client_a.session
    # the real operator, from their own address, gets in
    assert try_login(client_a, "operator", PASSWORD, ip="192.0.2.99").status_code == 302


def test_an_account_failed_from_many_addresses_is_slowed_down_not_locked(client_a, settings):
    make_user(client_a, "operator", OPERATOR)
    for attempt in range(settings.THROTTLE_ACCOUNT_AFTER):
        try_login(client_a, "operator", "salah-tebak-1", ip=f"198.51.100.{attempt + 1}")
    waiting = try_login(client_a, "operator", PASSWORD, ip="192.0.2.99")
    assert waiting.status_code == 429 and "coba lagi dalam" in waiting.content.decode()
    assert 1 <= int(waiting["Retry-After"]) <= settings.THROTTLE_MAX_WAIT
    assert "Akun Anda tidak dikunci" in waiting.content.decode()


def test_an_address_failing_on_many_accounts_is_slowed_down_late_for_carrier_nat(client_a, settings):
    make_user(client_a, "operator", OPERATOR)
    for attempt in range(LIMIT):  # a few residents behind one carrier address mistyping: nothing happens
        try_login(client_a, f"tebakan{attempt}", "salah-tebak-1", ip="203.0.113.9")
    assert try_login(client_a, "operator", PASSWORD, ip="203.0.113.9").status_code == 302
    client_a.logout()
    for attempt in range(settings.THROTTLE_ADDRESS_AFTER):
        try_login(client_a, f"lain{attempt}", "salah-tebak-1", ip="203.0.113.9")
    assert try_login(client_a, "operator", PASSWORD, ip="203.0.113.9").status_code == 429
    assert try_login(client_a, "operator", PASSWORD, ip="203.0.113.10").status_code == 302


def test_a_good_login_below_the_limit_clears_the_count(client_a):
    make_user(client_a, "operator", OPERATOR)
    for _ in range(LIMIT - 1):
        try_login(client_a, "operator", "salah-tebak-1")
    assert try_login(client_a, "operator", PASSWORD).status_code == 302
    with client_a.schema():
        assert not AccessAttempt.objects.filter(username="operator", failures_since_start__gt=0).exists()


def test_failures_are_counted_in_the_desa_schema_only(client_a, client_b):
    make_user(client_a, "operator", OPERATOR)
    make_user(client_b, "operator", OPERATOR)
    for _ in range(LIMIT):
        try_login(client_a, "operator", "salah-tebak-1")
    assert try_login(client_a, "operator", PASSWORD).status_code == 429
    # same username and address on another desa: a different person, a different count
    assert try_login(client_b, "operator", PASSWORD).status_code == 302
    with client_b.schema():
        assert not AccessAttempt.objects.exists()
    with schema_context("public"):
        assert not AccessAttempt.objects.filter(username="operator").exists()


def test_console_login_is_locked_too(db):
    with schema_context("public"):
        get_user_model().objects.create_user("staf", password=PASSWORD, is_staff=True)
    console = Client(HTTP_HOST="localhost")
    for _ in range(LIMIT):
        console.post("/console/login/", {"username": "staf", "password": "salah-tebak-1"}, REMOTE_ADDR="192.0.2.1")
    response = console.post("/console/login/", {"username": "staf", "password": PASSWORD}, REMOTE_ADDR="192.0.2.1")
    assert response.status_code == 429


def test_a_user_of_desa_a_cannot_log_in_on_desa_b(client_a, client_b):
    make_user(client_a, "operator-a", OPERATOR)
    response = try_login(client_b, "operator-a", PASSWORD)
    assert response.status_code == 200  # the login form again, with its error
    assert "_auth_user_id" not in client_b.session
    assert client_b.get("/admin/").status_code == 302


def test_a_session_of_desa_a_is_worthless_on_desa_b(client_a, client_b):
    assert try_login(client_a, make_user(client_a, "operator-a", OPERATOR).username, PASSWORD).status_code == 302
    client_b.cookies = client_a.cookies  # the same browser carrying desa A's session cookie to desa B
    response = client_b.get("/admin/")
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_admin_session_ends_with_the_browser_and_after_eight_hours(client_a):
    make_user(client_a, "operator", OPERATOR)
    try_login(client_a, "operator", PASSWORD)
    cookie = client_a.cookies[settings.SESSION_COOKIE_NAME]
    assert cookie["expires"] == "" and cookie["max-age"] == ""  # a browser-session cookie
    with client_a.schema():
        assert client_a.session.get_expiry_age() == 8 * 60 * 60


@pytest.mark.parametrize("password", ["desatuban", "1234567890123", "password12", "bismillahdesa", "operator2025x"])
def test_weak_passwords_are_refused(password):
    user = get_user_model()(username="operator", first_name="Operator")
    with pytest.raises(ValidationError):
        validate_password(password, user)


def test_a_long_mixed_password_is_accepted():
    validate_password("Jagung-Manis-2025", get_user_model()(username="operator"))


class FakeRequest:
    def __init__(self, remote, forwarded=""):
        self.META = {"REMOTE_ADDR": remote, "HTTP_X_FORWARDED_FOR": forwarded}


def test_client_address_behind_our_nginx_is_the_one_nginx_appended():
    assert client_ip(FakeRequest("127.0.0.1", "10.9.9.9, 198.51.100.20")) == "198.51.100.20"


def test_a_forged_forwarded_header_from_outside_is_ignored():
    assert client_ip(FakeRequest("198.51.100.20", "127.0.0.1")) == "198.51.100.20"
