"""Finding the page of a URL from the worker's memo instead of walking the tree (the home page's `route()`).

Wagtail's `route()` goes down one URL segment at a time: a query for each child and one more for its
`.specific` — four for /berita/<article>/ — and the page then reads its picture with another. Their answers only
change when a page or picture is added, edited, moved or (un)published, and each of those starts a new content
generation. So the first walk's answer (which page, by model and id) is kept in the memo, with the page's row
and the rows of the foreign keys its template shows (`BasePage.route_select_related`) as plain values; a later
view of the same URL builds its own page instance from them, without a query.

A desa keeps at most DESA_MEMO_PAGES page rows (a few kilobytes each); past that a known URL costs one query.
Routes are kept only when the walk reached a live page with no sub-route: a routable page's own URLs
(/berita/kategori/<slug>/) are walked afresh, and a URL that reached no page keeps nothing, so visitors trying
made-up URLs cannot grow the memo — it holds at most one entry per live page of the desa.
"""

import copy
import json

from django.apps import apps
from django.core.serializers.json import DjangoJSONEncoder
from django.db import DEFAULT_DB_ALIAS
from wagtail.fields import StreamField
from wagtail.url_routing import RouteResult

from . import memo


def route(request, path_components, walk):
    """The RouteResult `walk(request, path_components)` (Wagtail's own route) gives, from the memo when it can."""
    if not path_components:
        return walk(request, path_components)
    key = "route:" + "/".join(path_components)
    known = memo.recall(key)
    if known is not None:
        page = page_from_memo(*known)
        if page is not None:
            return RouteResult(page)
    result = walk(request, path_components)
    page, args, kwargs = result
    if page.live and not args and not kwargs:
        memo.keep(key, (page._meta.label, page.pk))
    return result


def page_from_memo(label: str, pk: int):
    """A fresh instance of page `pk` (and of its `route_select_related` rows) from the memo's values; None when
    the page is gone (deleted by a transaction that has not bumped the generation yet): then Wagtail walks."""
    model = apps.get_model(label)

    def load():
        page = model.objects.select_related(*model.route_select_related).filter(pk=pk).first()
        if page is None:
            return None
        related = {}
        for name in model.route_select_related:
            row = getattr(page, name)
            related[name] = None if row is None else (row._meta.label, row_values(row))
        return row_values(page), related

    # A row is a few kilobytes (an article's body): the first pages seen at this generation keep theirs (the
    # articles being shared), later ones cost their query.
    remembered = memo.remember_some(f"page:{label}:{pk}", load, "page-rows")
    if remembered is None:
        return None
    values, related = remembered
    page = model.from_db(DEFAULT_DB_ALIAS, [f.attname for f in model._meta.concrete_fields], _own(values))
    for name, row in related.items():
        if row is None:
            setattr(page, name, None)
        else:
            row_label, row_values_ = row
            row_model = apps.get_model(row_label)
            names = [f.attname for f in row_model._meta.concrete_fields]
            setattr(page, name, row_model.from_db(DEFAULT_DB_ALIAS, names, _own(row_values_)))
    return page


def _own(values: tuple) -> list:
    """The values for one request's instance: a list or dict (a JSON column) copied, so no request changes the
    memo's."""
    return [copy.deepcopy(value) if isinstance(value, (list, dict)) else value for value in values]


def row_values(instance) -> tuple:
    """The row's columns in field order as plain values (a StreamField as its JSON text, a file by its name)."""
    values = []
    for field in instance._meta.concrete_fields:
        value = getattr(instance, field.attname)
        if isinstance(field, StreamField):
            value = json.dumps(field.get_prep_value(value), cls=DjangoJSONEncoder)
        elif hasattr(value, "storage") and hasattr(value, "name"):
            value = value.name
        values.append(value)
    return tuple(values)
