from django import template

from sites.core.formatting import rupiah

register = template.Library()


@register.filter
def rupiah_bertanda(value) -> str:
    """Like |rupiah, with a real minus sign in front for negative amounts: "−Rp 50.000"."""
    if value is None or value == "":
        return ""
    return f"−{rupiah(-value)}" if value < 0 else rupiah(value)


@register.filter
def persen(value) -> str:
    """42.5 → "42,5%" (Indonesian decimal comma)."""
    if value is None or value == "":
        return ""
    return f"{value:.1f}".replace(".", ",").removesuffix(",0") + "%"
