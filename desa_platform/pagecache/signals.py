"""Any change to a desa's content or settings makes that desa's cached pages stale."""

from django.db import connection
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver
from django_tenants.utils import get_public_schema_name
from wagtail.admin.models import EditingSession
from wagtail.images.models import AbstractRendition
from wagtail.models import BaseLogEntry, Revision, TaskState, WorkflowState
from wagtail.signals import page_published, page_unpublished, post_page_move
from wagtail.users.models import UserProfile

from . import store

# Apps whose rows show up on public pages.
CONTENT_APP_PREFIXES = ("sites.", "wagtail", "taggit")
# Rows of those apps no visitor ever sees: a rendition made on first view, audit-log rows, drafts and workflow
# states (publishing sends page_published), an editor's live editing session (saved every few seconds).
NOT_SHOWN = (AbstractRendition, BaseLogEntry, Revision, WorkflowState, TaskState, EditingSession, UserProfile)


def _is_content(sender) -> bool:
    """A model's rows appear on public pages unless it says otherwise: `shown_on_public_pages = False` on a
    model (residents' contact messages, letter requests…) keeps its writes from emptying the desa's page cache;
    an anonymous contact post once did, six of them a second cut throughput by 90 %."""
    config = getattr(getattr(sender, "_meta", None), "app_config", None)
    if config is None or not config.name.startswith(CONTENT_APP_PREFIXES):
        return False
    if not getattr(sender, "shown_on_public_pages", True):
        return False
    return not issubclass(sender, NOT_SHOWN)


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
