"""The desa admin's own name on Wagtail's login, dashboard and page titles: template overrides only.

A separate app so it can stand before `wagtail.admin` in TENANT_APPS (app template folders are searched in
order) while `sites.desa_admin` itself stays last: its `ready()` replaces Wagtail's image and document
permission policies (which Wagtail's own apps register in theirs) and its post_migrate role sync needs every
other app's permissions to exist already.
"""
