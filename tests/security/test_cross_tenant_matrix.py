"""Nothing of desa A is readable or changeable from desa B: every URL kind × both directions × anonymous,
operator, kepala desa and console staff. Each row also checks the same request on A's own host sees the
secret (for the roles that may), so a check that could never fail does not pass for one."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.test import Client
from django_tenants.utils import schema_context
from PIL import Image as PILImage
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import Page

from desa_platform.outbox.models import OutboxMessage
from sites.desa_admin.roles import KEPALA_DESA, OPERATOR
from sites.kontak.models import Pesan
from tests.admin.helpers import PASSWORD, make_user

SECRET = "Rahasia-Desa-{slug}-7c1f"


def seed(desa) -> dict:
    """In one desa: a published article, an image, a document, a resident's message, a user with an email."""
    secret = SECRET.format(slug=desa.slug)
    with schema_context(desa.schema_name):
        home = Page.objects.get(depth=2)
        page = home.add_child(instance=Page(title=secret, slug=f"kabar-{desa.slug}"))
        page.save_revision().publish()
        buffer = io.BytesIO()
        PILImage.new("RGB", (8, 8), "red").save(buffer, "PNG")
        image = Image.objects.create(title=f"Foto {secret}", file=ImageFile(buffer, name=f"foto-{desa.slug}.png"))
        document = Document.objects.create(
            title=f"Dokumen {secret}", file=ContentFile(b"%PDF-1.4 " + secret.encode(), name=f"perdes-{desa.slug}.pdf")
        )
        Pesan.objects.create(nama=f"Warga {secret}", jenis="pengaduan", pesan=f"Isi {secret}", telepon="0812")
        get_user_model().objects.create_user(f"warga-{desa.slug}", f"kades@{desa.slug}.test", "Rahasia-12345")
    return {"secret": secret, "page": page, "image": image, "document": document}


PUBLIC_URLS = ["/", "/feed.xml", "/sitemap.xml", "/cari/?q=Rahasia", "/berita/"]
ADMIN_URLS = [
    "/admin/",
    "/admin/pages/search/?q=Rahasia",
    "/admin/api/main/pages/?search=Rahasia",
    "/admin/images/",
    "/admin/documents/",
    "/admin/snippets/kontak/pesan/",
    "/admin/users/",
]


def browser(desa, role):
    client = Client(HTTP_HOST=desa.domains.get(is_primary=True).domain)
    if role in (OPERATOR, KEPALA_DESA):
        user = make_user(client_for(desa), f"{role.split()[0].lower()}-{desa.slug}", role)
        with schema_context(desa.schema_name):
            client.force_login(user)
    elif role == "console":
        with schema_context("public"):
            staff = get_user_model().objects.create_user("staf-matriks", password=PASSWORD, is_staff=True)
        client.force_login(staff)  # a console session cookie carried to the desa's domain
    return client


def client_for(desa):
    from tests.tenants import DesaClient

    return DesaClient(desa)


@pytest.fixture
def seeded(desa_a, desa_b):
    return {"a": (desa_a, seed(desa_a)), "b": (desa_b, seed(desa_b))}


@pytest.mark.django_db
@pytest.mark.parametrize("direction", ["a→b", "b→a"])
@pytest.mark.parametrize("role", ["anonymous", OPERATOR, KEPALA_DESA, "console"])
def test_nothing_of_one_desa_is_readable_from_another(seeded, direction, role):
    owner_key, other_key = direction.split("→")
    owner, facts = seeded[owner_key]
    other, _ = seeded[other_key]
    secret = facts["secret"]
    visitor = browser(other, role)
    urls = (
        PUBLIC_URLS
        + ADMIN_URLS
        + [
            f"/kabar-{owner.slug}/",
            f"/documents/{facts['document'].pk}/perdes-{owner.slug}.pdf",
            f"/admin/pages/{facts['page'].pk}/",
            f"/admin/pages/{facts['page'].pk}/edit/",
            f"/admin/images/{facts['image'].pk}/",
            f"/admin/documents/edit/{facts['document'].pk}/",
            f"/admin/api/main/pages/{facts['page'].pk}/",
        ]
    )
    for url in urls:
        response = visitor.get(url)
        assert response.status_code < 500, url
        body = b"".join(response.streaming_content) if response.streaming else response.content
        assert secret.encode() not in body, f"{direction} {role}: {url} shows the other desa's data"

    if role == KEPALA_DESA:  # the same person on their own desa does see their own data: the check can fail
        own = browser(owner, role)
        assert secret in own.get("/admin/pages/search/?q=Rahasia").text
        assert secret in own.get("/admin/snippets/kontak/pesan/").text


@pytest.mark.django_db
@pytest.mark.parametrize("role", [OPERATOR, KEPALA_DESA])
def test_nothing_of_one_desa_is_changeable_from_another(seeded, role):
    owner, facts = seeded["a"]
    other, _ = seeded["b"]
    visitor = browser(other, role)
    page, image, document = facts["page"], facts["image"], facts["document"]
    visitor.post(f"/admin/pages/{page.pk}/edit/", {"title": "Dibobol", "slug": page.slug, "action-publish": "1"})
    visitor.post(f"/admin/pages/{page.pk}/delete/")
    visitor.post(f"/admin/images/{image.pk}/delete/")
    visitor.post(f"/admin/documents/delete/{document.pk}/")
    visitor.post("/admin/snippets/kontak/pesan/delete/", {"id": list(range(1, 50))})
    with schema_context(owner.schema_name):
        assert Page.objects.get(pk=page.pk).title == facts["secret"]
        assert Image.objects.filter(pk=image.pk).exists() and Document.objects.filter(pk=document.pk).exists()
        assert Pesan.objects.filter(pesan__contains=facts["secret"]).exists()


@pytest.mark.django_db
def test_password_reset_and_console_accounts_stay_in_their_own_place(seeded):
    owner, _ = seeded["a"]
    other, _ = seeded["b"]
    # a reset for desa A's admin, asked on desa B's domain, mails nobody
    Client(HTTP_HOST=other.domains.get(is_primary=True).domain).post(
        "/admin/password_reset/", {"email": f"kades@{owner.slug}.test"}
    )
    assert not OutboxMessage.objects.filter(to=[f"kades@{owner.slug}.test"]).exists()
    # a desa admin's password does not open the console, nor a console account a desa's admin
    make_user(client_for(owner), "kades-konsol", KEPALA_DESA)
    console = Client(HTTP_HOST="localhost")
    console.post("/console/login/", {"username": "kades-konsol", "password": PASSWORD})
    assert console.get("/console/").status_code == 302
    with schema_context("public"):
        get_user_model().objects.create_user("staf-lintas", password=PASSWORD, is_staff=True)
    desa_admin = Client(HTTP_HOST=owner.domains.get(is_primary=True).domain)
    response = desa_admin.post("/admin/login/", {"username": "staf-lintas", "password": PASSWORD})
    assert response.status_code == 200 and "_auth_user_id" not in desa_admin.session


@pytest.mark.django_db
def test_media_urls_carry_their_own_desa_only(seeded):
    owner, facts = seeded["a"]
    with schema_context(owner.schema_name):
        url = Image.objects.get(pk=facts["image"].pk).file.url
        rendition = Image.objects.get(pk=facts["image"].pk).get_rendition("width-4").url
    assert url.startswith(f"/media/{owner.schema_name}/") and rendition.startswith(f"/media/{owner.schema_name}/")
    # what nginx does with them under another desa's domain: tests/security/test_nginx_media.py
