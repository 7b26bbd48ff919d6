import csv
import datetime
import html
import io

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.test import Client
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_tenants.utils import schema_context

from desa_platform.outbox.sender import send_due
from desa_platform.tenancy.models import AuditLog, BulkJob, Desa

from .helpers import PASSWORD, current_code


@pytest.mark.django_db
def test_the_console_needs_a_staff_password_and_a_totp_code(staff):
    browser = Client(HTTP_HOST="localhost")
    response = browser.get("/console/")
    assert response.status_code == 302 and response["Location"].startswith("/console/login/")
    page = browser.get("/console/login/").content.decode()
    assert "Masuk ke Konsol Diskominfo" in page and 'lang="id"' in page

    wrong = browser.post("/console/login/", {"username": "budi", "password": "salah"})
    assert "Nama pengguna atau kata sandi salah" in wrong.content.decode()
    assert browser.post("/console/login/", {"username": "budi", "password": PASSWORD})["Location"] == "/console/otp/"
    assert browser.get("/console/")["Location"] == "/console/otp/", "password alone is not enough"
    assert "Kode salah" in browser.post("/console/otp/", {"token": "000000"}).content.decode()
    device = TOTPDevice.objects.get(user=staff)
    device.throttle_reset()  # a wrong code makes django-otp wait before the next try
    assert browser.post("/console/otp/", {"token": current_code(device)})["Location"] == "/console/"
    assert browser.get("/console/").status_code == 200
    assert AuditLog.objects.filter(actor="budi", action="login").exists()


@pytest.mark.django_db
def test_first_sign_in_enrols_totp_with_a_server_side_qr_code(db):
    get_user_model().objects.create_user("sari", "", PASSWORD, is_staff=True)
    browser = Client(HTTP_HOST="localhost")
    assert (
        browser.post("/console/login/", {"username": "sari", "password": PASSWORD})["Location"]
        == "/console/otp/daftar/"
    )
    page = browser.get("/console/otp/daftar/").content.decode()
    assert "<svg" in page and "otpauth://totp/" in page and "<script" not in page
    device = TOTPDevice.objects.get(user__username="sari", confirmed=False)
    assert browser.post("/console/otp/daftar/", {"token": current_code(device)})["Location"] == "/console/"
    device.refresh_from_db()
    assert device.confirmed


@pytest.mark.django_db
def test_a_desa_admin_or_non_staff_account_cannot_enter(desa_a):
    with schema_context(desa_a.schema_name):
        get_user_model().objects.create_superuser("admin", "a@desa.test", PASSWORD)
    get_user_model().objects.create_user("warga", "", PASSWORD)
    browser = Client(HTTP_HOST="localhost")
    for username in ("admin", "warga"):
        response = browser.post("/console/login/", {"username": username, "password": PASSWORD})
        assert response.status_code == 200 and "bukan akun staf" in response.content.decode()


@pytest.mark.django_db
def test_tenant_list_shows_facts_filters_and_exports_csv(console, desa_a, desa_b):
    Desa.objects.filter(pk=desa_b.pk).update(status="suspended")
    page = console.get("/console/").content.decode()
    assert "Desa Uji A" in page and "Desa Uji B" in page and "uji-b.test" in page
    assert "perlu perhatian" in page and "mutakhir" in page
    suspended = console.get("/console/?status=suspended").content.decode()
    assert "Desa Uji B" in suspended and "Desa Uji A" not in suspended
    assert "Desa Uji A" not in console.get("/console/?q=uji-b").content.decode()

    export = console.get("/console/ekspor.csv?status=suspended")
    rows = list(csv.reader(io.StringIO(export.content.decode("utf-8-sig"))))
    assert rows[0][:3] == ["slug", "nama", "jenis"]
    assert [r[0] for r in rows[1:]] == ["uji-b"]
    assert rows[1][6] == "Ditangguhkan"


@pytest.mark.django_db
def test_create_shows_the_first_admin_link_once_and_emails_it(console):
    form = {
        "name": "Temaji",
        "slug": "temaji",
        "kind": "desa",
        "kecamatan": "Jenu",
        "kabupaten": "Tuban",
        "provinsi": "Jawa Timur",
        "kode_pos": "62352",
        "domain": "temaji.desa.id",
        "aliases": "www.temaji.desa.id",
        "theme": "",
        "admin_name": "Siti Aminah",
        "admin_email": "siti@temaji.test",
    }
    page = console.post("/console/baru/", form).content.decode()
    assert "Desa Temaji sudah dibuat" in page and "http://temaji.desa.id/admin/password_reset/confirm/" in page
    send_due()
    assert mail.outbox[0].to == ["siti@temaji.test"] and "temaji.desa.id/admin/password_reset" in mail.outbox[0].body
    desa = Desa.objects.get(slug="temaji")
    with schema_context(desa.schema_name):
        admin = get_user_model().objects.get(username="admin")
        assert (admin.get_full_name(), admin.has_usable_password()) == ("Siti Aminah", False)
    assert AuditLog.objects.filter(actor="budi", action="create", desa_slug="temaji").exists()

    again = console.post("/console/baru/", {**form, "slug": "temaji-2"}).content.decode()
    assert "sudah dipakai desa lain" in again


