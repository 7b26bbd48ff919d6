"""The `desa` command put together from its groups: each group's subcommands parse and answer."""

import io

import pytest
from django.core.management import CommandError, call_command


def run(*args) -> str:
    out = io.StringIO()
    call_command("desa", *args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


@pytest.mark.django_db
def test_list_and_versions_show_both_desa():
    listing = run("list")
    assert "uji-a" in listing and "uji-b" in listing
    assert "uji-b.test" in listing
    versions = run("versions")
    assert "uji_a" in versions and "uji_b" in versions


@pytest.mark.django_db
def test_a_desa_that_does_not_exist_is_a_clear_error_not_a_traceback():
    with pytest.raises(CommandError, match="tidak ada"):
        run("admin-link", "tidak-ada")
    with pytest.raises(CommandError, match="--provinsi"):
        run("bulk")


@pytest.mark.django_db
def test_audit_shows_what_the_command_did():
    run("suspend", "uji-a", "--reason", "uji cli")
    run("resume", "uji-a")
    log = run("audit", "--slug", "uji-a", "--limit", "5")
    assert "uji-a" in log
    assert "uji-b" not in log


@pytest.mark.django_db
def test_bulk_writes_the_admin_link_sheet_as_csv_or_as_pdf(tmp_path, settings):
    settings.DESA_BULK_WORKERS = 1  # worker threads would not see this test's transaction
    offices = tmp_path / "kantor.csv"
    rows = "nama,jenis,kecamatan,slug\nPuskesmas Lembar,puskesmas,Jenu,puskesmas-lembar\n"
    offices.write_text(rows, encoding="utf-8")
    pattern = {"office_pattern": ["{slug}.tubankab.go.id"]}
    as_csv, as_pdf = tmp_path / "tautan.csv", tmp_path / "tautan.pdf"
    call_command("desa", "bulk", csv=str(offices), admin_sheet=str(as_csv), stdout=io.StringIO(), **pattern)
    call_command("desa", "bulk", csv=str(offices), admin_sheet=str(as_pdf), stdout=io.StringIO(), **pattern)
    assert "http://puskesmas-lembar.tubankab.go.id/admin/password_reset/" in as_csv.read_text(encoding="utf-8")
    pdf = as_pdf.read_bytes()
    assert pdf.startswith(b"%PDF-") and b"/URI (http://puskesmas-lembar.tubankab.go.id/admin/password_reset/" in pdf
