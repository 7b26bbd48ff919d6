"""The console's monitoring screens: the list with states, rules, sorting, filters and exports; guidance and
read receipts; a desa's timeline; the indicator report (HTML, CSV, PDF, two periods); the judol findings."""

import csv
import io
from datetime import timedelta

import pytest
from django.utils import timezone
from openpyxl import load_workbook

from desa_platform.monitoring import guidance
from desa_platform.monitoring.judol import scanner
from desa_platform.monitoring.models import DailyVisits, ScanFinding, TenantActivity
from desa_platform.tenancy.models import Desa
from tests.monitoring.test_judol import plant

pytestmark = pytest.mark.django_db


def activity(desa, **values):
    TenantActivity.objects.update_or_create(desa=desa, defaults=values)


def test_the_list_shows_states_with_their_rules_sorts_and_filters(console, desa_a, desa_b):
    now = timezone.now()
    activity(desa_a, last_publish_at=now - timedelta(days=120), last_login_at=now - timedelta(days=100))
    activity(
        desa_b, last_publish_at=now - timedelta(days=3), messages_waiting=2, oldest_message_at=now - timedelta(days=9)
    )
    page = console.get("/console/").content.decode()
    assert "menerbitkan sesuatu dalam 30 hari terakhir" in page and "Tidur" in page and "Aktif" in page
    assert "tidak menerbitkan apa pun 120 hari" in page and "2 pesan warga menunggu, tertua 9 hari" in page
    assert page.count('<option value="Jenu"') == 1, "each kecamatan once, not once per desa"
    assert "(2 situs, 2 perlu perhatian)" in page

    newest_first = console.get("/console/?urut=-terbit").content.decode()
    assert newest_first.index("Desa Uji B") < newest_first.index("Desa Uji A")
    oldest_first = console.get("/console/?urut=terbit").content.decode()
    assert oldest_first.index("Desa Uji A") < oldest_first.index("Desa Uji B")
    tidur = console.get("/console/?keadaan=tidur").content.decode()
    assert "Desa Uji A" in tidur and "Desa Uji B" not in tidur
    assert console.get("/console/?urut=%27;drop&keadaan=<x>").status_code == 200

    xlsx = console.get("/console/ekspor.xlsx?urut=nama")
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    rows = list(sheet.values)
    assert rows[0][:3] == ("slug", "nama", "jenis") and [r[0] for r in rows[1:]] == ["uji-a", "uji-b"]
    assert rows[1][7] == "Tidur" and rows[2][12] == 2
    exported = list(
        csv.reader(io.StringIO(console.get("/console/ekspor.csv?keadaan=aktif").content.decode("utf-8-sig")))
    )
    assert [r[0] for r in exported[1:]] == ["uji-b"] and "keadaan" in exported[0]


def test_guidance_from_the_console_and_who_read_it(console, desa_a, desa_b):
    response = console.post(
        "/console/bimbingan/",
        {"sasaran": "kecamatan", "kecamatan": "Jenu", "judul": "Rapat operator", "isi": "Hadir Senin jam 9."},
    )
    assert response.status_code == 302
    sent = guidance.sent()[0]
    delivery = sent.deliveries.get(desa=desa_a)
    guidance.mark_read(desa_a, delivery.pk, "operator-a")
    detail = console.get(response["Location"]).content.decode()
    assert "Sudah dibaca 1 dari 2 desa" in detail and "oleh operator-a" in detail and "belum dibaca" in detail

    kept = console.post(
        "/console/bimbingan/", {"sasaran": "desa", "desa": "tidak-ada", "judul": "Hai", "isi": "Isi panjang"}
    )
    page = kept.content.decode()
    assert kept.status_code == 200 and "Tidak ada desa aktif" in page and "Isi panjang" in page, "nothing typed is lost"

    timeline = console.get(f"/console/desa/{desa_a.slug}/linimasa/").content.decode()
    assert "Pesan dari budi: Rapat operator" in timeline and "Pesan dibaca" in timeline and "<svg" in timeline


def test_indicator_report_prints_and_downloads_for_two_periods(console, desa_a):
    page = console.get("/console/indikator/?periode=2026-2&banding=2026-1").content.decode()
    assert "Semester II 2026" in page and "Semester I 2026" in page
    assert "Pesan warga yang ditanggapi" in page and "aplikasi surat daring belum terpasang" in page
    assert "@media print" in page
    report = console.get("/console/indikator/?periode=2026-2&banding=2026-1&format=csv")
    rows = list(csv.reader(io.StringIO(report.content.decode("utf-8-sig"))))
    assert rows[0][3:6] == ["layanan-daring 2026-2", "layanan-daring 2026-1", "layanan-daring selisih"]
    assert rows[1][:2] == ["kabupaten", "Seluruh kabupaten"] and any(r[1] == "Desa Uji A" for r in rows)
    pdf = console.get("/console/indikator/?periode=2026-2&format=pdf")
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")


def test_judol_findings_show_the_page_and_karantina_in_one_click(console, client_a, desa_a):
    plant(client_a, "Info palsu", "<p>Situs slot gacor terpercaya.</p>")
    scanner.scan(Desa.objects.filter(pk=desa_a.pk))
    page = console.get("/console/judol/").content.decode()
    finding = ScanFinding.objects.filter(desa=desa_a, kind="kata").exclude(url="/").first()
    assert "uji-a.test/berita/info-palsu/" in page and "slot gacor" in page and "Karantina" in page
    response = console.post(f"/console/judol/{finding.pk}/karantina/", {"kembali": "https://jahat.example/"})
    assert response["Location"] == "/console/judol/"
    finding.refresh_from_db()
    assert finding.state == "karantina"
    assert client_a.get("/berita/info-palsu/").status_code == 404


def test_the_kecamatan_digest_lists_each_desa_of_the_month(console, client_a, desa_a):
    plant(client_a, "Kabar bulan ini", "<p>Isi.</p>")
    month = timezone.localdate().strftime("%Y-%m")
    DailyVisits.objects.create(desa=desa_a, day=timezone.localdate(), views=7)
    page = console.get(f"/console/ringkasan-kecamatan/?kecamatan=Jenu&bulan={month}").content.decode()
    assert "Desa Uji A" in page and "Desa Uji B" in page
    assert '<td><strong>Jenu</strong></td><td class="num">7</td>' in page
    console.post(f"/console/ringkasan-kecamatan/?kecamatan=Jenu&bulan={month}", {"email": "camat.jenu@tuban.test"})
    from desa_platform.monitoring import digest
    from desa_platform.outbox.models import OutboxMessage

    year, number = (int(p) for p in month.split("-"))
    assert digest.send_all(year, number) == 1
    mail = OutboxMessage.objects.get(kind="ringkasan")
    assert mail.to == ["camat.jenu@tuban.test"] and "Desa Uji A | Aktif | 1 |" in mail.body
