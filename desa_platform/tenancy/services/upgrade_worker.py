"""What runs inside an upgrade worker process (spawned, so it starts a fresh Python).

Nothing from Django at import time: the child imports this module to find `setup` before Django is set up.
"""

import os


def setup(settings_module: str, database: dict) -> None:
    os.environ["DJANGO_SETTINGS_MODULE"] = settings_module
    # The parent's database as it is (also a test database); settings start no server, and nor does this.
    import django
    from django.conf import settings

    settings.DATABASES["default"].update(database)
    django.setup()


def migrate(schema: str):
    from .upgrade import migrate_here

    return migrate_here(schema)
