"""Start Django for a benchmark on its own database (embedded by default, or BENCH_DATABASE_URL)."""

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def setup(database: str = "desa_bench") -> None:
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "desa_platform.settings.dev")
    os.environ["EMBEDDED_PG_DB"] = database
    if os.environ.get("BENCH_DATABASE_URL"):
        os.environ["DATABASE_URL"] = os.environ["BENCH_DATABASE_URL"]
    import django

    from desa_platform import bootstrap

    bootstrap.start()
    django.setup()
    from django.core.management import call_command

    call_command("migrate_schemas", shared=True, interactive=False, verbosity=0)
