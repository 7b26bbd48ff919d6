"""A backup carries a desa's private files (attachments, signed letters): a restored desa still hands out and
verifies the letters it issued, and another desa's backup never brings them along."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from desa_platform.tenancy.services import backup
from desa_platform.tenancy.services.backup import files

from .test_surat import issue

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def in_own_folders(folders):
    """Every test here writes backups and media into its own temporary folder."""


def test_restore_brings_back_the_signed_letters_and_they_still_verify(client_a, client_b, desa_a, desa_b):
    permohonan, surat, data = issue(client_a)
    private_a = files.private_dir(desa_a.schema_name)
    assert any(p.is_file() for p in private_a.rglob("*"))
    path = backup.backup_desa(desa_a)
    b_backup = backup.backup_desa(desa_b)

    # The desa's private folder is lost (a disk replaced); the restore brings it back.
    for stored in [p for p in private_a.rglob("*") if p.is_file()]:
        stored.unlink()
    backup.restore(path, into=desa_a, confirm=desa_a.slug)

    url = f"/verifikasi/{surat.kode_verifikasi}/"
    page = client_a.post(url, {"berkas": SimpleUploadedFile("s.pdf", data, "application/pdf")})
    assert "<strong>SAH.</strong>" in page.text
    nik_digits = permohonan.nik[-4:]
    download = client_a.post(f"/layanan/status/{permohonan.kode}/unduh/", {"nik4": nik_digits})
    assert download.status_code == 200 and b"".join(download.streaming_content) == data

    # Desa B's backup holds none of A's private files, and B knows nothing of A's letter.
    backup.restore(b_backup, into=desa_b, confirm=desa_b.slug)
    assert not any(p.is_file() for p in files.private_dir(desa_b.schema_name).rglob("*"))
    assert client_b.get(url).status_code == 404
