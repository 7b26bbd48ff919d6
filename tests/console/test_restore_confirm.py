"""Hole 4 in the console: restoring into a live desa says what will be lost and asks for the slug."""

import pytest
from django_tenants.utils import schema_context

from desa_platform.tenancy.services import backup
from sites.kontak.models import Pesan


@pytest.mark.django_db
def test_the_console_asks_for_the_slug_and_says_what_will_be_lost(console, desa_a):
    name = backup.backup_desa(desa_a).name
    with schema_context(desa_a.schema_name):
        Pesan.objects.create(nama="Warga", jenis="pengaduan", pesan="Isi")
    asked = console.post("/console/desa/uji-a/pulihkan/", {"backup": name})
    assert asked.status_code == 200 and "1 pesan warga" in asked.text and "Ketik <code>uji-a</code>" in asked.text
    with schema_context(desa_a.schema_name):
        assert Pesan.objects.count() == 1  # nothing happened yet

    wrong = console.post("/console/desa/uji-a/pulihkan/", {"backup": name, "confirm": "uji-b"})
    assert "Ketik slug desa" in wrong.text
    done = console.post("/console/desa/uji-a/pulihkan/", {"backup": name, "confirm": "uji-a"})
    assert done.status_code == 302
    with schema_context(desa_a.schema_name):
        assert Pesan.objects.count() == 0
    assert len(backup.list_backups("uji-a")) == 2  # the safety backup
