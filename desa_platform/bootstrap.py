"""What an entry point does once the settings module is chosen, before Django connects: settings never do it.

Called by manage.py, wsgi.py, the pytest plugin (tests/conftest.py) and bench/_setup.py. Processes that get
their database handed over (the upgrade worker) skip it. Safe to call twice.
"""

from pathlib import Path


def start() -> None:
    from django.conf import settings

    from desa_platform import embedded_db

    # whitenoise warns about a missing STATIC_ROOT; `collectstatic` fills it in production.
    Path(settings.STATIC_ROOT).mkdir(parents=True, exist_ok=True)
    if settings.EMBEDDED_PG_DATA is not None:
        embedded_db.serve(settings.DATABASES["default"], Path(settings.EMBEDDED_PG_DATA))
