"""The judol guard: every planted kind is reported with its page and snippet, karantina takes the page off, and a
clean pilot desa gives no finding."""

import pytest
from django.core.management import call_command
from wagtail.models import Page

from desa_platform.monitoring.judol import quarantine, scanner
from desa_platform.monitoring.judol.lists import find_phrases
from desa_platform.monitoring.models import GuidanceDelivery, ScanFinding, ScanRequest
from desa_platform.outbox.models import OutboxMessage
from desa_platform.tenancy.models import AuditLog, Desa
from sites.berita.models import BeritaIndexPage, BeritaPage
from tests.sites import home_page, publish

pytestmark = pytest.mark.django_db


def plant(client, title, html):
    with client.schema():
        page = publish(BeritaIndexPage.objects.get(), BeritaPage(title=title, body=[("paragraph", html)]))
        page.path = page.url  # known inside the desa's schema only
        return page


def findings(desa, kind=None):
    found = ScanFinding.objects.filter(desa=desa)
    return list(found.filter(kind=kind) if kind else found)


def test_phrases_are_found_through_spelling_tricks_and_not_in_ordinary_words():
    found = [p for p, _ in find_phrases("Daftar S1OT G4COR sekarang, pasti MAXWIN!")]
    assert sorted(found) == ["daftar slot", "maxwin", "slot gacor"]
    assert find_phrases("slot-gacor dan to\u200bgel")[0][0] == "slot gacor"
    assert [p for p, _ in find_phrases("ｔｏｇｅｌ")] == ["togel"]
    clean = "Lomba burung kicau gacor di balai desa; slot waktu posyandu; Perdes larangan judi; RT 04 RW 02."
    assert find_phrases(clean) == []


def test_gambling_keyword_in_an_article_is_reported_with_page_and_snippet(client_a, desa_a, desa_b):
    page = plant(client_a, "Kabar warga", "<p>Main di situs SLOT GACOR hari ini, dijamin maxwin.</p>")
    run = scanner.scan(Desa.objects.filter(pk__in=[desa_a.pk, desa_b.pk]))
    found = findings(desa_a, "kata")
    assert found and all(f.page_id == page.pk and f.url == page.path for f in found)
    assert any("slot gacor" in f.snippet for f in found) and any("maxwin" in f.detail for f in found)
    assert findings(desa_b) == [], "the other desa has nothing planted"
    assert run.new_findings == len(findings(desa_a)) and run.desa_count == 2


def test_gambling_domain_hidden_link_script_and_iframe_are_each_reported(client_a, desa_a):
    plant(client_a, "Tautan", '<p>Info <a href="https://sbobet-asia.example/daftar">di sini</a>.</p>')
    plant(
        client_a,
        "Tersembunyi",
        '<p>Halo</p><div style="position:absolute;left:-9999px"><a href="https://obat-murah.example/">obat</a></div>'
        '<p><a href="https://pinjol.example/" style="font-size:1px">.</a></p>',
    )
    plant(
        client_a,
        "Skrip",
        '<p>Isi</p><script src="https://cdn.jahat.example/x.js"></script><iframe src="https://iklan.example/"></iframe>',
    )
    scanner.scan(Desa.objects.filter(pk=desa_a.pk))
    domain = findings(desa_a, "domain")
    assert domain and "sbobet-asia.example" in domain[0].detail and domain[0].page_title == "Tautan"
    hidden = {f.detail for f in findings(desa_a, "tersembunyi")}
    assert any("obat-murah.example" in d and "di luar layar" in d for d in hidden)
    assert any("pinjol.example" in d and "teks sangat kecil" in d for d in hidden)
    scripts = findings(desa_a, "skrip")
    assert any("cdn.jahat.example/x.js" in f.snippet for f in scripts)
    assert any("<iframe" in f.snippet and "iklan.example" in f.detail for f in scripts)


def test_a_link_to_a_never_before_linked_domain_is_reported_once(client_a, desa_a):
    plant(client_a, "Mitra", '<p><a href="https://koperasi-lama.example/">Koperasi</a></p>')
    scanner.scan(Desa.objects.filter(pk=desa_a.pk))  # first run: what the desa links to today is its normal
    assert findings(desa_a) == []
    plant(client_a, "Mitra baru", '<p><a href="https://toko-baru.example/promo">Promo</a></p>')
    scanner.scan(Desa.objects.filter(pk=desa_a.pk))
    scanner.scan(Desa.objects.filter(pk=desa_a.pk))
    new = findings(desa_a, "domain-baru")
    assert [f.detail for f in new] == ["tautan pertama ke toko-baru.example"]
    assert new[0].page_title == "Mitra baru" and "promo" in new[0].snippet


