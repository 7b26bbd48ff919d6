"""`{% load tampilan_tags %}{% warna_merek %}`: the desa's brand colour as CSS custom properties.

Printed in <head> right after the theme's stylesheet, so it overrides the theme's own `:root` colours; prints
nothing when the desa keeps its theme's colours. Never writes: a page view must not empty the page cache.
"""

from django import template
from django.core.exceptions import ValidationError
from django.utils.html import format_html

from desa_platform.tenancy.current import current_desa
from sites.core import memo

from ..warna import palette

register = template.Library()


def brand_colour() -> str:
    from ..models import PengaturanTampilan

    if current_desa() is None:
        return ""

    def load():
        row = PengaturanTampilan.base_queryset().only("warna_utama").first()
        return row.warna_utama if row else ""

    return memo.remember("brand_colour", load)


@register.simple_tag
def warna_merek() -> str:
    colour = brand_colour()
    if not colour:
        return ""
    try:
        colours = palette(colour)
    except ValidationError:  # a value written around the form: keep the theme's own colours
        return ""
    declarations = ";".join(f"{name}:{value}" for name, value in colours.items())
    return format_html("<style>:root{{{}}}</style>", declarations)
