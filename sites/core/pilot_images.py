"""Pictures for the pilot's sample content, drawn with Pillow: nothing is downloaded, and running the pilot
loader again reuses the image of the same title instead of making another."""

import io
import textwrap

from django.core.files.images import ImageFile
from PIL import Image as PILImage
from PIL import ImageDraw, ImageFont
from wagtail.images import get_image_model

PALETTE = {
    "biru": ((11, 79, 108), (32, 128, 160)),
    "hijau": ((27, 94, 32), (86, 160, 70)),
    "oranye": ((168, 84, 10), (230, 150, 40)),
    "ungu": ((74, 40, 110), (130, 90, 170)),
    "abu": ((60, 72, 88), (120, 135, 150)),
}


def generated_image(title: str, caption: str, colour: str = "biru", size=(1200, 800)):
    """An Image (Wagtail) with `title`: a soft gradient with `caption` written on it; reused when it exists."""
    Image = get_image_model()
    existing = Image.objects.filter(title=title).first()
    if existing:
        return existing
    top, bottom = PALETTE.get(colour, PALETTE["biru"])
    width, height = size
    picture = PILImage.new("RGB", size, top)
    draw = ImageDraw.Draw(picture)
    for y in range(height):
        share = y / (height - 1)
        draw.line(
            [(0, y), (width, y)], fill=tuple(round(a + (b - a) * share) for a, b in zip(top, bottom, strict=True))
        )
    font = ImageFont.load_default(size=max(24, width // 18))
    lines = textwrap.wrap(caption, width=22)
    line_height = font.size * 1.25
    y = (height - line_height * len(lines)) / 2
    for line in lines:
        text_width = draw.textlength(line, font=font)
        draw.text(((width - text_width) / 2, y), line, font=font, fill=(255, 255, 255))
        y += line_height
    buffer = io.BytesIO()
    picture.save(buffer, format="JPEG", quality=82)
    slug = "".join(ch if ch.isalnum() else "-" for ch in title.lower()).strip("-")[:60]
    image = Image(title=title, file=ImageFile(buffer, name=f"{slug}.jpg"))
    image.save()
    return image
