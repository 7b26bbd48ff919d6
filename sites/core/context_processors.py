from django.utils.functional import SimpleLazyObject

from desa_platform.tenancy.current import current_desa
from desa_platform.tenancy.themes import current_theme
from sites.core import memo
from sites.core.kinds import words_for


def _pengaturan():
    """The desa's settings row, or a blank unsaved one: a page view never writes (Wagtail's `load()` would
    create the row on first read, and any write empties the desa's page cache)."""
    from sites.core.models import PengaturanDesa

    if current_desa() is None:
        return PengaturanDesa()
    # The memo keeps the row's values; each request gets its own instance built from them (no query).
    values, logo = memo.remember("pengaturan", _pengaturan_values)
    row = PengaturanDesa(**values)
    if logo is not None:
        from wagtail.images import get_image_model

        row.logo = get_image_model()(**logo)
    return row


def _pengaturan_values() -> tuple[dict, dict | None]:
    from sites.core.models import PengaturanDesa

    row = PengaturanDesa.base_queryset().select_related("logo").first()
    if row is None:
        return {}, None
    logo = row.logo
    return memo.field_values(row), (memo.field_values(logo) if logo is not None else None)


def desa(request):
    facts = current_desa()
    return {
        "desa": facts,
        # The office's own words (kepala desa / lurah / camat …), see sites/core/kinds.py.
        "kata": words_for(facts.kind, facts.name) if facts else words_for(None),
        "theme": current_theme(),
        "pengaturan": SimpleLazyObject(_pengaturan),
    }
