"""The two wide tables a resident reads on a phone, produk hukum and APBDes: at 360 px each row is stacked, every
cell named by its column (data-label, shown by ::before), nothing past the screen's edge; on a laptop they
stay ordinary tables. Laid out by headless Chromium, in every theme, from the pages Django renders."""

import re
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders

from sites.transparansi.apbdes import Kelompok

from ..live import launch_chromium, needs_chromium
from ..sites.test_transparansi import apbdes, law
from .helpers import use_theme

pytestmark = pytest.mark.django_db
THEMES = ["klasik", "modern", "hijau"]
PAGES = ["/transparansi/produk-hukum/", "/transparansi/apbdes-2025/"]


@pytest.fixture
def wide_tables(client_a):
    with client_a.schema():
        law("perdes-6-2025", "perdes", "6", 2025, title="Anggaran Pendapatan dan Belanja Desa Tahun Anggaran 2025")
        law("perkades-1-2025", "perkades", "1", 2025, title="Penjabaran APBDes Tahun Anggaran 2025")
        apbdes(
            2025,
            [
                (Kelompok.PENDAPATAN, "Dana Desa", 936_482_000, 468_241_000),
                (Kelompok.PENDAPATAN, "Bagi Hasil Pajak dan Retribusi Daerah", 48_215_000),
                (Kelompok.BELANJA, "Bidang Penanggulangan Bencana, Keadaan Darurat dan Mendesak Desa", 124_497_000),
            ],
        )


def headers_and_labels(html: str) -> list[tuple[list[str], list[list[str]]]]:
    """For each stacked table: its column headers, and each body row's data-labels in column order."""
    found = []
    for table in re.findall(r'<table class="[^"]*stack-table[^"]*">(.*?)</table>', html, re.S):
        head = re.search(r"<thead>(.*?)</thead>", table, re.S).group(1)
        headers = [re.sub(r"<[^>]+>", "", h).strip() for h in re.findall(r"<th[^>]*>(.*?)</th>", head, re.S)]
        rows = []
        for body_row in re.findall(r"<tr>(.*?)</tr>", table.split("</thead>")[1], re.S):
            cells = re.findall(r"<t[dh]\b([^>]*)>", body_row)
            rows.append([next(iter(re.findall(r'data-label="([^"]*)"', attrs)), "") for attrs in cells])
        found.append((headers, rows))
    return found


@pytest.mark.parametrize("url", PAGES)
def test_every_cell_is_labelled_with_its_column(client_a, wide_tables, url):
    tables = headers_and_labels(client_a.get(url).text)
    assert len(tables) == 1
    headers, rows = tables[0]
    assert rows
    for labels in rows:
        for column, label in enumerate(labels):
            assert label in ("", headers[column])  # a row header may go unlabelled: it is the row's name
        assert any(labels)


def inlined(html: str) -> str:
    """The page with its stylesheets written in, so Chromium lays it out without a server."""

    def style(match):
        path = finders.find(match.group(1).split("?")[0])
        return f"<style>{Path(path).read_text()}</style>" if path and 'media="print"' not in match.group(0) else ""

    return re.sub(r'<link rel="stylesheet" href="/static/([^"]+)"[^>]*>', style, html)


MEASURE = """() => {
    const table = document.querySelector('table.stack-table');
    const cells = Array.from(table.querySelectorAll('tbody td[data-label], tbody th, tfoot td'));
    const shown = cells.filter(c => c.offsetParent !== null);
    const row = table.querySelector('tbody tr:not(.group-head)');
    const first = row.children[0].getBoundingClientRect(), last = row.lastElementChild.getBoundingClientRect();
    return {
        scroll: document.documentElement.scrollWidth,
        right: Math.max(...shown.map(c => c.getBoundingClientRect().right)),
        display: getComputedStyle(table).display,
        stacked: last.top >= first.bottom - 1,
        labels: Array.from(table.querySelectorAll('tbody td[data-label]'))
            .filter(c => getComputedStyle(c, '::before').content !== 'none')
            .map(c => [c.dataset.label, getComputedStyle(c, '::before').content]),
    };
}"""


@needs_chromium
def test_wide_tables_stack_on_a_phone_and_stay_tables_on_a_laptop(client_a, wide_tables, monkeypatch):
    playwright_api = pytest.importorskip("playwright.sync_api")
    pages = {}
    for theme in THEMES:
        use_theme(client_a, theme)
        for url in PAGES:
            pages[theme, url] = inlined(client_a.get(url).text)
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # Playwright's sync API runs an event loop here
    with playwright_api.sync_playwright() as p:
        browser = launch_chromium(p)
        phone = browser.new_page(viewport={"width": 360, "height": 740})
        laptop = browser.new_page(viewport={"width": 1280, "height": 800})
        for (theme, url), html in pages.items():
            phone.set_content(html)
            seen = phone.evaluate(MEASURE)
            where = (theme, url, seen)
            assert seen["scroll"] <= 360 and seen["right"] <= 360, where  # no sideways scrolling
            assert seen["display"] == "block" and seen["stacked"], where
            assert seen["labels"] and all(content == f'"{label}"' for label, content in seen["labels"]), where
            laptop.set_content(html)
            wide = laptop.evaluate(MEASURE)
            assert wide["display"] == "table" and not wide["stacked"] and not wide["labels"], (theme, url, wide)
        browser.close()
