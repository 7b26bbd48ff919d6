import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from wagtail.models import Page

from desa_platform.tenancy.services.provisioning import ensure_first_admin


@pytest.mark.django_db
def test_each_desa_serves_its_own_home_page(client_a, client_b):
    page_a, page_b = client_a.get("/"), client_b.get("/")
    assert page_a.status_code == page_b.status_code == 200
    assert "Desa Uji A" in page_a.text and "Desa Uji B" not in page_a.text
    assert "Desa Uji B" in page_b.text and "Desa Uji A" not in page_b.text


@pytest.mark.django_db
def test_a_page_made_in_one_desa_does_not_exist_in_the_other(client_a, client_b):
    with client_a.schema():
        Page.objects.get(depth=2).add_child(instance=Page(title="Rahasia A", slug="rahasia-a"))
    assert client_a.get("/rahasia-a/").status_code == 200
    assert client_b.get("/rahasia-a/").status_code == 404
    with client_b.schema():
        assert not Page.objects.filter(slug="rahasia-a").exists()


@pytest.mark.django_db
def test_users_of_one_desa_do_not_exist_in_the_other(client_a, client_b):
    User = get_user_model()
    with client_a.schema():
        User.objects.create_user("operator-a", password="x-very-long-1")
    with client_b.schema():
        assert not User.objects.filter(username="operator-a").exists()


@pytest.mark.django_db
def test_an_admin_session_from_desa_a_is_not_valid_on_desa_b(client_a, desa_a, desa_b):
    user, _ = ensure_first_admin(desa_a)
    with client_a.schema():
        client_a.force_login(user)
    assert client_a.get("/admin/").status_code == 200
    # Same browser cookie, other desa's host: that session does not exist there.
    response = client_a.get("/admin/", HTTP_HOST="uji-b.test")
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


@pytest.mark.django_db
def test_admin_login_on_one_desa_refuses_another_desas_user(client_a, client_b):
    with client_a.schema():
        get_user_model().objects.create_superuser("kades-a", password="kata-sandi-panjang-1")
    refused = client_b.post("/admin/login/", {"username": "kades-a", "password": "kata-sandi-panjang-1"})
    assert refused.status_code == 200 and "_auth_user_id" not in client_b.session
    accepted = client_a.post("/admin/login/", {"username": "kades-a", "password": "kata-sandi-panjang-1"})
    assert accepted.status_code == 302


@pytest.mark.django_db
def test_unknown_host_gets_a_friendly_404():
    response = Client(HTTP_HOST="tidak-terdaftar.test").get("/")
    assert response.status_code == 404
    assert "Situs tidak ditemukan" in response.text and "tidak-terdaftar.test" in response.text


@pytest.mark.django_db
def test_malformed_host_gets_400():
    assert Client(HTTP_HOST="bad host!").get("/").status_code == 400


@pytest.mark.django_db
def test_alias_redirects_permanently_to_the_primary_domain(desa_b):
    response = Client(HTTP_HOST="www.uji-b.test").get("/berita/?page=2")
    assert response.status_code == 301
    assert response["Location"] == "http://uji-b.test/berita/?page=2"


@pytest.mark.django_db
def test_suspended_desa_serves_maintenance_page_with_503(client_a, desa_a):
    desa_a.status = desa_a.Status.SUSPENDED
    desa_a.save()
    response = client_a.get("/")
    assert response.status_code == 503 and response["Retry-After"]
    assert "sedang dalam pemeliharaan" in response.text
    desa_a.status = desa_a.Status.ACTIVE
    desa_a.save()
    assert client_a.get("/").status_code == 200


@pytest.mark.django_db
def test_platform_domain_lists_the_desa(desa_a, desa_b):
    response = Client(HTTP_HOST="localhost").get("/")
    assert response.status_code == 200
    assert "Desa Uji A" in response.text and "http://uji-a.test/" in response.text