@pytest.mark.django_db
def test_suspend_and_resume_from_the_detail_page(console, desa_a):
    console.post("/console/desa/uji-a/tangguhkan/", {"reason": "uji"})
    assert Client(HTTP_HOST="uji-a.test").get("/").status_code == 503
    assert "Ditangguhkan" in console.get("/console/desa/uji-a/").content.decode()
    console.post("/console/desa/uji-a/aktifkan/")
    assert Client(HTTP_HOST="uji-a.test").get("/sitemap.xml").status_code == 200
    actions = list(AuditLog.objects.filter(desa_slug="uji-a", actor="budi").values_list("action", flat=True))
    assert actions[:2] == ["resume", "suspend"]
    assert "Mengaktifkan kembali" in console.get("/console/audit/").content.decode()


@pytest.mark.django_db
def test_backup_download_and_delete_with_typed_slug(console, desa_a):
    console.post("/console/desa/uji-a/cadangkan/")
    name = next(n for n in console.get("/console/cadangan/").content.decode().split('"') if n.endswith(".zip"))
    name = name.rsplit("/", 1)[-1]
    download = console.get(f"/console/cadangan/{name}")
    assert download.status_code == 200 and download["Content-Type"] == "application/zip"
    assert console.get("/console/cadangan/..%2F..%2Fsecret.zip").status_code == 404
    assert console.get("/console/desa/tidak-ada/").status_code == 404

    wrong = console.post("/console/desa/uji-a/hapus/", {"confirm": "uji"})
    assert "Ketik slug 'uji-a'" in html.unescape(wrong.content.decode()) and Desa.objects.filter(slug="uji-a").exists()
    assert console.post("/console/desa/uji-a/hapus/", {"confirm": "uji-a"})["Location"] == "/console/"
    assert not Desa.objects.filter(slug="uji-a").exists()


@pytest.mark.django_db
def test_bulk_csv_with_an_error_creates_nothing_and_a_valid_one_runs_as_a_job(console, desa_a):
    bad = SimpleUploadedFile("desa.csv", b"nama,kode_pos\nMentoso,62352\nRemen,12\n")
    page = console.post("/console/massal/csv/", {"file": bad, "domain_patterns": "{slug}.desa.id"}).content.decode()
    assert "Baris 3" in page and "tidak ada desa yang dibuat" in page
    assert not Desa.objects.filter(slug="mentoso").exists()

    good = SimpleUploadedFile("desa.csv", b"nama,kecamatan,kode_pos\nMentoso,Jenu,62352\n")
    response = console.post("/console/massal/csv/", {"file": good, "domain_patterns": "{slug}.desa.id"})
    job_page = console.get(response["Location"]).content.decode()
    assert "1</strong> dibuat" in job_page and 'http-equiv="refresh"' not in job_page
    assert Desa.objects.get(slug="mentoso").domains.get().domain == "mentoso.desa.id"
    assert 'value="pdf"' in job_page  # the admin-link sheet also as a PDF to print
    sheet = console.post(response["Location"] + "tautan-admin/", {"format": "pdf"})
    assert sheet["Content-Type"] == "application/pdf" and sheet.content.startswith(b"%PDF-")
    assert sheet["Content-Disposition"].endswith('.pdf"') and sheet["Cache-Control"] == "no-store"
    assert b"/URI (http://mentoso.desa.id" in sheet.content  # its one-time link, clickable


@pytest.mark.django_db
def test_bulk_region_preview_counts_what_is_new(console):
    page = console.post(
        "/console/massal/",
        {
            "provinsi": "Jawa Timur",
            "kabupaten": "Tuban",
            "domain_patterns": "{slug}.desa.id",
            "repeat_pattern": "{nama}-{kecamatan}",
            "pratinjau": "1",
        },
    ).content.decode()
    assert "<strong>328</strong> situs dalam rencana" in page


@pytest.mark.django_db
def test_support_link_is_shown_once_and_works_on_the_desa_domain(console, desa_a):
    page = console.post("/console/desa/uji-a/dukungan/", {"reason": "Tiket 7", "minutes": "30"}).content.decode()
    link = page.split('class="link-once">')[1].split("<")[0]
    assert link.startswith("http://uji-a.test/admin/dukungan/")
    assert link not in console.get("/console/desa/uji-a/").content.decode()
    browser = Client(HTTP_HOST="uji-a.test")
    path = link.replace("http://uji-a.test", "")
    for _ in range(2):  # a chat app's link preview, then the person: opening the link spends nothing
        opened = browser.get(path)
        assert opened.status_code == 200 and "Masuk sebagai dukungan Diskominfo" in opened.content.decode()
    assert "/admin/login/" in browser.get("/admin/")["Location"]  # not signed in by merely opening it
    assert browser.post(path)["Location"] == "/admin/"
    assert "aktif" in console.get("/console/desa/uji-a/").content.decode()
    assert "sekali" in browser.post(path).content.decode()  # the token is spent now


