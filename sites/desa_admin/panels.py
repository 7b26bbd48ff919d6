"""Dashboard panels: the onboarding checklist and the residents' latest messages."""

from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.admin.ui.components import Component

from . import onboarding

MESSAGE_COUNT = 5


class OnboardingPanel(Component):
    name = "lengkapi_situs"
    order = 50
    template_name = "desa_admin/panels/onboarding.html"

    def get_context_data(self, parent_context):
        steps = onboarding.checklist()
        return {"steps": steps, "percent": onboarding.completion(steps), "remaining": [s for s in steps if not s.done]}


def latest_messages(limit: int):
    """The kontak app's newest messages, or None while that app does not offer them."""
    try:
        from sites.kontak.models import latest_messages as kontak_latest
    except (ImportError, AttributeError):
        return None
    return kontak_latest(limit)


class LatestMessagesPanel(Component):
    name = "pesan_terbaru"
    order = 60
    template_name = "desa_admin/panels/messages.html"

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context):
        messages = latest_messages(MESSAGE_COUNT)
        if messages is None:
            return {"available": False}
        finder = AdminURLFinder(self.user)
        return {"available": True, "messages": [(message, finder.get_edit_url(message)) for message in messages]}


class SampleDataPanel(Component):
    """The pilot's sample content still unchanged, with a link to each edit screen (never shown to residents)."""

    name = "data_contoh"
    order = 55
    template_name = "desa_admin/panels/samples.html"

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context):
        from sites.core.sample import samples

        finder = AdminURLFinder(self.user)
        return {"items": [(mark.keterangan, finder.get_edit_url(obj)) for mark, obj in samples()]}
