from django.utils.functional import SimpleLazyObject

from desa_platform.pagecache import memo
from desa_platform.tenancy.current import current_desa
from desa_platform.tenancy.themes import current_theme
from sites.core.kinds import words_for


def _pengaturan():
    """The desa's settings row, or a blank unsaved one: a page view never writes (Wagtail's `load()` would
    create the row on first read, and any write empties the desa's page cache)."""
    from sites.core.models import PengaturanDesa

    if current_desa() is None:
        return PengaturanDesa()
    return memo.remember("pengaturan", lambda: PengaturanDesa.base_queryset().first() or PengaturanDesa())


def desa(request):
    facts = current_desa()
    return {
        "desa": facts,
        # The office's own words (kepala desa / lurah / camat …), see sites/core/kinds.py.
        "kata": words_for(facts.kind if facts else None),
        "theme": current_theme(),
        "pengaturan": SimpleLazyObject(_pengaturan),
    }
