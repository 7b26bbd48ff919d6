from wagtail.models import Page


class BasePage(Page):
    """What every page type of a desa site shares."""

    class Meta:
        abstract = True
