"""Pages the platform itself published (the default tree, the pilot, a restore) carry no user: the admin's
reports and histories name the publisher "sistem", never Python's "None"."""

import pytest
from wagtail.models import Page

from .english import visible_chunks
from .helpers import KEPALA_DESA, login

pytestmark = pytest.mark.django_db


def test_the_aging_pages_report_names_the_platform_as_sistem(client_a):
    login(client_a, "kades-laporan", KEPALA_DESA)
    with client_a.schema():
        page = Page.objects.get(depth=2).get_children().live().first().specific
        page.save_revision().publish(user=None)  # as the pilot loader and provisioning publish
    seen = [chunk.strip() for chunk in visible_chunks(client_a.get("/admin/reports/aging-pages/").content.decode())]
    assert page.title in seen
    assert "sistem" in seen
    assert "None" not in seen