@pytest.mark.django_db
def test_versions_page_shows_every_desa(console, desa_a, desa_b):
    page = console.get("/console/versi/").content.decode()
    assert "uji_a" in page and "uji_b" in page and "mutakhir" in page


@pytest.mark.django_db
def test_the_list_reads_the_summary_rows_and_recounts_them_on_request(console, desa_a):
    from django_tenants.utils import schema_context as in_schema
    from wagtail.models import Page

    from desa_platform.monitoring.models import TenantActivity

    TenantActivity.objects.filter(desa=desa_a).delete()
    Desa.objects.filter(pk=desa_a.pk).update(created=timezone.now() - datetime.timedelta(days=10))
    with in_schema(desa_a.schema_name):  # a change the signals did not see (made straight in the database)
        Page.objects.filter(depth=2).update(last_published_at=timezone.now() - datetime.timedelta(days=2))
    assert "Belum mulai: 2" in console.get("/console/").content.decode(), "the list reads no desa's schema"
    assert console.post("/console/hitung-ulang/")["Location"] == "/console/"
    page = console.get("/console/?q=uji-a").content.decode()
    assert '<span class="badge ok">Aktif</span>' in page


def stalled_job(minutes_silent: int) -> BulkJob:
    spec = {"slug": "mentoso", "name": "Mentoso", "domains": ["mentoso.desa.id"], "kecamatan": "Jenu"}
    job = BulkJob.objects.create(actor="budi", title="Berkas desa.csv", total=1, done=1, specs=[spec], state="running")
    BulkJob.objects.filter(pk=job.pk).update(updated_at=timezone.now() - datetime.timedelta(minutes=minutes_silent))
    return job


def test_a_bulk_job_cut_off_by_a_restart_is_shown_and_can_be_run_again(console):
    job = stalled_job(minutes_silent=10)
    page = console.get(f"/console/massal/{job.pk}/").content.decode()
    assert "Terhenti" in page and "Jalankan lagi" in page and 'http-equiv="refresh"' not in page

    console.post(f"/console/massal/{job.pk}/")
    job.refresh_from_db()
    assert job.state == BulkJob.State.DONE and job.created_count == 1 and job.done == job.total
    assert console.post(f"/console/massal/{job.pk}/", follow=True).status_code == 200  # a second click
    assert (
        BulkJob.objects.get(pk=job.pk).done == job.total and AuditLog.objects.filter(action="bulk-resume").count() == 1
    )
    assert Desa.objects.get(slug="mentoso").domains.get().domain == "mentoso.desa.id"
    assert AuditLog.objects.filter(action="bulk-resume", actor="budi").exists()


def test_a_bulk_job_still_moving_is_not_run_twice(console):
    job = stalled_job(minutes_silent=0)
    page = console.post(f"/console/massal/{job.pk}/", follow=True).content.decode()
    assert "masih berjalan" in page
    job.refresh_from_db()
    assert job.state == BulkJob.State.RUNNING and not Desa.objects.filter(slug="mentoso").exists()


def test_the_command_the_console_launches_runs_the_job(db):
    job = stalled_job(minutes_silent=0)
    call_command("desa", "run-job", str(job.pk), stdout=io.StringIO())
    job.refresh_from_db()
    assert job.state == BulkJob.State.DONE and Desa.objects.filter(slug="mentoso").exists()


@pytest.mark.django_db
def test_theme_chosen_in_the_console_reaches_that_desa_only(console, desa_a, desa_b):
    console.post("/console/desa/uji-a/tema/", {"theme": "hijau"})
    assert "themes/hijau/css/site" in Client(HTTP_HOST="uji-a.test").get("/").content.decode()
    assert "themes/hijau/" not in Client(HTTP_HOST="uji-b.test").get("/").content.decode()
    assert AuditLog.objects.filter(desa_slug="uji-a", actor="budi", action="tema").exists()

    page = console.post("/console/desa/uji-a/tema/", {"theme": "../../rahasia"}, follow=True).content.decode()
    assert "tidak tersedia" in page
    assert Desa.objects.get(slug="uji-a").theme == "hijau"


@pytest.mark.django_db
def test_theme_command_changes_several_desa_and_refuses_an_unknown_theme(desa_a, desa_b):
    call_command("desa", "theme", "modern", "uji-a", "uji-b", stdout=io.StringIO())
    assert set(Desa.objects.filter(slug__in=["uji-a", "uji-b"]).values_list("theme", flat=True)) == {"modern"}
    with pytest.raises(CommandError, match="tidak tersedia"):
        call_command("desa", "theme", "ungu", "uji-a", stdout=io.StringIO())
