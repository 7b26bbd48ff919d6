"""For tests that commit for real (a live server, gunicorn workers): their publications are taken back afterwards.

Such a test publishes outside any test transaction, so nothing rolls its log back. Later tests of the same desa
count publications (the kecamatan digest, the aging-pages report): with `--reuse-db` they would count these too.
"""

from contextlib import contextmanager

from django.db.models import Max
from django_tenants.utils import schema_context
from wagtail.models import PageLogEntry

from desa_platform.monitoring.models import TenantEvent


def _newest(queryset) -> int:
    return queryset.aggregate(newest=Max("pk"))["newest"] or 0


@contextmanager
def publications_taken_back(*schemas: str):
    """Delete the page log entries (in each schema) and tenant events (public) written inside the block."""
    marks = {}
    for schema in schemas:
        with schema_context(schema):
            marks[schema] = _newest(PageLogEntry.objects.all())
    events = _newest(TenantEvent.objects.all())
    try:
        yield
    finally:
        for schema, mark in marks.items():
            with schema_context(schema):
                PageLogEntry.objects.filter(pk__gt=mark).delete()
        TenantEvent.objects.filter(pk__gt=events).delete()


@contextmanager
def new_rows_taken_back(schema: str, *models):
    """Delete the rows of `models` (in `schema`) made inside the block: pages read a desa's settings with load(),
    which makes the row when it is missing, and later tests of that desa would read this empty one."""
    with schema_context(schema):
        marks = {model: _newest(model.objects.all()) for model in models}
    try:
        yield
    finally:
        with schema_context(schema):
            for model, mark in marks.items():
                model.objects.filter(pk__gt=mark).delete()
