"""A clerk's day in the admin without one of Wagtail's English originals: operator and kepala desa walk every
screen reachable from their dashboard (explorer, edit, history, snippets, images, documents, reports,
workflow, settings, account), with a page that went through the approval workflow and back."""

import io
import re
from urllib.parse import urljoin, urlsplit

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image
from wagtail.models import Page

from sites.kontak.models import Pesan
from sites.pemerintahan.models import AnggotaBPD, PerangkatDesa

from .english import english_on
from .helpers import KEPALA_DESA, OPERATOR, as_request_in, login, make_user

pytestmark = pytest.mark.django_db

# Screens every walk must reach (the crawl adds what these link to).
SCREENS = [
    "/admin/",
    "/admin/pages/",
    "/admin/pages/search/?q=desa",
    "/admin/snippets/",
    "/admin/images/",
    "/admin/images/multiple/add/",
    "/admin/documents/",
    "/admin/documents/multiple/add/",
    "/admin/reports/locked/",
    "/admin/reports/site-history/",
    "/admin/reports/aging-pages/",
    "/admin/reports/workflow/",
    "/admin/reports/workflow_tasks/",
    "/admin/account/",
    # settings: the kepala desa's users, redirects, collections; sites, workflows and groups answer 403/302
    "/admin/users/",
    "/admin/groups/",
    "/admin/sites/",
    "/admin/workflows/list/",
    "/admin/workflows/tasks/index/",
    "/admin/redirects/",
    "/admin/collections/",
]
NOT_FOLLOWED = re.compile(
    r"/logout/|/bulk/[^?]*/$|/jsi18n/|/preview/|/static/|\.(?:png|jpe?g|webp|ico|svg|css|js)$|/usage/\?|export="
)
MAX_SCREENS = 200


@pytest.fixture
def a_day_of_work(client_a, desa_a):
    """A news page submitted by the operator and sent back, an image and a document: what history shows."""
    operator = make_user(client_a, "operator", OPERATOR, email="operator@uji-a.test")
    make_user(client_a, "kades", KEPALA_DESA, email="kades@uji-a.test")
    with as_request_in(desa_a):
        home = Page.objects.get(depth=2).specific
        home.title = home.title + " (perubahan)"
        revision = home.save_revision(user=operator)
        state = home.get_workflow().start(home, operator)
        state.current_task_state.task.specific.on_action(
            state.current_task_state, make_user(client_a, "kades", KEPALA_DESA), "reject", comment="Perbaiki judul."
        )
        home.save_revision(user=operator, previous_revision=revision)
        # Rows in the listings a clerk reads daily (an empty listing shows none of its cells).
        PerangkatDesa.objects.create(nama="Siti Aminah", jabatan="Sekretaris Desa", urutan=2)
        AnggotaBPD.objects.create(nama="Moch. Arifin", jabatan="Ketua BPD", urutan=1, aktif=False)
        Pesan.objects.create(nama="Budi", pesan="Lampu jalan RT 02 mati.", jenis=Pesan.Jenis.PENGADUAN)
    login(client_a, "operator", OPERATOR)
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), (10, 120, 30)).save(buffer, "JPEG")
    client_a.post(
        "/admin/images/multiple/add/",
        {"files[]": SimpleUploadedFile("balai.jpg", buffer.getvalue(), content_type="image/jpeg")},
        headers={"x-requested-with": "XMLHttpRequest"},
    )
    client_a.post(
        "/admin/documents/multiple/add/",
        {"files[]": SimpleUploadedFile("perdes.pdf", b"%PDF-1.4\n%%EOF\n", content_type="application/pdf")},
        headers={"x-requested-with": "XMLHttpRequest"},
    )
    return home.pk


def walk(client, start: list[str]) -> dict[str, list[str]]:
    """Every admin screen reachable by links from `start` (GET only), with the English found on each."""
    seen, kinds, queue, findings = set(), set(), list(start), {}
    while queue and len(seen) < MAX_SCREENS:
        url = queue.pop(0)
        # One screen of a kind is enough: /admin/pages/3/edit/ stands for every page's edit screen.
        kind = re.sub(r"\d+", "N", url.split("?")[0])
        if url in seen or (kind in kinds and url not in start):
            continue
        seen.add(url)
        kinds.add(kind)
        response = client.get(url)
        assert response.status_code in (200, 302, 403), (url, response.status_code)
        if response.status_code != 200 or "text/html" not in response.get("Content-Type", ""):
            continue
        html = response.content.decode()
        if found := english_on(html):
            findings[url] = found
        # Links, and the sidebar's menu (JSON props): "Pemerintahan" and "Permohonan layanan" are only there.
        for href in re.findall(r'href="([^"#]+)"', html) + re.findall(r'"url": "(/admin/[^"#]*)"', html):
            target = urljoin(url, href.replace("&amp;", "&"))
            parts = urlsplit(target)
            if parts.netloc and parts.netloc != client.host:
                continue
            path = parts.path + (f"?{parts.query}" if parts.query else "")
            if path.startswith("/admin/") and not NOT_FOLLOWED.search(path) and path not in seen:
                queue.append(path)
    return findings


def report(findings: dict) -> str:
    return "\n".join(f"{url}: {found}" for url, found in sorted(findings.items()))


def test_the_login_screen_and_password_reset_speak_indonesian(client_a):
    for url in ("/admin/login/", "/admin/password_reset/"):
        html = client_a.get(url).content.decode()
        assert english_on(html) == [], url
        assert "Lupa kata sandi?" in html or url.endswith("password_reset/")


@pytest.mark.parametrize("role", [OPERATOR, KEPALA_DESA])
def test_every_screen_of_the_day_speaks_indonesian(client_a, a_day_of_work, role):
    login(client_a, "kades" if role == KEPALA_DESA else "operator", role)
    page_id = a_day_of_work
    start = SCREENS + [f"/admin/pages/{page_id}/edit/", f"/admin/pages/{page_id}/history/"]
    findings = walk(client_a, start)
    assert findings == {}, report(findings)


def test_the_checker_sees_wagtails_english(client_a):
    """The walk above would pass on an English admin if the checker were blind: it is not."""
    html = (
        '<main><button aria-label="More actions"></button><p>There are validation errors, click save to '
        "highlight them.</p><td>True</td><p>1-9 of 9 halaman</p></main>"
    )
    found = english_on(html)
    assert len(found) == 3, found
    assert english_on("<p>Simpan draf</p><td>Ya</td>") == []
