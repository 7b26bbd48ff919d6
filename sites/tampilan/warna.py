"""Brand colours checked against WCAG 2.x AA, so a desa's colour never makes its own site unreadable.

Every theme uses the brand colour in two ways: as a background under white text (header, buttons) and as text on
a light background (links, headings). Both need a contrast of at least 4.5:1 (AA, normal text). Themes promise
that any background under brand-coloured text is at least as light as SURFACE (#f3f3f3: white, cream, pale grey),
so the colour is checked against SURFACE; white text on it then passes too.
A colour that fails is refused with a darker suggestion of the same hue; nothing is adjusted silently in the
admin. At render time a stored colour is still checked and darkened if needed (a row written outside the form).
"""

import colorsys
import re

from django.core.exceptions import ValidationError

AA_NORMAL = 4.5
WHITE = "#ffffff"
SURFACE = "#f3f3f3"
BODY_TEXT = "#1f2933"
_HEX = re.compile(r"^#?([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$")


def normalise(value: str) -> str:
    """'#1A5C3A', '1a5c3a' or '#1a5' → '#1a5c3a'; raises ValidationError (Indonesian) when it is no colour."""
    match = _HEX.match((value or "").strip())
    if not match:
        raise ValidationError(
            "“%(value)s” bukan kode warna. Tulis kode heks seperti #1a5c3a (tanda # lalu 6 angka/huruf a–f).",
            code="bukan_warna",
            params={"value": value},
        )
    digits = match.group(1).lower()
    if len(digits) == 3:
        digits = "".join(c * 2 for c in digits)
    return f"#{digits}"


def _rgb(hex_colour: str) -> tuple[float, float, float]:
    h = normalise(hex_colour)[1:]
    return tuple(int(h[i : i + 2], 16) / 255 for i in (0, 2, 4))


def _hex(rgb) -> str:
    return "#" + "".join(f"{round(max(0.0, min(1.0, c)) * 255):02x}" for c in rgb)


def luminance(hex_colour: str) -> float:
    """Relative luminance as WCAG defines it."""

    def channel(c):
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in _rgb(hex_colour))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def darkened(hex_colour: str, minimum: float = AA_NORMAL) -> str:
    """The same hue and saturation, just dark enough to read on any theme's light surface (and under white text)."""
    h, lightness, s = colorsys.rgb_to_hls(*_rgb(hex_colour))
    candidate = normalise(hex_colour)
    while contrast(candidate, SURFACE) < minimum and lightness > 0:
        lightness = max(0.0, lightness - 0.01)
        candidate = _hex(colorsys.hls_to_rgb(h, lightness, s))
    return candidate


def mixed(hex_colour: str, other: str, share_of_other: float) -> str:
    a, b = _rgb(hex_colour), _rgb(other)
    return _hex(tuple(x + (y - x) * share_of_other for x, y in zip(a, b, strict=True)))


def validate_brand_colour(value: str) -> None:
    """Model-field validator: a real colour that keeps white text on it (and it as text on a light page) at AA."""
    if not value:
        return
    colour = normalise(value)
    ratio = contrast(colour, SURFACE)
    if ratio < AA_NORMAL:
        raise ValidationError(
            "Warna %(colour)s terlalu terang: teks putih di atasnya dan tautan berwarna ini di atas latar terang "
            "sulit dibaca (kontras %(ratio)s:1, minimal 4,5:1 menurut WCAG AA). Pilih warna yang lebih gelap, "
            "misalnya %(suggestion)s (warna yang sama, lebih tua).",
            code="kontras_kurang",
            params={"colour": colour, "ratio": f"{ratio:.1f}".replace(".", ","), "suggestion": darkened(colour)},
        )


def palette(hex_colour: str) -> dict[str, str]:
    """The custom properties a theme reads: the brand colour (made AA-safe if it somehow is not), a darker
    shade for hover and dark bands, and a light tint for panels that keeps the brand colour readable on it."""
    brand = darkened(normalise(hex_colour))
    dark = mixed(brand, "#000000", 0.3)
    share = 0.88
    soft = mixed(brand, WHITE, share)
    while (contrast(brand, soft) < AA_NORMAL or contrast(BODY_TEXT, soft) < 7) and share < 1:
        share = min(1.0, share + 0.02)
        soft = mixed(brand, WHITE, share)
    return {"--brand": brand, "--brand-dark": dark, "--brand-soft": soft}
