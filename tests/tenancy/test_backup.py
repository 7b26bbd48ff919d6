import io
import json
import zipfile

import pytest
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.db import connection
from django.test import Client
from django_tenants.utils import schema_context, schema_exists
from PIL import Image as PILImage
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import Page, Revision

from desa_platform.tenancy import template_schema
from desa_platform.tenancy.models import Desa
from desa_platform.tenancy.services import backup
from desa_platform.tenancy.services.errors import ServiceError


@pytest.fixture(autouse=True)
def in_own_folders(folders):
    """Every test here writes backups and media into its own temporary folder."""


def png() -> ImageFile:
    buffer = io.BytesIO()
    PILImage.new("RGB", (8, 6), "red").save(buffer, "PNG")
    return ImageFile(buffer, name="balai.png")


def fill(desa):
    """Content of every kind a desa has: a page with two revisions, an image, a document, a user."""
    with schema_context(desa.schema_name):
        home = Page.objects.get(depth=2)
        page = home.add_child(instance=Page(title="Kabar Panen", slug="kabar-panen"))
        page.save_revision().publish()
        page.title = "Kabar Panen Raya"
        page.save_revision().publish()
        image = Image.objects.create(title="Balai desa", file=png())
        document = Document.objects.create(title="Perdes", file=ContentFile(b"%PDF-1.4 isi", name="perdes.pdf"))
        get_user_model().objects.create_user("operator", "op@desa.test", "rahasia-panjang-1")
        return {"page": page.pk, "image": image.file.name, "document": document.file.name}


def contents(desa):
    with schema_context(desa.schema_name):
        page = Page.objects.filter(slug="kabar-panen").first()
        return {
            "title": page and page.title,
            "revisions": page and Revision.page_revisions.filter(object_id=str(page.pk)).count(),
            "images": list(Image.objects.values_list("title", flat=True)),
            "documents": list(Document.objects.values_list("title", flat=True)),
            "users": sorted(get_user_model().objects.values_list("username", flat=True)),
            "password_ok": get_user_model().objects.get(username="operator").check_password("rahasia-panjang-1")
            if get_user_model().objects.filter(username="operator").exists()
            else False,
        }


@pytest.mark.django_db
def test_round_trip_into_the_same_desa_keeps_pages_revisions_images_documents_and_users(desa_a, settings):
    files = fill(desa_a)
    before = contents(desa_a)
    path = backup.backup_desa(desa_a, actor="petugas")

    with schema_context(desa_a.schema_name):
        Page.objects.get(pk=files["page"]).delete()
        Image.objects.all().delete()
        Document.objects.all().delete()
        get_user_model().objects.filter(username="operator").delete()
    media = settings.MEDIA_ROOT / desa_a.schema_name
    for name in (files["image"], files["document"]):
        (media / name).unlink()

    backup.restore(path, into=desa_a, actor="petugas", confirm="uji-a")
    after = contents(desa_a)
    assert after == before
    assert after["title"] == "Kabar Panen Raya" and after["revisions"] == 2 and after["password_ok"]
    assert (media / files["image"]).read_bytes()[:4] == b"\x89PNG"
    assert (media / files["document"]).read_bytes() == b"%PDF-1.4 isi"
    assert b"http://uji-a.test/kabar-panen/" in Client(HTTP_HOST="uji-a.test").get("/sitemap.xml").content
    with schema_context(desa_a.schema_name):  # ids go on after the restored rows
        assert Page.objects.get(depth=2).add_child(instance=Page(title="Baru", slug="baru")).pk > files["page"]


@pytest.mark.django_db
def test_restore_as_a_new_desa_copies_everything_and_leaves_the_original_alone(desa_a, settings):
    fill(desa_a)
    path = backup.backup_desa(desa_a)
    copy = backup.restore(path, new_slug="uji-salinan", new_domain="uji-salinan.test")
    assert copy.schema_name == "uji_salinan" and copy.name == desa_a.name
    assert list(copy.domains.values_list("domain", "is_primary")) == [("uji-salinan.test", True)]
    assert contents(copy) == contents(desa_a)
    sitemap = Client(HTTP_HOST="uji-salinan.test").get("/sitemap.xml")
    assert b"http://uji-salinan.test/kabar-panen/" in sitemap.content
    image = contents(copy)["images"]
    assert image == ["Balai desa"]
    assert any((settings.MEDIA_ROOT / "uji_salinan").rglob("*.png"))


