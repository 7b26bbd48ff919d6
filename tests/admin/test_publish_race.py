"""Publishing never loses a click: an autosave of the 'add page' form and the click on Terbitkan (or Ajukan)
both post the create form; the result is one page, published (or submitted), and no stray draft."""

import re

import pytest
from wagtail.models import Page

from sites.berita.models import BeritaIndexPage, BeritaPage
from sites.desa_admin.page_creation import TOKEN_FIELD

from .helpers import KEPALA_DESA, OPERATOR, login

pytestmark = pytest.mark.django_db

SLUG = "kerja-bakti-saluran-irigasi"


def create_form(client) -> tuple[str, dict]:
    with client.schema():
        index = BeritaIndexPage.objects.get()
    url = f"/admin/pages/add/berita/beritapage/{index.pk}/"
    html = client.get(url).content.decode()
    token = re.search(rf'name="{TOKEN_FIELD}" value="([^"]+)"', html)
    assert token, "the create form carries its one-time token"
    data = {
        TOKEN_FIELD: token.group(1),
        "title": "Kerja Bakti Saluran Irigasi",
        "slug": SLUG,
        "tanggal": "2025-03-02",
        "penulis": "Tim Informasi Desa",
        "ringkasan": "Warga membersihkan saluran irigasi Dusun Krajan.",
        "body-count": "0",
    }
    return url, data


def autosave(client, url: str, data: dict):
    return client.post(url, data, headers={"accept": "application/json"})


def pages(client):
    with client.schema():
        return list(BeritaPage.objects.filter(title="Kerja Bakti Saluran Irigasi"))


def test_publish_posted_to_the_create_form_after_its_autosave_publishes_that_page(client_a):
    login(client_a, "kades", KEPALA_DESA)
    url, data = create_form(client_a)
    saved = autosave(client_a, url, data)
    assert saved.status_code == 200 and saved.json()["success"], saved.content
    # the click on Terbitkan, still aimed at the create URL because the autosave's answer had not arrived
    response = client_a.post(
        url, data | {"ringkasan": "Warga dan perangkat membersihkan saluran.", "action-publish": "1"}
    )
    assert response.status_code == 302
    made = pages(client_a)
    assert len(made) == 1
    page = made[0]
    assert page.live and not page.has_unpublished_changes
    assert page.ringkasan == "Warga dan perangkat membersihkan saluran."
    assert "sudah dipakai" not in client_a.get(response["Location"], follow=True).content.decode()


def test_an_autosave_arriving_after_the_publish_changes_nothing(client_a):
    login(client_a, "kades", KEPALA_DESA)
    url, data = create_form(client_a)
    assert client_a.post(url, data | {"action-publish": "1"}).status_code == 302
    late = autosave(client_a, url, data | {"ringkasan": "versi lama"})
    assert late.status_code == 200 and late.json()["success"]
    (page,) = pages(client_a)
    assert page.live and not page.has_unpublished_changes
    assert page.ringkasan == "Warga membersihkan saluran irigasi Dusun Krajan."


def test_an_operators_submit_after_autosave_submits_the_one_page(client_a):
    login(client_a, "operator", OPERATOR)
    url, data = create_form(client_a)
    autosave(client_a, url, data)
    autosave(client_a, url, data | {"ringkasan": "Ketikan berikutnya."})
    response = client_a.post(url, data | {"ringkasan": "Siap diperiksa.", "action-submit": "1"})
    assert response.status_code == 302
    (page,) = pages(client_a)
    with client_a.schema():
        assert not page.live and page.workflow_in_progress
        assert page.get_latest_revision_as_object().ringkasan == "Siap diperiksa."


def test_a_token_belongs_to_its_own_user_and_desa(client_a, client_b):
    login(client_a, "kades", KEPALA_DESA)
    url, data = create_form(client_a)
    autosave(client_a, url, data)
    # another user posting a stolen token gets Wagtail's usual create (and its slug message), not the page
    login(client_a, "operator", OPERATOR)
    client_a.post(url, data | {"action-submit": "1"})
    assert len(pages(client_a)) == 1
    with client_b.schema():
        assert not Page.objects.filter(slug=SLUG).exists()
