"""One way to cut a list into pages (`?page=N`, the one query key the page cache keeps), and how long each
kind of list is.

`Paginator.get_page` answers a missing, malformed or too-high number with the first or last page, so a
hand-edited or stale link never ends in a 404 or a 500.
"""

from django.core.paginator import Page, Paginator

ARTICLES_PER_PAGE = 9  # news cards: three rows of three on a wide screen
ITEMS_PER_PAGE = 10  # announcements, past events, search results
ROWS_PER_PAGE = 20  # produk hukum: one short line each


def paginate(request, items, per_page: int = ITEMS_PER_PAGE) -> Page:
    return Paginator(items, per_page).get_page(request.GET.get("page"))
