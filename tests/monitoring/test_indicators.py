"""Smart City indicators on constructed data: each figure worked out here by hand, pooled for the kecamatan and the
kabupaten, and letters (not installed yet) shown as 0 / no data rather than guessed."""

import datetime

import pytest
from django.apps import apps
from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.models import Page, PageLogEntry

from desa_platform.monitoring import indicators
from desa_platform.monitoring.indicators import Period
from desa_platform.monitoring.models import AvailabilitySample
from sites.kontak.models import Pesan
from sites.layanan.models import ServicePage
from sites.transparansi.models import APBDesPage, PPIDInformasi, PPIDPage, TransparansiIndexPage
from tests.sites import publish

pytestmark = pytest.mark.django_db
PERIOD = Period(2025, 2)  # July-December 2025: over, so all six months count
IN = timezone.make_aware(datetime.datetime(2025, 9, 15, 10))
AFTER = timezone.make_aware(datetime.datetime(2026, 2, 1, 10))


def messages(statuses, when):
    for status in statuses:
        pesan = Pesan.objects.create(nama="Warga", pesan="Tolong.", status=status)
        Pesan.objects.filter(pk=pesan.pk).update(dikirim=when)


def values(row) -> dict:
    return {code: value for (code, *_), (value, _) in zip(indicators.INDICATORS, row.values(), strict=True)}


def test_each_indicator_from_constructed_data(client_a, client_b, desa_a, desa_b):
    with client_a.schema():
        messages(["baru", "diproses", "selesai", "selesai"], IN)  # 3 of 4 answered in the period
        messages(["selesai"], AFTER)  # another period
        page = Page.objects.filter(depth=2).first()
        for _ in range(3):  # three publishes in six months: 0.5 a month
            PageLogEntry.objects.log_action(page, "wagtail.publish", timestamp=IN)
        documents = get_document_model()
        for name, created in (("data-penduduk.csv", IN), ("laporan.pdf", IN), ("anggaran.xlsx", AFTER)):
            document = documents.objects.create(title=name, file=ContentFile(b"a,b\n1,2\n", name=name))
            documents.objects.filter(pk=document.pk).update(created_at=created)
        ppid = PPIDPage.objects.get()
        PPIDInformasi.objects.filter(page=ppid).delete()
        untouched = Page.objects.filter(content_type__app_label="profil").first()
        PPIDInformasi.objects.create(page=ppid, kategori="berkala", judul="Profil", halaman=untouched)
        PPIDInformasi.objects.create(page=ppid, kategori="berkala", judul="RKPDes", tautan="https://contoh.go.id/r")
        PPIDInformasi.objects.create(page=ppid, kategori="setiap-saat", judul="Pengadaan")
        publish(TransparansiIndexPage.objects.get(), APBDesPage(title="APBDes 2025", slug="apbdes-2025", tahun=2025))
        # PPID: 3 items + the APBDes of 2025 required; the link and the APBDes published: 2 of 4
    AvailabilitySample.objects.create(desa=desa_a, day=datetime.date(2025, 8, 1), checks=10, up=9)
    AvailabilitySample.objects.create(desa=desa_a, day=datetime.date(2025, 12, 31), checks=10, up=10)
    AvailabilitySample.objects.create(desa=desa_a, day=datetime.date(2026, 1, 1), checks=10, up=0)
    with client_b.schema():
        messages(["baru"], IN)

    found = indicators.report(PERIOD)
    a = next(r for r in found["desa"] if r.desa == desa_a)
    b = next(r for r in found["desa"] if r.desa == desa_b)
    figures = values(a)
    assert figures["pesan-ditanggapi"] == 75.0
    assert figures["frekuensi-pembaruan"] == 0.5
    assert figures["data-terbuka"] == 1
    assert figures["informasi-publik"] == 50.0
    assert figures["ketersediaan"] == 95.0
    with client_a.schema():
        services = ServicePage.objects.live()
        if apps.is_installed("sites.surat"):  # a service with a letter template is requested and issued online
            online = apps.get_model("surat", "TemplateSurat").objects.filter(layanan__in=services).count()
            expected = round(100 * online / services.count(), 1)
        else:
            expected = 0.0  # no letters app: 0, not a guess
    assert figures["layanan-daring"] == expected
    assert figures["waktu-surat-median"] is None and figures["waktu-surat-p90"] is None
    assert values(b)["pesan-ditanggapi"] == 0.0 and values(b)["ketersediaan"] is None

    kecamatan = found["kecamatan"][0]
    assert kecamatan.label == "Kecamatan Jenu" and values(kecamatan)["pesan-ditanggapi"] == 60.0  # (3+0)/(4+1)
    assert values(found["kabupaten"])["pesan-ditanggapi"] == 60.0
    assert values(found["kabupaten"])["data-terbuka"] == 1


def test_periods_are_half_years_and_a_bad_code_falls_back_to_the_current_one():
    assert (PERIOD.start.month, PERIOD.end.year, PERIOD.end.month) == (7, 2026, 1)
    assert PERIOD.previous == Period(2025, 1) and PERIOD.label == "Semester II 2025 (Juli–Desember)"
    assert Period.parse("2025-2") == PERIOD
    assert Period.parse("'; DROP TABLE") == Period.current() == Period.parse("2025-3")
    assert Period(2025, 1).months_elapsed(timezone.make_aware(datetime.datetime(2025, 3, 10))) == 3
