"""Site search: Wagtail search over this desa's own index (PostgreSQL full text, 'simple' configuration)."""

from django.template.response import TemplateResponse
from wagtail.models import Page

from sites.core.pagination import paginate

MAX_QUERY_LENGTH = 100


def search(request):
    query = " ".join(request.GET.get("q", "").split())[:MAX_QUERY_LENGTH]
    results = None
    if query:
        found = Page.objects.live().public().search(query, operator="and")
        results = paginate(request, found)
        results.object_list = [result.specific for result in results.object_list]
    context = {
        "search_query": query,
        "results": results,
        "page_obj": results,
        "crumb_current": "Pencarian",
        "canonical_path": "/cari/",
    }
    response = TemplateResponse(request, "search/search.html", context)
    # Results change with every query and every new page: keep them out of shared caches.
    response["Cache-Control"] = "private, max-age=0"
    return response
