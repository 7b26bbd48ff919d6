import pytest
from django.test import Client
from django_tenants.utils import schema_context
from wagtail.models import Site

from desa_platform.tenancy.services import domains
from desa_platform.tenancy.services.errors import ServiceError


@pytest.mark.django_db
def test_alias_redirects_permanently_to_the_primary(desa_a):
    domains.add_alias(desa_a, "WWW.Uji-A.test", actor="petugas")
    response = Client(HTTP_HOST="www.uji-a.test").get("/profil/?x=1")
    assert response.status_code == 301
    assert response["Location"] == "http://uji-a.test/profil/?x=1"


@pytest.mark.django_db
def test_a_domain_belongs_to_one_desa_only(desa_a, desa_b):
    with pytest.raises(ServiceError, match="sudah dipakai Desa Uji B"):
        domains.add_alias(desa_a, "www.uji-b.test")
    with pytest.raises(ServiceError, match="sudah dipakai desa ini"):
        domains.add_alias(desa_a, "uji-a.test")
    with pytest.raises(ServiceError, match="tidak sah"):
        domains.add_alias(desa_a, "bukan domain")
    with pytest.raises(ServiceError, match="domain platform"):
        domains.add_alias(desa_a, "localhost")
    assert list(desa_a.domains.values_list("domain", flat=True)) == ["uji-a.test"]


@pytest.mark.django_db
def test_changing_the_primary_turns_the_old_one_into_a_redirecting_alias(desa_a):
    domains.add_alias(desa_a, "uji-a.desa.id")
    domains.set_primary(desa_a, "uji-a.desa.id")
    sitemap = Client(HTTP_HOST="uji-a.desa.id").get("/sitemap.xml")
    assert sitemap.status_code == 200 and b"http://uji-a.desa.id/" in sitemap.content
    old = Client(HTTP_HOST="uji-a.test").get("/")
    assert (old.status_code, old["Location"]) == (301, "http://uji-a.desa.id/")
    with schema_context(desa_a.schema_name):
        assert Site.objects.get().hostname == "uji-a.desa.id"


@pytest.mark.django_db
def test_primary_cannot_be_removed_and_foreign_domains_cannot_be_touched(desa_a, desa_b):
    with pytest.raises(ServiceError, match="Domain utama tidak bisa dihapus"):
        domains.remove_alias(desa_a, "uji-a.test")
    with pytest.raises(ServiceError, match="bukan milik"):
        domains.remove_alias(desa_a, "www.uji-b.test")
    with pytest.raises(ServiceError, match="bukan milik"):
        domains.set_primary(desa_a, "uji-b.test")
    assert desa_b.domains.filter(domain="www.uji-b.test").exists()
    domains.add_alias(desa_a, "lama.uji-a.test")
    domains.remove_alias(desa_a, "lama.uji-a.test")
    assert Client(HTTP_HOST="lama.uji-a.test").get("/sitemap.xml").status_code == 404
