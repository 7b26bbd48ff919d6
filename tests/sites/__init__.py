"""Tests of the desa site's page apps. Helpers shared by these tests live here (call them inside a desa's
schema, e.g. `with client_a.schema(): ...`)."""

import re

from wagtail.models import Site


def home_page():
    return Site.objects.get(is_default_site=True).root_page.specific


def publish(parent, page):
    """Add `page` under `parent` and publish it, the way an editor would."""
    parent.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def text(response) -> str:
    """The response's visible text with tags dropped and whitespace collapsed (what a reader sees)."""
    html = response.content.decode()
    html = re.sub(r"<(script|style)[^>]*>.*?</\1>", " ", html, flags=re.S)
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def make_image(title="Foto uji", size=(900, 600)):
    from sites.core.pilot_images import generated_image

    return generated_image(title, title, size=size)