def test_cloaking_for_googlebot_is_reported(client_a, desa_a, settings):
    at = settings.MIDDLEWARE.index("desa_platform.pagecache.middleware.PageCacheMiddleware")
    settings.MIDDLEWARE = [
        *settings.MIDDLEWARE[:at],
        "tests.monitoring.cloak.CloakForGooglebot",
        *settings.MIDDLEWARE[at:],
    ]
    scanner.scan(Desa.objects.filter(pk=desa_a.pk))
    cloaked = findings(desa_a, "cloaking")
    assert len(cloaked) == 1 and cloaked[0].url == "/"
    assert "hanya untuk Googlebot" in cloaked[0].snippet and "situs-rahasia.example" in cloaked[0].snippet


def test_publishing_queues_a_scan_that_reports_mails_and_karantina_unpublishes(client_a, desa_a, settings):
    settings.MONITOR_ALERT_EMAILS = ["keamanan@kominfo.test"]
    page = plant(client_a, "Pengumuman palsu", "<p>Bocoran togel hari ini di sini.</p>")
    assert ScanRequest.objects.filter(desa=desa_a, page_id=page.pk, done_at__isnull=True).exists()
    run = scanner.scan_queue()
    assert run.trigger == "terbit" and not ScanRequest.objects.filter(done_at__isnull=True).exists()
    finding = findings(desa_a, "kata")[0]
    mail = OutboxMessage.objects.get(kind="judol")
    assert mail.to == ["keamanan@kominfo.test"] and "Pengumuman palsu" not in mail.subject
    assert "togel" in mail.body and "http://uji-a.test" + page.path in mail.body

    with client_a.schema():
        revisions = page.revisions.count()
    result = quarantine.quarantine(finding, "budi")
    assert "tidak lagi terbit" in result
    with client_a.schema():
        page = Page.objects.get(pk=page.pk)
        assert not page.live and page.revisions.count() == revisions + 1
        assert "togel" in page.specific.latest_revision.as_object().body.render_as_block()
    assert client_a.get(finding.url).status_code == 404
    finding.refresh_from_db()
    assert finding.state == "karantina" and finding.handled_by == "budi"
    assert AuditLog.objects.filter(action="karantina", desa_slug=desa_a.slug).exists()
    told = GuidanceDelivery.objects.get(desa=desa_a, read_at__isnull=True).guidance
    assert "dikarantina" in told.subject and finding.url in told.body


def test_karantina_of_a_home_page_finding_suspends_the_site(client_a, desa_a):
    with client_a.schema():
        home = home_page()
        home.title = "Beranda slot gacor"
        home.save_revision().publish()
    scanner.scan(Desa.objects.filter(pk=desa_a.pk))
    finding = next(f for f in findings(desa_a, "kata") if f.url == "/")
    assert "situs ditangguhkan" in quarantine.quarantine(finding, "budi")
    desa_a.refresh_from_db()
    assert desa_a.is_suspended


def test_the_pilot_desa_gives_no_finding(client_b, desa_b):
    call_command("load_pilot_content", slug=desa_b.slug, verbosity=0)
    scanner.scan(Desa.objects.filter(pk=desa_b.pk), all_pages=True)
    run = scanner.scan(Desa.objects.filter(pk=desa_b.pk), all_pages=True)
    assert [(f.kind, f.url, f.detail) for f in findings(desa_b)] == []
    assert run.pages_fetched > 40, "every page of the pilot was fetched twice"


def test_a_queued_scan_is_taken_by_one_node_only(client_a, desa_a, monkeypatch):
    # Every node's monitor-tick calls scan_queue: while node A scans the queue, node B must find nothing left.
    plant(client_a, "Kabar panen", "<p>Panen raya di dusun Krajan.</p>")
    real_scan, scanned, second_node = scanner.scan, [], []

    def scan_on_node_a(desas, **kwargs):
        scanned.append(sorted(kwargs["page_ids_by_desa"][desa_a.pk]))
        second_node.append(scanner.scan_queue())  # node B's timer fires meanwhile
        return real_scan(desas, **kwargs)

    monkeypatch.setattr(scanner, "scan", scan_on_node_a)
    assert scanner.scan_queue() is not None
    assert len(scanned) == 1 and second_node == [None]
