"""Page cache: published pages for anonymous visitors, per desa and per content generation.

Any change to a desa's content bumps that desa's generation (`signals.py` → `store.py`), so its cached pages,
fragments and memo all become stale together on the next request, on every worker, and no other desa is touched.
`middleware.py` serves and stores pages (the key holds the tenant, host, path, allowed query keys and theme);
`memo.py` keeps the per-generation answers every page view needs (menu, settings, colours) in the worker —
page apps reach it through `sites/core/memo.py`, which accepts plain values only.
"""
