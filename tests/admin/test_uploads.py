"""Uploads as phones make them: HEIC/EXIF photos accepted and cleaned; bombs, scripts and disguises refused."""

import io
import os
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image
from pillow_heif import register_heif_opener
from wagtail.documents.models import Document
from wagtail.images.models import Image as WagtailImage

from .helpers import OPERATOR, login

pytestmark = pytest.mark.django_db
register_heif_opener()

ORIENTATION = 0x0112
GPS_IFD = 0x8825


def phone_exif() -> Image.Exif:
    """What a phone writes: rotate 90° on display, the camera model and where the photo was taken."""
    exif = Image.Exif()
    exif[ORIENTATION] = 6
    exif[0x010F] = "PhoneMaker"
    exif[0x0110] = "Phone X"
    gps = exif.get_ifd(GPS_IFD)
    gps[1] = "S"  # GPSLatitudeRef
    gps[2] = (6.0, 48.0, 43.2)  # GPSLatitude: Tuban
    gps[3] = "E"
    gps[4] = (111.0, 57.0, 15.6)
    return exif


def photo_bytes(fmt: str, size=(64, 32), exif=None, **options) -> bytes:
    image = Image.new("RGB", size, (200, 30, 30))
    image.paste((30, 30, 200), (0, 0, size[0] // 2, size[1]))  # left half blue: shows which way is up
    buffer = io.BytesIO()
    image.save(buffer, fmt, exif=exif.tobytes() if exif else b"", **options)
    return buffer.getvalue()


def upload_image(client, name: str, content: bytes, content_type="image/jpeg"):
    response = client.post(
        "/admin/images/multiple/add/",
        {"files[]": SimpleUploadedFile(name, content, content_type=content_type)},
        headers={"x-requested-with": "XMLHttpRequest"},
    )
    assert response.status_code == 200
    return response.json()


def stored_image(client, image_id: int):
    with client.schema():
        record = WagtailImage.objects.get(pk=image_id)
        with record.open_file() as f:
            data = f.read()
    return record, data


@pytest.fixture
def operator_client(client_a):
    login(client_a, "operator", OPERATOR)
    return client_a


def test_heic_from_a_phone_is_stored_as_upright_jpeg_without_exif(operator_client):
    # a HEIC file's own orientation is applied by the decoder; the EXIF (with GPS) is what must not survive
    heic = photo_bytes("HEIF", exif=phone_exif())
    assert Image.open(io.BytesIO(heic)).getexif().get_ifd(GPS_IFD)  # the test photo really carries a location

    result = upload_image(operator_client, "IMG_0042.HEIC", heic, "image/heic")
    assert result["success"], result

    record, data = stored_image(operator_client, result["image_id"])
    assert record.file.name.endswith(".jpg")
    stored = Image.open(io.BytesIO(data))
    assert stored.format == "JPEG"
    assert (stored.width, stored.height) == (record.width, record.height) == (32, 64)  # portrait, as seen on the phone
    assert not stored.getexif()
    assert b"PhoneMaker" not in data


def test_jpeg_is_turned_upright_and_its_location_removed(operator_client):
    jpeg = photo_bytes("JPEG", exif=phone_exif())
    assert Image.open(io.BytesIO(jpeg)).getexif().get_ifd(GPS_IFD)

    result = upload_image(operator_client, "foto-balai.jpg", jpeg)
    assert result["success"], result

    record, data = stored_image(operator_client, result["image_id"])
    stored = Image.open(io.BytesIO(data))
    assert (stored.width, stored.height) == (32, 64)
    # orientation 6 = rotate 90° clockwise for display: the blue left half is now on top
    top, bottom = stored.convert("RGB").getpixel((16, 4)), stored.convert("RGB").getpixel((16, 60))
    assert top[2] > top[0] and bottom[0] > bottom[2]
    exif = stored.getexif()
    assert not exif.get_ifd(GPS_IFD) and ORIENTATION not in exif
    assert b"PhoneMaker" not in data and b"Exif" not in data


def test_png_and_webp_are_accepted(operator_client):
    for name, fmt, content_type in (("peta.png", "PNG", "image/png"), ("spanduk.webp", "WEBP", "image/webp")):
        result = upload_image(operator_client, name, photo_bytes(fmt), content_type)
        assert result["success"], result


def test_jpeg_with_php_appended_is_stored_without_it(operator_client):
    polyglot = photo_bytes("JPEG") + b"<?php system($_GET['c']); ?>"
    result = upload_image(operator_client, "foto.jpg", polyglot)
    assert result["success"], result
    _record, data = stored_image(operator_client, result["image_id"])
    assert b"<?php" not in data


def test_php_renamed_jpg_is_refused_with_indonesian_words(operator_client):
    result = upload_image(operator_client, "foto.jpg", b"<?php system($_GET['c']); ?>\n")
    assert not result["success"]
    assert "bukan gambar" in result["error_message"]
    with operator_client.schema():
        assert not WagtailImage.objects.exists()


def test_png_renamed_jpg_is_refused_because_content_decides(operator_client):
    result = upload_image(operator_client, "foto.jpg", photo_bytes("PNG"))
    assert not result["success"]
    assert "tidak sesuai" in result["error_message"]


def test_svg_with_script_is_refused(operator_client):
    svg = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.cookie)</script></svg>'
    result = upload_image(operator_client, "logo.svg", svg, "image/svg+xml")
    assert not result["success"]
    assert "tidak diterima" in result["error_message"]


def test_html_is_refused_as_image(operator_client):
    result = upload_image(operator_client, "index.html", b"<html><script>alert(1)</script></html>", "text/html")
    assert not result["success"]


def test_oversized_image_gets_a_clear_indonesian_error(operator_client, settings):
    # random pixels do not compress: a 2000×1800 PNG is over the 10 MB limit
    noise = Image.frombytes("RGB", (2000, 1800), os.urandom(2000 * 1800 * 3))
    buffer = io.BytesIO()
    noise.save(buffer, "PNG", compress_level=1)
    assert buffer.tell() > settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE
    result = upload_image(operator_client, "foto-besar.png", buffer.getvalue(), "image/png")
    assert not result["success"]
    assert "terlalu besar" in result["error_message"]
    assert "10" in result["error_message"]


def test_decompression_bomb_is_refused_without_decoding(operator_client):
    # 400 megapixels of one colour compress to a few kilobytes
    bomb = io.BytesIO()
    Image.new("1", (20_000, 20_000)).save(bomb, "PNG")
    assert bomb.tell() < 200_000
    result = upload_image(operator_client, "bom.png", bomb.getvalue(), "image/png")
    assert not result["success"]
    assert "Resolusi gambar terlalu besar" in result["error_message"]


def test_image_over_the_pixel_limit_is_refused(operator_client):
    big = io.BytesIO()
    Image.new("L", (8000, 6000)).save(big, "PNG")  # 48 MP: under Pillow's bomb limit, over ours (40 MP)
    result = upload_image(operator_client, "panorama.png", big.getvalue(), "image/png")
    assert not result["success"]
    assert "40 megapiksel" in result["error_message"]


def test_images_of_desa_a_are_not_in_desa_b(operator_client, client_b):
    result = upload_image(operator_client, "foto.jpg", photo_bytes("JPEG"))
    with client_b.schema():
        assert not WagtailImage.objects.filter(pk=result["image_id"]).exists()


# --- documents -------------------------------------------------------------------------------------------


def upload_document(client, name: str, content: bytes):
    response = client.post(
        "/admin/documents/multiple/add/",
        {"files[]": SimpleUploadedFile(name, content)},
        headers={"x-requested-with": "XMLHttpRequest"},
    )
    assert response.status_code == 200
    return response.json()


def docx_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.mark.parametrize(
    "name, content",
    [
        ("apbdes-2025.pdf", PDF),
        ("perdes.docx", docx_bytes()),
        ("perdes-lama.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504),
        ("data-penduduk.csv", b"nama;dusun\nSiti;Krajan\n"),
    ],
)
def test_office_documents_are_accepted(operator_client, name, content):
    result = upload_document(operator_client, name, content)
    assert result["success"], result


@pytest.mark.parametrize(
    "name, content, words",
    [
        ("laporan.pdf", b"<html><script>alert(1)</script></html>", "bukan dokumen .pdf"),
        ("perdes.docx", b"<?php echo 1; ?>", "bukan dokumen .docx"),
        ("catatan.txt", b"<!DOCTYPE html><html><body><script>x</script>", "bukan dokumen .txt"),
        ("halaman.html", b"<html></html>", "tidak diterima"),
        ("gambar.svg", b"<svg/>", "tidak diterima"),
        ("skrip.php", b"<?php echo 1; ?>", "tidak diterima"),
    ],
)
def test_disguised_or_unlisted_documents_are_refused(operator_client, name, content, words):
    result = upload_document(operator_client, name, content)
    assert not result["success"]
    assert words in result["error_message"]
    with operator_client.schema():
        assert not Document.objects.exists()


def test_documents_are_served_as_downloads(operator_client):
    result = upload_document(operator_client, "apbdes-2025.pdf", PDF)
    with operator_client.schema():
        document = Document.objects.get(pk=result["doc_id"])
    response = operator_client.get(document.url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
