"""Any change to a desa's content or settings makes that desa's cached pages stale."""

from django.db import connection
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver
from django_tenants.utils import get_public_schema_name
from wagtail.images.models import AbstractRendition
from wagtail.models import BaseLogEntry
from wagtail.signals import page_published, page_unpublished, post_page_move

from . import store

# Apps whose rows show up on public pages; drafts and revisions are harmless extra misses.
CONTENT_APP_PREFIXES = ("sites.", "wagtail", "taggit")


def _is_content(sender) -> bool:
    config = getattr(getattr(sender, "_meta", None), "app_config", None)
    if config is None or not config.name.startswith(CONTENT_APP_PREFIXES):
        return False
    # A rendition made on first view, or an audit-log row, changes nothing a visitor sees.
    return not issubclass(sender, (AbstractRendition, BaseLogEntry))


@receiver(post_save)
@receiver(post_delete)
@receiver(m2m_changed)
def content_changed(sender, **kwargs):
    if connection.schema_name != get_public_schema_name() and _is_content(sender):
        store.bump_now_and_on_commit()


@receiver(page_published)
@receiver(page_unpublished)
@receiver(post_page_move)
def page_changed(**kwargs):
    store.bump_now_and_on_commit()
