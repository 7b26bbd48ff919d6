"""The admin says whose it is: a clerk who manages two desa sees at once which one a tab belongs to."""

import io
import re

import pytest
from django.core.files.images import ImageFile
from django.test import Client
from PIL import Image as PILImage
from wagtail.images import get_image_model

from sites.core.models import PengaturanDesa

from .helpers import KEPALA_DESA, login

pytestmark = pytest.mark.django_db


def title_and_heading(html: str) -> tuple[str, str]:
    title = re.search(r"<title>(.*?)</title>", html, re.S).group(1)
    heading = re.search(r"<h1[^>]*>(.*?)</h1>", html, re.S).group(1)
    return " ".join(title.split()), " ".join(re.sub(r"<[^>]+>", " ", heading).split())


def test_two_desa_admins_show_two_names(client_a, client_b):
    seen = {}
    for client in (client_a, client_b):
        login(client, "kades", KEPALA_DESA)
        seen[client.desa.display_name] = title_and_heading(client.get("/admin/").content.decode())
    (name_a, (title_a, heading_a)), (name_b, (title_b, heading_b)) = seen.items()
    assert name_a != name_b
    assert title_a.endswith(f"Admin {name_a}") and heading_a == name_a
    assert title_b.endswith(f"Admin {name_b}") and heading_b == name_b
    assert "Desa Digital" not in title_a + heading_a + title_b + heading_b
    assert "Wagtail" not in title_a + title_b


def test_every_admin_page_title_names_the_desa(client_a):
    login(client_a, "kades", KEPALA_DESA)
    html = client_a.get("/admin/pages/", follow=True).content.decode()
    assert title_and_heading(html)[0].endswith(f"Admin {client_a.desa.display_name}")


def test_login_page_names_the_desa_and_shows_its_logo(client_a, client_b):
    with client_a.schema():
        buffer = io.BytesIO()
        PILImage.new("RGB", (64, 64), "green").save(buffer, "PNG")
        logo = get_image_model().objects.create(title="Lambang desa", file=ImageFile(buffer, name="lambang.png"))
        settings_row = PengaturanDesa.load()
        settings_row.logo = logo
        settings_row.save()

    page_a = client_a.get("/admin/login/").content.decode()
    page_b = client_b.get("/admin/login/").content.decode()
    title_a, heading_a = title_and_heading(page_a)
    assert heading_a == f"Masuk ke admin {client_a.desa.display_name}"
    assert title_a.endswith(f"Admin {client_a.desa.display_name}")
    assert re.search(r"<h1[^>]*>\s*<img [^>]*src=\"[^\"]*lambang", page_a), "the desa's logo above the heading"
    # the other desa has no logo: its own name, Wagtail's mark, nothing of the first desa
    assert title_and_heading(page_b)[1] == f"Masuk ke admin {client_b.desa.display_name}"
    assert "lambang" not in page_b and client_a.desa.display_name not in page_b


def test_the_console_says_diskominfo(db):
    page = Client(HTTP_HOST="localhost").get("/console/login/", follow=True).content.decode()
    title, heading = title_and_heading(page)
    assert "Diskominfo" in title and "Diskominfo" in heading
