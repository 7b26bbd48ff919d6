"""Plain text out of HTML, for lists, feeds and meta descriptions (which escape it once more themselves)."""

import html
import re

from django.utils.html import strip_tags


def plain_text(markup: str) -> str:
    """'<p>PKK &amp; Karang Taruna</p>' -> 'PKK & Karang Taruna': tags dropped, entities decoded, spaces joined.
    strip_tags alone keeps '&amp;', and the template's escaping then shows residents '&amp;'."""
    return re.sub(r"\s+", " ", html.unescape(strip_tags(markup or ""))).strip()
