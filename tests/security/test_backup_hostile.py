"""Holes 1 and 3: a backup is hostile input when it comes back, and it never carries live logins."""

import os
import stat
import zipfile

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django_tenants.utils import schema_context

from desa_platform.tenancy.services import backup
from desa_platform.tenancy.services.errors import ServiceError

from .backup_helpers import change_manifest, reseal, unsealed_members, write_zip

INJECTION = 'id") FROM STDIN; CREATE TABLE public.dibobol (x int); COPY "kontak_pesan" ("id'


def pwned() -> bool:
    with connection.cursor() as cursor:
        cursor.execute("SELECT to_regclass('public.dibobol') IS NOT NULL")
        return cursor.fetchone()[0]


def inject(manifest):
    manifest["tables"]["kontak_pesan"] = [INJECTION] + manifest["tables"]["kontak_pesan"][1:]


@pytest.mark.django_db
def test_an_uploaded_zip_we_did_not_seal_is_refused_before_any_sql(folders, desa_a):
    members = unsealed_members(backup.backup_desa(desa_a))
    crafted = folders / "serangan.zip"
    write_zip(crafted, change_manifest(members, inject))  # what a console account could upload before
    with pytest.raises(ServiceError, match="bukan cadangan Desa Digital"):
        backup.restore(crafted, new_slug="uji-serangan", new_domain="serangan.test")
    assert not pwned()


@pytest.mark.django_db
def test_a_tampered_byte_breaks_the_seal(folders, desa_a):
    path = backup.backup_desa(desa_a)
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 1
    path.write_bytes(bytes(data))
    with pytest.raises(ServiceError, match="Segel cadangan tidak cocok"):
        backup.restore(path, new_slug="uji-ubah", new_domain="ubah.test")


@pytest.mark.django_db
@pytest.mark.parametrize(
    "change, message",
    [
        (inject, "kolom tabel 'kontak_pesan' tidak sama"),
        (lambda m: m["tables"].update({'x"; DROP SCHEMA public; --': ["id"]}), "tabel yang tidak dikenal"),
        (lambda m: m["tables"].update({"django_session": ["session_key", "session_data"]}), "tidak boleh"),
        (lambda m: m["desa"].update({"kind": "x'; DROP TABLE tenancy_desa; --"}), "jenis"),
        (lambda m: m["desa"].update({"theme": "../../etc"}), "tema"),
        (lambda m: m["sequences"].update({"kontak_pesan.id": "1; DROP"}), "urutan"),
    ],
)
def test_a_sealed_backup_with_a_manifest_we_never_write_is_refused(folders, desa_a, change, message):
    path = backup.backup_desa(desa_a)
    reseal(path, change_manifest(unsealed_members(path), change))
    with pytest.raises(ServiceError, match=message):
        backup.restore(path, new_slug="uji-tolak", new_domain="tolak.test")
    assert not pwned()


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["media/../../../tmp/jahat.txt", "media//etc/passwd", "lain/berkas.txt"])
def test_member_paths_outside_what_we_write_are_refused(folders, desa_a, name):
    path = backup.backup_desa(desa_a)
    reseal(path, {**unsealed_members(path), name: b"isi"})
    with pytest.raises(ServiceError, match="tidak aman|tidak dikenal"):
        backup.restore(path, new_slug="uji-jalur", new_domain="jalur.test")
    assert not (folders / "tmp" / "jahat.txt").exists()


@pytest.mark.django_db
def test_size_caps_are_enforced(folders, desa_a, settings):
    path = backup.backup_desa(desa_a)
    settings.DESA_BACKUP_MAX_UNPACKED_BYTES = 1000
    with pytest.raises(ServiceError, match="terlalu besar"):
        backup.restore(path, new_slug="uji-besar", new_domain="besar.test")
    settings.DESA_BACKUP_MAX_BYTES = 100
    with pytest.raises(ServiceError, match="terlalu besar"):
        backup.restore(path, new_slug="uji-besar", new_domain="besar.test")


@pytest.mark.django_db
def test_a_backup_made_with_another_key_is_refused(folders, desa_a, settings):
    path = backup.backup_desa(desa_a)
    settings.DESA_BACKUP_KEY = "kunci-kabupaten-lain-" + "x" * 30
    with pytest.raises(ServiceError, match="kunci lain"):
        backup.restore(path, new_slug="uji-kunci", new_domain="kunci.test")


@pytest.mark.django_db
def test_backups_hold_no_sessions_are_private_and_encrypted(folders, client_a, desa_a):
    with client_a.schema():
        admin = get_user_model().objects.create_superuser("kades", "kades@uji-a.test", "Rahasia-12345")
        client_a.force_login(admin)
    assert client_a.get("/admin/").status_code == 200

    path = backup.backup_desa(desa_a)
    members = unsealed_members(path)
    assert "data/django_session.copy" not in members
    assert not any(name.startswith("data/axes_") for name in members)
    assert b"kades@uji-a.test" in members["data/auth_user.copy"]  # the users themselves are kept
    raw = path.read_bytes()
    assert not zipfile.is_zipfile(path) and b"kades@uji-a.test" not in raw and b"auth_user" not in raw
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    assert stat.S_IMODE(os.stat(path.parent).st_mode) == 0o700

    backup.restore(path, into=desa_a, confirm="uji-a")
    with schema_context(desa_a.schema_name), connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM django_session")
        assert cursor.fetchone()[0] == 0
    assert client_a.get("/admin/").status_code == 302  # the old session cookie opens nothing