@pytest.mark.django_db
def test_restore_as_a_new_tenant_keeps_its_region_code_kind_and_kecamatan(desa_a):
    # The letters' kode_desa and the kecamatan's list of its offices come from these.
    Desa.objects.filter(pk=desa_a.pk).update(kind="kelurahan", kecamatan="Semanding", kode_wilayah="35.23.15.1006")
    desa_a.refresh_from_db()
    path = backup.backup_desa(desa_a)
    copy = backup.restore(path, new_slug="uji-karang", new_domain="uji-karang.test")
    assert (copy.kind, copy.kecamatan, copy.kode_wilayah) == ("kelurahan", "Semanding", "35.23.15.1006")
    assert Desa.objects.get(slug="uji-karang").kode_wilayah == "35.23.15.1006"

    # A backup made before the code was kept restores with no code (not refused as incomplete).
    rewrite_manifest(path, lambda manifest: manifest["desa"].pop("kode_wilayah"))
    older = backup.restore(path, new_slug="uji-lama", new_domain="uji-lama.test")
    assert (older.kind, older.kecamatan, older.kode_wilayah) == ("kelurahan", "Semanding", "")


@pytest.mark.django_db
def test_restore_into_a_desa_with_a_different_name_is_refused(desa_a, desa_b):
    path = backup.backup_desa(desa_a)
    with pytest.raises(ServiceError, match="milik desa 'uji-a', bukan 'uji-b'"):
        backup.restore(path, into=desa_b, confirm="uji-b")
    assert schema_exists("uji_b")


@pytest.mark.django_db
def test_restore_as_new_refuses_a_taken_slug_or_domain(desa_a):
    path = backup.backup_desa(desa_a)
    with pytest.raises(ServiceError, match="sudah dipakai"):
        backup.restore(path, new_slug="uji-b", new_domain="lain.test")
    with pytest.raises(ServiceError, match="sudah dipakai"):
        backup.restore(path, new_slug="uji-lain", new_domain="uji-b.test")
    assert not Desa.objects.filter(slug="uji-lain").exists()


def rewrite_manifest(path, change):
    """Change a backup as an honest older version of the platform would have written it (sealed again with
    our key); tests/security/test_backup_hostile.py covers files we did not seal."""
    from desa_platform.tenancy.services.backup import sealing

    plain = path.with_suffix(".plain")
    sealing.unseal(path, plain)
    with zipfile.ZipFile(plain) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    manifest = json.loads(members["manifest.json"])
    change(manifest)
    members["manifest.json"] = json.dumps(manifest).encode()
    with zipfile.ZipFile(plain, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    sealing.seal(plain, path)
    plain.unlink()


@pytest.mark.django_db
def test_a_backup_from_another_migration_state_is_refused_with_a_clear_message(desa_a):
    path = backup.backup_desa(desa_a)
    tenant_apps = template_schema.tenant_app_labels()  # only the desa's own apps are compared

    def drop_last_tenant_migration(manifest):
        manifest["migrations"].remove([row for row in manifest["migrations"] if row[0] in tenant_apps][-1])

    rewrite_manifest(path, drop_last_tenant_migration)
    with pytest.raises(ServiceError, match="versi skema yang berbeda.*1 migrasi belum ada"):
        backup.restore(path, into=desa_a, confirm="uji-a")


@pytest.mark.django_db
def test_a_file_that_is_not_a_backup_is_refused(tmp_path, desa_a):
    bad = tmp_path / "bukan.zip"
    bad.write_bytes(b"bukan zip")
    with pytest.raises(ServiceError, match="bukan cadangan"):
        backup.restore(bad, into=desa_a, confirm="uji-a")
    with pytest.raises(ServiceError, match="tidak sah"):
        backup.find_backup("../../etc/passwd")


@pytest.mark.django_db
def test_nightly_backup_of_all_keeps_the_newest_n_of_each(desa_a, desa_b):
    for _ in range(3):
        results = backup.backup_all(keep=2)
    assert {r.slug for r in results} == {"uji-a", "uji-b"} and not any(r.error for r in results)
    assert len(backup.list_backups("uji-a")) == 2
    assert len(backup.list_backups("uji-b")) == 2
    with pytest.raises(ServiceError, match="minimal 1"):
        backup.backup_all(keep=0)


@pytest.mark.django_db
def test_a_platform_migration_recorded_in_one_desa_does_not_block_its_restore(desa_a):
    # A platform (shared) app's migration shows up in some desa's migration table and not in others,
    # depending on when each was made or migrated; it changes nothing in the desa's own tables.
    with schema_context(desa_a.schema_name), connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO django_migrations (app, name, applied) VALUES ('tenancy', '9999_platform_only', now())"
        )
    path = backup.backup_desa(desa_a, actor="petugas")
    assert backup.restore(path, into=desa_a, actor="petugas", confirm="uji-a").slug == desa_a.slug
