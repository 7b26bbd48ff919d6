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


def settle(seconds: float) -> None:
    """Let the file system forget the files the bench's own cleanup removed, before anything is timed.

    PostgreSQL unlinks a dropped relation's files at the next checkpoint, and ext4 without a journal (this
    machine's disk) skips inodes freed in the last 60 s (300 s while their block is unwritten) on every file it
    creates: right after dropping a few hundred schemas a clone (~600 new files) spent 28% of its CPU there
    (perf, `recently_deleted`). A CHECKPOINT unlinks them now; the pause outlasts the window. Onboarding a real
    kabupaten follows no mass drop, so this measures provisioning, not the bench's cleanup."""
    import time

    from django.db import DatabaseError, connection

    try:
        with connection.cursor() as cursor:
            cursor.execute("CHECKPOINT")
    except DatabaseError:  # not allowed for this role: wait anyway
        pass
    print(f"  settling {seconds:.0f} s after the cleanup (see bench/_setup.py settle)", flush=True)
    time.sleep(seconds)
