"""Site search: Wagtail search over this desa's own index (PostgreSQL full text, 'indonesian' configuration).

Pages holding the query as an exact phrase come first, then the pages holding all its words in any form
('membangun' for 'pembangunan'); each result shows its matching sentence (sentences.py).
"""

from django.template.response import TemplateResponse
from wagtail.models import Page
from wagtail.search.query import Phrase

from sites.core.pagination import paginate

from .sentences import matching_sentence

MAX_QUERY_LENGTH = 100
MAX_RESULTS = 300


def ranked_pages(query: str) -> list[int]:
    pages = Page.objects.live().public()
    exact = []
    if len(query.split()) > 1:
        exact = [page.pk for page in pages.search(Phrase(query))[:MAX_RESULTS]]
    words = [page.pk for page in pages.search(query, operator="and")[:MAX_RESULTS]]
    return list(dict.fromkeys(exact + words))


def search(request):
    query = " ".join(request.GET.get("q", "").split())[:MAX_QUERY_LENGTH]
    results = None
    if query:
        results = paginate(request, ranked_pages(query))
        by_id = Page.objects.filter(pk__in=results.object_list).specific().in_bulk()
        results.object_list = [by_id[pk] for pk in results.object_list if pk in by_id]
        for page in results.object_list:
            page.search_sentence = matching_sentence(page, query)
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
