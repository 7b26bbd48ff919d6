"""A desa's look: which theme its site uses. Called by the desa's own admin (Pengaturan → Tampilan situs), the
console and the tests alike.

The theme is a column of the platform's `Desa` row, not a setting inside the desa's schema, because the router
needs it before it picks the schema (template lookup starts from the theme folder). Saving the row rebuilds the
routing table in every worker (signals.py); the desa's cached pages carry the old theme and are dropped here.
"""

from django.db import transaction
from django_tenants.utils import schema_context

from desa_platform.pagecache import store as page_cache

from ..models import AuditLog, Desa
from ..schemas import public_schema
from ..themes import available_themes
from . import audit
from .errors import ServiceError


def set_theme(desa: Desa | str, theme: str, actor=None) -> Desa:
    """Give `desa` (a Desa or its slug) the theme `theme` (a folder of themes/); returns the saved Desa."""
    theme = (theme or "").strip()
    if theme not in available_themes():
        raise ServiceError(f"Tema “{theme}” tidak tersedia. Pilih salah satu: {', '.join(available_themes())}.")
    with public_schema(), transaction.atomic():
        slug = desa if isinstance(desa, str) else desa.slug
        desa = Desa.objects.select_for_update().get(slug=slug)
        if desa.theme == theme:
            return desa
        previous = desa.theme
        desa.theme = theme
        desa.save(update_fields=["theme"])  # post_save → routing.invalidate()
        audit.record(actor, AuditLog.Action.THEME, desa, dari=previous, menjadi=theme)
        # Now, and again once committed: a page rendered in between with the old theme is not kept either.
        with schema_context(desa.schema_name):
            page_cache.bump_now_and_on_commit()
    return desa
