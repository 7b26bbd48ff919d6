"""The clerk's admin on a 360 px phone in headless Chromium, against a real WSGI server with committed data:
the login fields are wide enough to read what is typed, the listings of a day's work (pages, perangkat,
Pesan warga) fit the screen with each title readable on whole words, not one syllable a line, and the
kepala desa can approve a submitted article with a comment (the footer's menu once covered the dialog)."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django_tenants.utils import tenant_context

from desa_platform.tenancy.models import Desa
from sites.berita.models import BeritaIndexPage, BeritaPage
from sites.core.models import PengaturanDesa
from sites.kontak.models import Pesan
from sites.pemerintahan.models import PerangkatDesa
from sites.surat.models import PengaturanSurat

from ..committed import new_rows_taken_back, publications_taken_back
from ..live import launch_chromium, needs_chromium, wsgi_server
from ..tenants import DESA_A
from .helpers import PASSWORD

PHONE = {"width": 360, "height": 740}
LONG_NAME = "Moch. Arifin Nurhidayatullah, S.Kom."
ARTICLE = "e2e Posyandu Balita Digelar di Setiap Dusun"
pytestmark = needs_chromium


def clean(desa):
    from desa_platform.portal.models import Headline

    with tenant_context(desa):
        for article in BeritaPage.objects.filter(title__startswith=ARTICLE):
            article.delete()
        get_user_model().objects.filter(username__in=["e2e-hp-operator", "e2e-hp-kades"]).delete()
        PerangkatDesa.objects.filter(nama=LONG_NAME).delete()
        Pesan.objects.filter(nama="e2e Warga").delete()
    Headline.objects.filter(title__startswith=ARTICLE).delete()  # the public index a publish writes


@pytest.fixture
def phone_server(django_db_setup, django_db_blocker, settings, monkeypatch):
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # Playwright's sync API runs an event loop here
    settings.WHITENOISE_USE_FINDERS = True  # the admin's stylesheets without collectstatic
    settings.WHITENOISE_AUTOREFRESH = True
    with django_db_blocker.unblock():
        desa = Desa.objects.get(slug=DESA_A.slug)
        clean(desa)
        with tenant_context(desa):
            operator = get_user_model().objects.create_user("e2e-hp-operator", "", PASSWORD, first_name="Dwi")
            operator.groups.add(Group.objects.get(name="Operator"))
            PerangkatDesa.objects.create(nama=LONG_NAME, jabatan="Kepala Urusan Tata Usaha dan Umum", urutan=4)
            Pesan.objects.create(nama="e2e Warga", pesan="Lampu jalan RT 02 mati.", jenis=Pesan.Jenis.PENGADUAN)
            kades = get_user_model().objects.create_user("e2e-hp-kades", "", PASSWORD, first_name="Sutrisno")
            kades.groups.add(Group.objects.get(name="Kepala Desa"))
        try:
            rows_made = new_rows_taken_back(desa.schema_name, PengaturanDesa, PengaturanSurat)
            with publications_taken_back(desa.schema_name), rows_made, wsgi_server() as port:
                yield port
        finally:
            clean(desa)


def layout(page) -> dict:
    """What a person sees of a listing: how wide the page is, and the narrowest title and its line count."""
    return page.evaluate(
        """() => {
        const titles = Array.from(document.querySelectorAll('table.listing tbody td.title'));
        const sizes = titles.map(td => {
            const text = td.querySelector('a, span') || td;
            const lines = Math.round(text.getBoundingClientRect().height /
                parseFloat(getComputedStyle(text).lineHeight || 20));
            return {width: td.getBoundingClientRect().width, lines};
        });
        const table = document.querySelector('table.listing');
        const cells = Array.from(table.querySelectorAll('td, th'));
        const right = Math.max(...cells.map(c => c.getBoundingClientRect().right));
        return {
            rows: titles.length,
            overflow: Math.max(document.documentElement.scrollWidth, right) - window.innerWidth,
            narrowest: Math.min(...sizes.map(s => s.width)),
            most_lines: Math.max(...sizes.map(s => s.lines)),
        };
    }"""
    )


def test_the_clerks_listings_fit_a_360_px_phone(phone_server):
    playwright_api = pytest.importorskip("playwright.sync_api")
    site = f"http://{DESA_A.domains[0]}:{phone_server}"
    with playwright_api.sync_playwright() as p:
        browser = launch_chromium(p, DESA_A.domains)
        page = browser.new_context(viewport=PHONE).new_page()
        page.set_default_timeout(60_000)
        page.goto(f"{site}/admin/login/")
        assert page.locator("#id_username").bounding_box()["width"] >= 270  # was 226 px: "Masukkan nama pe"
        page.fill("#id_username", "e2e-hp-operator")
        page.fill("#id_password", PASSWORD)
        page.click("button[type=submit]")
        page.wait_for_url(f"{site}/admin/")
        with tenant_context(Desa.objects.get(slug=DESA_A.slug)):
            from wagtail.models import Page

            home = Page.objects.get(depth=2)
        for path in (
            f"/admin/pages/{home.pk}/",
            "/admin/snippets/pemerintahan/perangkatdesa/",
            "/admin/snippets/kontak/pesan/",
        ):
            page.goto(site + path)
            seen = layout(page)
            assert seen["rows"] >= 1, path
            assert seen["overflow"] <= 0, (path, seen)  # nothing cut off at the right
            assert seen["narrowest"] >= 250, (path, seen)  # was about 50 px: one syllable a line
            assert seen["most_lines"] <= 3, (path, seen)
        browser.close()


def test_the_kepala_desa_approves_with_a_comment_on_a_phone(phone_server, django_db_blocker):
    playwright_api = pytest.importorskip("playwright.sync_api")
    site = f"http://{DESA_A.domains[0]}:{phone_server}"
    desa = Desa.objects.get(slug=DESA_A.slug)
    with django_db_blocker.unblock(), tenant_context(desa):
        operator = get_user_model().objects.get(username="e2e-hp-operator")
        article = BeritaIndexPage.objects.get().add_child(instance=BeritaPage(title=ARTICLE, live=False))
        article.save_revision(user=operator)
        article.get_workflow().start(article, operator)  # what "Ajukan ke Persetujuan Kepala Desa" does
    with playwright_api.sync_playwright() as p:
        browser = launch_chromium(p, DESA_A.domains)
        page = browser.new_context(viewport=PHONE).new_page()
        page.set_default_timeout(30_000)
        page.goto(f"{site}/admin/login/")
        page.fill("#id_username", "e2e-hp-kades")
        page.fill("#id_password", PASSWORD)
        page.click("button[type=submit]")
        page.wait_for_url(f"{site}/admin/")
        page.goto(f"{site}/admin/pages/{article.pk}/edit/")
        page.click('footer [data-w-dropdown-target="toggle"]')
        page.click("footer button[data-workflow-action-name=approve][data-workflow-action-modal-url]")
        page.fill(".modal textarea", "Sudah benar, terbitkan.")
        assert not page.locator("footer [data-tippy-root]").is_visible()  # the menu is not left over the dialog
        # A click lands only on what a finger could tap: it fails while something covers the dialog's button.
        with page.expect_navigation():
            page.click(".modal button[type=submit]", timeout=5_000)
        browser.close()
    with tenant_context(desa):
        assert BeritaPage.objects.get(pk=article.pk).live
