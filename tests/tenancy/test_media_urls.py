"""A file's URL is worked out once per process (desa_platform/tenancy/media.py), yet each desa's files keep
their own prefix: a picture of one desa is never linked under another's folder."""

import pytest
from django.core.files.storage import default_storage
from django_tenants.utils import schema_context

pytestmark = pytest.mark.django_db


def test_the_same_file_name_links_into_each_desa_own_folder(desa_a, desa_b):
    name = "images/balai-desa.2e16d0ba.max-800x533.webp"
    seen = {}
    for _ in range(2):  # the second round comes from what the first one kept
        for desa in (desa_a, desa_b):
            with schema_context(desa.schema_name):
                seen.setdefault(desa.slug, set()).add(default_storage.url(name))
    assert seen[desa_a.slug] == {f"/media/{desa_a.schema_name}/{name}"}
    assert seen[desa_b.slug] == {f"/media/{desa_b.schema_name}/{name}"}


def test_a_name_with_spaces_is_quoted_in_its_url(desa_a):
    with schema_context(desa_a.schema_name):
        assert default_storage.url("documents/apbdes 2024.pdf").endswith("/documents/apbdes%202024.pdf")
