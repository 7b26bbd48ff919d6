"""Hole 9: the small ones. NUL bytes, truncated uploads, JPEG comments, headers, cache keys, audit rows."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from PIL import Image
from wagtail.images.models import Image as WagtailImage

from desa_platform.tenancy.models import AuditLog
from tests.admin.helpers import OPERATOR, login


def picture(fmt, **options) -> bytes:
    buffer = io.BytesIO()
    image = Image.new("RGB", (300, 200), (200, 30, 30))
    for x in range(0, 300, 7):  # some detail, so the file is long enough to cut in half
        image.paste((x % 255, 90, 30), (x, 0, x + 3, 200))
    image.save(buffer, fmt, **options)
    return buffer.getvalue()


def upload(client, name, content, content_type):
    return client.post(
        "/admin/images/multiple/add/",
        {"files[]": SimpleUploadedFile(name, content, content_type=content_type)},
        headers={"x-requested-with": "XMLHttpRequest"},
    )


@pytest.mark.django_db
@pytest.mark.parametrize(
    "name, fmt, content_type", [("foto.jpg", "JPEG", "image/jpeg"), ("denah.png", "PNG", "image/png")]
)
def test_a_truncated_photo_gets_a_clear_refusal_not_a_500(client_a, name, fmt, content_type):
    login(client_a, "operator", OPERATOR)
    whole = picture(fmt)
    response = upload(client_a, name, whole[: len(whole) // 2], content_type)
    assert response.status_code == 200  # Wagtail's multiple upload answers JSON, with the error inside
    body = response.json()
    assert body["success"] is False and "bukan gambar yang bisa dibaca" in str(body)
    with client_a.schema():
        assert not WagtailImage.objects.exists()


@pytest.mark.django_db
def test_jpeg_comment_segments_do_not_survive_the_upload(client_a):
    login(client_a, "operator", OPERATOR)
    content = picture("JPEG", comment=b"Koordinat rumah Pak RT: -6.81, 111.95")
    assert b"Koordinat rumah" in content
    body = upload(client_a, "foto.jpg", content, "image/jpeg").json()
    assert body["success"] is True
    with client_a.schema():
        with WagtailImage.objects.get(pk=body["image_id"]).open_file() as stored:
            data = stored.read()
    assert b"Koordinat rumah" not in data and b"\xff\xfe" not in data[: data.find(b"\xff\xda")]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "host, path",
    [
        ("uji-a.test", "/cari/?q=%00"),
        ("uji-a.test", "/cari/?q=desa%00%27"),
        ("uji-a.test", "/berita/?page=%00"),
        ("localhost", "/console/?q=%00"),
        ("localhost", "/console/audit/?pelaku=%00"),
    ],
)
def test_a_nul_byte_in_a_query_string_is_a_400(host, path):
    response = Client(HTTP_HOST=host, raise_request_exception=False).get(path)
    assert response.status_code == 400 and "tidak sah" in response.text


@pytest.mark.django_db
def test_a_nul_byte_in_the_admin_search_is_a_400(client_a):
    login(client_a, "operator", OPERATOR)
    client_a.raise_request_exception = False
    for path in ("/admin/pages/search/?q=%00", "/admin/images/?q=%00", "/admin/snippets/kontak/pesan/?q=a%00"):
        assert client_a.get(path).status_code == 400


@pytest.mark.django_db
def test_pages_carry_csp_without_inline_scripts_and_x_frame_options_even_from_the_cache(client_a):
    first, hit = client_a.get("/"), client_a.get("/")
    assert hit["X-Cache"] == "HIT"
    for response in (first, hit):
        policy = response["Content-Security-Policy"]
        scripts = next(part for part in policy.split(";") if part.strip().startswith(("script-src", "default-src")))
        assert "unsafe-inline" not in scripts and "frame-ancestors 'none'" in policy
        assert response["X-Frame-Options"] == "DENY"
        assert response["X-Content-Type-Options"] == "nosniff"
        assert response["Referrer-Policy"]


@pytest.mark.django_db
def test_only_page_numbers_make_cache_entries(client_a):
    assert client_a.get("/berita/?page=2")["X-Cache"] == "MISS"
    assert client_a.get("/berita/?page=2")["X-Cache"] == "HIT"
    for junk in ("abc", "2abc", "99999999999", "-1", "2%20", "1e3"):
        response = client_a.get(f"/berita/?page={junk}")
        assert response.status_code < 500 and response.get("X-Cache") is None  # answered, never stored


@pytest.mark.django_db
def test_a_made_up_support_link_writes_no_audit_row(desa_a):
    before = AuditLog.objects.count()
    for junk in ("x", "a" * 300, "eyJzIjoxfQ:1abc:def", "%00"):
        assert Client(HTTP_HOST="uji-a.test").get(f"/admin/dukungan/{junk}/").status_code in (400, 403, 404)
    assert AuditLog.objects.count() == before
