"""Documents: an allow-list of office formats, checked by content, not by the name a file was given.

Wagtail checks the extension (WAGTAILDOCS_EXTENSIONS); a web page or a script renamed `laporan.pdf` would
still pass, so we read the first bytes: PDF has its own signature, OOXML and OpenDocument are ZIP archives
with a known member, the old Office formats are OLE2 compound files, CSV/TXT must be text that is not HTML.
Documents are served as downloads (WAGTAILDOCS_INLINE_CONTENT_TYPES = []).
"""

import os
import zipfile

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.template.defaultfilters import filesizeformat
from wagtail.documents.forms import BaseDocumentForm

MAX_DOCUMENT_SIZE = 20 * 1024 * 1024
OLE2_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
OOXML_MEMBER = {"docx": "word/", "xlsx": "xl/", "pptx": "ppt/"}
OPENDOCUMENT_MIMETYPE = {
    "odt": b"application/vnd.oasis.opendocument.text",
    "ods": b"application/vnd.oasis.opendocument.spreadsheet",
    "odp": b"application/vnd.oasis.opendocument.presentation",
}
MARKUP_HINTS = (b"<html", b"<!doctype", b"<script", b"<svg", b"<?php", b"<iframe", b"<body")


def extension_of(name: str) -> str:
    return os.path.splitext(name)[1].lower().lstrip(".")


def content_matches(upload, extension: str) -> bool:
    upload.seek(0)
    head = upload.read(8192)
    upload.seek(0)
    if extension == "pdf":
        return head.lstrip()[:5] == b"%PDF-"
    if extension in ("doc", "xls", "ppt"):
        return head.startswith(OLE2_SIGNATURE)
    if extension in OOXML_MEMBER or extension in OPENDOCUMENT_MIMETYPE:
        return zip_matches(upload, extension)
    if extension in ("csv", "txt"):
        return is_plain_text(head)
    return False


def zip_matches(upload, extension: str) -> bool:
    try:
        with zipfile.ZipFile(upload) as archive:
            names = archive.namelist()
            if extension in OOXML_MEMBER:
                return "[Content_Types].xml" in names and any(n.startswith(OOXML_MEMBER[extension]) for n in names)
            return "mimetype" in names and archive.read("mimetype").strip() == OPENDOCUMENT_MIMETYPE[extension]
    except (zipfile.BadZipFile, OSError, KeyError):
        return False
    finally:
        upload.seek(0)


def is_plain_text(head: bytes) -> bool:
    if b"\x00" in head:
        return False
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as exc:
        # the 8 KiB cut may split one character; anything earlier is not UTF-8 text
        if exc.start < len(head) - 4:
            try:
                head.decode("cp1252")  # spreadsheets exported on Windows
            except UnicodeDecodeError:
                return False
    lowered = head.lstrip().lower()
    return not any(lowered.startswith(hint) or hint in lowered[:1024] for hint in MARKUP_HINTS)


class DesaDocumentForm(BaseDocumentForm):
    """Wagtail's document form with content checks; see WAGTAILDOCS_DOCUMENT_FORM_BASE."""

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if not isinstance(upload, UploadedFile):
            return upload
        allowed = settings.WAGTAILDOCS_EXTENSIONS
        extension = extension_of(upload.name)
        if extension not in allowed:
            raise ValidationError(
                f"Jenis berkas .{extension or '?'} tidak diterima. Unggah dokumen berformat "
                f"{', '.join(ext.upper() for ext in allowed)}.",
                code="invalid_extension",
            )
        if upload.size > MAX_DOCUMENT_SIZE:
            raise ValidationError(
                f"Berkas terlalu besar ({filesizeformat(upload.size)}). "
                f"Ukuran paling besar {filesizeformat(MAX_DOCUMENT_SIZE)}.",
                code="file_too_large",
            )
        if not content_matches(upload, extension):
            raise ValidationError(
                f"Isi berkas bukan dokumen .{extension} yang sah. Simpan ulang dari aplikasinya "
                "(misalnya Word, Excel atau 'Simpan sebagai PDF') lalu unggah lagi.",
                code="content_mismatch",
            )
        return upload
