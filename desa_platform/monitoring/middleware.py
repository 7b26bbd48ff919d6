from django.db import connection
from django_tenants.utils import schema_context

from . import visits


class VisitCounterMiddleware:
    """Count a visitor's page view for the desa (visits.py); comes before the page cache so hits count too."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        desa = getattr(request, "tenant", None)
        if desa is not None and visits.is_countable(request, response):
            if connection.schema_name == desa.schema_name:
                visits.count(request)
            else:  # a view left the connection elsewhere; the counter key must carry this desa's schema
                with schema_context(desa.schema_name):
                    visits.count(request)
        return response
