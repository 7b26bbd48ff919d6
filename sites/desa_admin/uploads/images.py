"""Images as phones make them: checked by content, turned upright, HEIC made JPEG, every EXIF tag dropped.

Wagtail's WagtailImageField already refuses a wrong extension, a content that is not the format its name
says (a `.php` renamed `.jpg`), a file over WAGTAILIMAGES_MAX_UPLOAD_SIZE and an image over
WAGTAILIMAGES_MAX_IMAGE_PIXELS; we give those refusals plain Indonesian words. Then the accepted image is
decoded once and written anew, which is what strips the GPS position a phone puts in every photo.
"""

import io
import os
import warnings

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile, UploadedFile
from django.template.defaultfilters import filesizeformat
from PIL import Image, ImageOps
from pillow_heif import register_heif_opener
from wagtail.images.forms import BaseImageForm

register_heif_opener()

# What an upload is stored as: format for Pillow, extension, content type.
STORED_AS = {
    "JPEG": ("JPEG", "jpg", "image/jpeg"),
    "MPO": ("JPEG", "jpg", "image/jpeg"),  # some phones write JPEG with a depth map as MPO
    "HEIF": ("JPEG", "jpg", "image/jpeg"),  # browsers cannot show HEIC
    "PNG": ("PNG", "png", "image/png"),
    "WEBP": ("WEBP", "webp", "image/webp"),
}


def error_messages() -> dict:
    max_size = filesizeformat(settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE)
    max_megapixels = settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS // 1_000_000
    formats = ", ".join(ext.upper() for ext in settings.WAGTAILIMAGES_EXTENSIONS)
    return {
        "invalid_image": "Berkas ini bukan gambar yang bisa dibaca. Unggah foto JPG, PNG, WebP atau HEIC.",
        "invalid_image_extension": f"Jenis berkas ini tidak diterima. Unggah gambar berformat {formats}.",
        "invalid_image_known_format": (
            "Isi berkas tidak sesuai dengan namanya (.%(extension)s, isinya %(image_format)s). "
            "Simpan ulang gambarnya dengan format yang benar lalu unggah lagi."
        ),
        "file_too_large": (
            f"Berkas terlalu besar (%(file_size)s). Ukuran paling besar {max_size}; "
            "kecilkan fotonya atau kirim lewat WhatsApp ke diri sendiri lalu unggah hasilnya."
        ),
        "file_too_large_unknown_size": f"Berkas terlalu besar. Ukuran paling besar {max_size}.",
        "file_too_many_pixels": (
            f"Resolusi gambar terlalu besar (%(num_pixels)s piksel). Paling besar {max_megapixels} megapiksel; "
            "perkecil ukuran gambarnya lalu unggah lagi."
        ),
    }


def normalise(upload) -> SimpleUploadedFile:
    """Decode the upload and write it anew: upright, no EXIF/XMP/comments, HEIC as JPEG."""
    upload.seek(0)
    with warnings.catch_warnings():
        # Pillow only warns between MAX_IMAGE_PIXELS and twice that; a bomb must never be decoded.
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            with Image.open(upload) as original:
                source_format = original.format
                if source_format not in STORED_AS:
                    raise ValidationError(error_messages()["invalid_image"], code="invalid_image")
                if original.width * original.height > settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS:
                    raise ValidationError(
                        error_messages()["file_too_many_pixels"] % {"num_pixels": original.width * original.height},
                        code="file_too_many_pixels",
                    )
                icc_profile = original.info.get("icc_profile")
                image = ImageOps.exif_transpose(original)  # also copies the pixels out of the file
        except (Image.DecompressionBombError, Image.DecompressionBombWarning):
            raise ValidationError(
                error_messages()["file_too_many_pixels"] % {"num_pixels": "?"}, code="file_too_many_pixels"
            ) from None
        except (OSError, SyntaxError, ValueError) as exc:
            raise ValidationError(error_messages()["invalid_image"], code="invalid_image") from exc

    pil_format, extension, content_type = STORED_AS[source_format]
    options = {"icc_profile": icc_profile} if icc_profile else {}
    if pil_format == "JPEG":
        if image.mode not in ("RGB", "L"):
            image = image.convert("RGB")
        options.update(quality=88, optimize=True)
    elif pil_format == "WEBP":
        options.update(quality=88)
    else:
        options.update(optimize=True)
    # Pillow writes back what it read into .info (a JPEG's COM segment — "comment" — among it): start clean.
    image.info = {}
    buffer = io.BytesIO()
    image.save(buffer, pil_format, **options)  # no exif=…: nothing of the camera's metadata is written
    stem = os.path.splitext(os.path.basename(upload.name))[0] or "gambar"
    return SimpleUploadedFile(f"{stem}.{extension}", buffer.getvalue(), content_type=content_type)


class DesaImageForm(BaseImageForm):
    """Wagtail's image form (single, multiple and chooser upload) with our checks; see WAGTAILIMAGES_IMAGE_FORM_BASE."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "file" in self.fields:
            field = self.fields["file"]
            field.error_messages.update(error_messages())
            field.to_python = _readable_or_refused(field, field.to_python)

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if isinstance(upload, UploadedFile):
            return normalise(upload)
        return upload


def _readable_or_refused(field, to_python):
    """Wagtail's field decodes the image to count its pixels; a truncated JPEG or PNG makes Pillow raise
    OSError there, which was a 500. It is an unreadable image: say so."""

    def checked(data):
        try:
            return to_python(data)
        except (OSError, SyntaxError) as exc:
            raise ValidationError(field.error_messages["invalid_image"], code="invalid_image") from exc

    return checked
