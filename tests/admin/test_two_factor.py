"""Optional TOTP for any desa user: turned on from the account page, asked for after login before any admin page."""

import pytest
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from .helpers import KEPALA_DESA, OPERATOR, PASSWORD, login, make_user

pytestmark = pytest.mark.django_db
SETUP = "/admin/akun/dua-langkah/"
VERIFY = "/admin/akun/dua-langkah/verifikasi/"


def code_for(device) -> str:
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


def password_login(client, username):
    response = client.post("/admin/login/", {"username": username, "password": PASSWORD})
    assert response.status_code == 302


def test_account_page_offers_two_step_verification(client_a):
    login(client_a, "operator", OPERATOR)
    response = client_a.get("/admin/account/")
    assert "Verifikasi dua langkah" in response.content.decode()
    assert SETUP in response.content.decode()


def test_enrolment_shows_a_qr_code_and_needs_a_correct_first_code(client_a):
    user = login(client_a, "operator", OPERATOR)
    assert "Aktifkan verifikasi dua langkah" in client_a.get(SETUP).content.decode()

    page = client_a.post(SETUP, {"action": "start"}).content.decode()
    assert "data:image/svg+xml" in page
    with client_a.schema():
        device = TOTPDevice.objects.get(user=user, confirmed=False)

    assert client_a.post(SETUP, {"token": code_for(device)}).status_code == 302
    with client_a.schema():
        assert TOTPDevice.objects.filter(user=user, confirmed=True).count() == 1
    assert client_a.get("/admin/").status_code == 200  # this session is already verified


def test_a_wrong_first_code_does_not_turn_it_on(client_a, settings):
    # The throttle waits 1 s after one wrong code; a loaded machine can take longer between two requests.
    settings.OTP_TOTP_THROTTLE_FACTOR = 60
    user = login(client_a, "operator", OPERATOR)
    client_a.post(SETUP, {"action": "start"})
    with client_a.schema():
        device = TOTPDevice.objects.get(user=user, confirmed=False)
    wrong = client_a.post(SETUP, {"token": "000000" if code_for(device) != "000000" else "111111"})
    assert "Kode salah" in wrong.content.decode()
    again = client_a.post(SETUP, {"token": code_for(device)})  # at once: the throttle says wait
    assert "Tunggu beberapa detik" in again.content.decode()
    with client_a.schema():
        assert not TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def test_after_login_no_admin_page_opens_before_the_code(client_a):
    user = make_user(client_a, "kades", KEPALA_DESA)
    with client_a.schema():
        device = TOTPDevice.objects.create(user=user, name="ponsel", confirmed=True)
    password_login(client_a, "kades")

    for path in ("/admin/", "/admin/pages/", "/admin/users/", SETUP):
        response = client_a.get(path)
        assert response.status_code == 302, path
        assert response["Location"].startswith(VERIFY)

    form = client_a.get(VERIFY)
    assert "Masukkan kode verifikasi" in form.content.decode()
    wrong = client_a.post(VERIFY, {"token": "12345", "next": "/admin/pages/"})
    assert "6 angka" in wrong.content.decode()
    assert client_a.get("/admin/").status_code == 302

    response = client_a.post(VERIFY, {"token": code_for(device), "next": "/admin/pages/"})
    assert response.status_code == 302 and response["Location"] == "/admin/pages/"
    assert client_a.get("/admin/").status_code == 200


def test_verify_never_redirects_to_another_site(client_a):
    user = make_user(client_a, "kades", KEPALA_DESA)
    with client_a.schema():
        device = TOTPDevice.objects.create(user=user, name="ponsel", confirmed=True)
    password_login(client_a, "kades")
    response = client_a.post(VERIFY, {"token": code_for(device), "next": "https://penipu.example/admin/"})
    assert response["Location"] == "/admin/"


def test_users_without_a_device_are_not_asked(client_a):
    make_user(client_a, "operator", OPERATOR)
    password_login(client_a, "operator")
    assert client_a.get("/admin/").status_code == 200


def test_turning_it_off_needs_a_current_code(client_a):
    user = login(client_a, "operator", OPERATOR)
    with client_a.schema():
        device = TOTPDevice.objects.create(user=user, name="ponsel", confirmed=True)
    client_a.post(VERIFY, {"token": code_for(device)})
    with client_a.schema():
        device.refresh_from_db()

    refused = client_a.post("/admin/akun/dua-langkah/matikan/", {"token": "99999x"})
    assert refused.status_code == 400
    with client_a.schema():
        assert TOTPDevice.objects.filter(user=user).exists()
    # the next time step's code (the one just used cannot be replayed)
    with client_a.schema():
        next_code = f"{totp(device.bin_key, step=device.step, t0=device.t0 - device.step, digits=device.digits):06d}"
    assert client_a.post("/admin/akun/dua-langkah/matikan/", {"token": next_code}).status_code == 302
    with client_a.schema():
        assert not TOTPDevice.objects.filter(user=user).exists()


def test_a_device_of_desa_a_means_nothing_on_desa_b(client_a, client_b):
    user_a = make_user(client_a, "operator", OPERATOR)
    make_user(client_b, "operator", OPERATOR)
    with client_a.schema():
        TOTPDevice.objects.create(user=user_a, name="ponsel", confirmed=True)
    with client_b.schema():
        assert not TOTPDevice.objects.exists()
    password_login(client_b, "operator")
    assert client_b.get("/admin/").status_code == 200
