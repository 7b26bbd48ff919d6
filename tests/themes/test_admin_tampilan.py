"""A desa's Kepala Desa chooses the theme and brand colour in Pengaturan → Tampilan situs, for that desa only."""

import re

import pytest

from desa_platform.tenancy.models import AuditLog, Desa
from sites.tampilan.models import PengaturanTampilan
from tests.admin.helpers import KEPALA_DESA, OPERATOR, login

from .helpers import stylesheet_of

pytestmark = pytest.mark.django_db
SETTINGS_URL = "/admin/settings/tampilan/pengaturantampilan/"


def edit_url(client) -> str:
    response = client.get(SETTINGS_URL)
    assert response.status_code == 302
    return response["Location"]


def brand_style(html: str) -> str:
    match = re.search(r"<style>:root\{([^}]*)\}</style>", html)
    return match.group(1) if match else ""


def test_kepala_desa_switches_theme_and_colour_and_only_their_desa_changes(client_a, client_b):
    login(client_a, "kades", KEPALA_DESA)
    url = edit_url(client_a)
    form = client_a.get(url)
    assert form.status_code == 200
    assert "Hijau Asri" in form.content.decode()  # themes are offered by name, with a description
    for theme in ("klasik", "modern", "hijau"):
        assert f"tampilan/pratinjau/{theme}" in form.content.decode()  # ... and a picture of each

    response = client_a.post(url, {"tema": "hijau", "warna_utama": "#7A1F1F"})
    assert response.status_code == 302

    assert Desa.objects.get(pk=client_a.desa.pk).theme == "hijau"
    assert AuditLog.objects.get(action="tema", desa_slug=client_a.desa.slug).actor == "kades (admin uji-a)"
    with client_a.schema():
        assert PengaturanTampilan.objects.get().warna_utama == "#7a1f1f"  # stored the way CSS writes it
    client_a.logout()
    page_a = client_a.get("/").content.decode()
    assert stylesheet_of(page_a) == "hijau"
    assert "--brand:#7a1f1f" in brand_style(page_a)

    page_b = client_b.get("/").content.decode()
    assert stylesheet_of(page_b) == "klasik" and brand_style(page_b) == ""
    assert Desa.objects.get(pk=client_b.desa.pk).theme == "klasik"


def test_a_too_light_colour_is_refused_and_nothing_is_lost(client_a):
    login(client_a, "kades", KEPALA_DESA)
    url = edit_url(client_a)
    response = client_a.post(url, {"tema": "modern", "warna_utama": "#9fe29f"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "terlalu terang" in html and "misalnya #" in html
    assert 'value="#9fe29f"' in html  # what was typed is still there to correct
    assert Desa.objects.get(pk=client_a.desa.pk).theme == "klasik"  # the theme did not half-change either
    with client_a.schema():
        assert not PengaturanTampilan.objects.exclude(warna_utama="").exists()


def test_a_theme_that_does_not_exist_cannot_be_posted(client_a):
    login(client_a, "kades", KEPALA_DESA)
    response = client_a.post(edit_url(client_a), {"tema": "../../rahasia", "warna_utama": ""})
    assert response.status_code == 200
    assert Desa.objects.get(pk=client_a.desa.pk).theme == "klasik"


def test_an_operator_cannot_change_the_look(client_a):
    login(client_a, "kades", KEPALA_DESA)
    url = edit_url(client_a)
    login(client_a, "operator", OPERATOR)
    assert client_a.get(url).status_code != 200  # Wagtail sends them back to the dashboard
    client_a.post(url, {"tema": "hijau", "warna_utama": "#7a1f1f"})
    assert Desa.objects.get(pk=client_a.desa.pk).theme == "klasik"
    with client_a.schema():
        assert not PengaturanTampilan.objects.exclude(warna_utama="").exists()


def test_pages_print_no_colour_rule_when_the_desa_keeps_its_theme_colours(client_a):
    assert brand_style(client_a.get("/").content.decode()) == ""


def test_a_stored_colour_that_fails_contrast_is_darkened_on_the_page(client_a):
    with client_a.schema():
        PengaturanTampilan.objects.create(warna_utama="#ffee00")  # written around the form (shell, old data)
    style = brand_style(client_a.get("/").content.decode())
    brand = re.search(r"--brand:(#[0-9a-f]{6})", style).group(1)
    from sites.tampilan.warna import SURFACE, contrast

    assert brand != "#ffee00" and contrast(brand, SURFACE) >= 4.5


def test_a_new_colour_reaches_pages_that_were_already_cached(client_a):
    from django.test import Client

    visitor = Client(HTTP_HOST=client_a.host)
    visitor.get("/")
    assert visitor.get("/")["X-Cache"] == "HIT"
    login(client_a, "kades", KEPALA_DESA)
    client_a.post(edit_url(client_a), {"tema": "klasik", "warna_utama": "#7a1f1f"})
    assert "--brand:#7a1f1f" in brand_style(visitor.get("/").content.decode())
