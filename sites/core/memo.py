"""Page apps' one way into the per-generation memo (desa_platform/pagecache/memo.py).

`remember(name, build)` gives what `build()` returned the first time in this worker for this desa and content
generation. The answer is shared by every later request of the worker, so it must be plain: strings, numbers,
booleans, None, and tuples, lists, dicts or frozen dataclasses of them. A model instance is refused — a Page
(or a settings row) carries caches and attributes that one request may change and the next would see; store its
values and build a fresh object per request instead (see context_processors.py).
"""

import dataclasses

from django.db import models

from desa_platform.pagecache import memo

PLAIN = (str, int, float, bool, type(None))


def check_plain(value, name: str = "") -> None:
    """Raise TypeError when `value` holds anything but plain data."""
    if isinstance(value, PLAIN):
        return
    if isinstance(value, (list, tuple, frozenset, set)):
        for item in value:
            check_plain(item, name)
        return
    if isinstance(value, dict):
        for key, item in value.items():
            check_plain(key, name)
            check_plain(item, name)
        return
    if dataclasses.is_dataclass(value) and not isinstance(value, type) and value.__dataclass_params__.frozen:
        for field in dataclasses.fields(value):
            check_plain(getattr(value, field.name), name)
        return
    if isinstance(value, models.Model):
        raise TypeError(f"memo '{name}': store {type(value).__name__}'s values, not the instance")
    # Decimal, dates and the like are immutable values too.
    if type(value).__module__ in ("decimal", "datetime", "uuid"):
        return
    raise TypeError(f"memo '{name}': {type(value).__name__} is not a plain value")


def remember(name: str, build):
    def checked():
        value = build()
        check_plain(value, name)
        return value

    return memo.remember(name, checked)


_MISSING = object()


def remember_some(name: str, build, group: str):
    """`remember` for answers a desa has one of per page (a page's row, an article's tags, a picture's renditions):
    the first DESA_MEMO_PAGES of `group` at a generation are kept, later ones are built on every call, so a desa
    whose every page is read keeps its memo small."""
    from django.conf import settings

    value = memo.recall(name, _MISSING)
    if value is not _MISSING:
        return value
    value = build()
    check_plain(value, name)
    kept = memo.recall(f"kept:{group}", 0)
    if kept < settings.DESA_MEMO_PAGES:
        memo.keep(name, value)
        memo.keep(f"kept:{group}", kept + 1)
    return value


def recall(name: str, default=None):
    """What `keep` (or `remember`) stored under `name` for this desa and generation, else `default`.

    With `keep`, for answers worth keeping only sometimes (a route that reached a page, not a visitor's
    made-up URL): `remember` would store every answer."""
    return memo.recall(name, default)


def keep(name: str, value) -> None:
    check_plain(value, name)
    memo.keep(name, value)


def field_values(instance) -> dict:
    """A row's own columns (foreign keys by id, files by name): enough to build an equal, unsaved-looking copy
    per request with `Model(**values)`."""
    values = {}
    for field in instance._meta.concrete_fields:
        value = getattr(instance, field.attname)
        values[field.attname] = value.name if hasattr(value, "name") and hasattr(value, "storage") else value
    return values
