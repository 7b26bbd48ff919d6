"""What every page view of a desa reads and only an edit changes, worked out once per content generation.

A page that misses the page cache still needs the desa's Site and home page, its settings row, its brand colour,
its menu and whether any page is restricted: five to eight queries that give the same answer until an editor
changes something. Any change bumps the desa's generation (store.py), so this worker keeps those answers in a
small in-process table per desa and trusts them while the generation is the same: still no stale answer, on
any worker, one request after the change.

Values are shared by the requests of one worker: treat them as read-only (take a copy to change one).
"""

import threading
from collections import OrderedDict
from contextvars import ContextVar

from django.conf import settings

_current: ContextVar[dict | None] = ContextVar("desa_generation_memo", default=None)
_lock = threading.Lock()
_table: OrderedDict[str, tuple[str, dict]] = OrderedDict()


def _limit() -> int:
    # A few kilobytes a desa; bounded so a worker that touches every desa of a kabupaten stays flat in memory.
    return settings.DESA_MEMO_DESA


def enter(schema: str, generation: str):
    """Make the memo of `schema` at `generation` the current one; returns a token for `leave`."""
    with _lock:
        entry = _table.get(schema)
        if entry is None or entry[0] != generation:
            entry = (generation, {})
            _table[schema] = entry
        _table.move_to_end(schema)
        while len(_table) > _limit():
            _table.popitem(last=False)
    return _current.set(entry[1])


def leave(token) -> None:
    _current.reset(token)


def remember(name: str, build):
    """`build()` once per desa and content generation in this worker; outside a desa request, every time."""
    values = _current.get()
    if values is None:
        return build()
    if name not in values:
        values[name] = build()
    return values[name]


def recall(name: str, default=None):
    """What was kept under `name` for this desa and generation, else `default` (nothing is built)."""
    values = _current.get()
    return default if values is None else values.get(name, default)


def keep(name: str, value) -> None:
    """Keep `value` under `name` for this desa and generation; outside a desa request, nothing is kept."""
    values = _current.get()
    if values is not None:
        values[name] = value


def clear() -> None:
    with _lock:
        _table.clear()
