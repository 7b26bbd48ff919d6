import pytest
from django_tenants.utils import schema_exists

from desa_platform.tenancy.models import AuditLog, Desa
from desa_platform.tenancy.services import backup, lifecycle
from desa_platform.tenancy.services.errors import ServiceError


@pytest.fixture(autouse=True)
def in_own_folders(folders):
    """Every test here writes backups and media into its own temporary folder."""


@pytest.mark.django_db
def test_suspended_desa_shows_maintenance_on_every_public_url_and_resume_restores_it(desa_a, client_a, client_b):
    lifecycle.suspend(desa_a, actor="petugas", reason="uji")
    for path in ("/", "/berita/", "/tidak-ada/", "/admin/", "/admin/login/"):
        response = client_a.get(path)
        assert response.status_code == 503, path
        assert response["Retry-After"] == "3600"
        assert "sedang dalam pemeliharaan" in response.content.decode()
    # (sitemap.xml: a page of Wagtail's own, so this test does not depend on the themes)
    assert client_b.get("/sitemap.xml").status_code == 200, "the other desa keeps serving"

    lifecycle.resume(Desa.objects.get(pk=desa_a.pk), actor="petugas")
    assert client_a.get("/sitemap.xml").status_code == 200
    assert list(AuditLog.objects.filter(desa_slug="uji-a").values_list("action", flat=True)[:2]) == [
        "resume",
        "suspend",
    ]


@pytest.mark.django_db
def test_suspend_twice_and_resume_of_active_desa_are_refused(desa_a):
    with pytest.raises(ServiceError, match="tidak sedang ditangguhkan"):
        lifecycle.resume(desa_a)
    lifecycle.suspend(desa_a)
    with pytest.raises(ServiceError, match="sudah ditangguhkan"):
        lifecycle.suspend(desa_a)


@pytest.mark.django_db
def test_delete_needs_the_slug_typed_and_always_leaves_a_backup(desa_a, desa_b):
    with pytest.raises(ServiceError, match="Ketik slug 'uji-a'"):
        lifecycle.delete(desa_a, "uji-b")
    assert Desa.objects.filter(slug="uji-a").exists() and schema_exists("uji_a")

    path = lifecycle.delete(desa_a, "uji-a", actor="petugas")
    assert not Desa.objects.filter(slug="uji-a").exists()
    assert not schema_exists("uji_a")
    assert backup.read_manifest(path)["desa"]["slug"] == "uji-a"
    assert schema_exists("uji_b"), "the other desa is untouched"
    assert AuditLog.objects.filter(action="delete", desa_slug="uji-a", actor="petugas").exists()
