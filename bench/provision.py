"""Provisioning benchmark: N desa by migrating a schema, N by cloning the template, then N of every other kind
(kelurahan, kecamatan, OPD, puskesmas; each from its own template), in one run.

    .venv/bin/python bench/provision.py [N]       (default N=5; BENCH_DATABASE_URL to use a server)

Prints the median seconds per desa for each way and the ratio, and the median per kind. Target: cloning any
kind ≤ 0.2 s, ≥ 25× faster than migrating.
"""

import statistics
import sys
import time

from _setup import setup


def main(n: int) -> None:
    setup()
    from django.conf import settings
    from django.db import connection, transaction
    from django.utils.module_loading import import_string
    from django_tenants.utils import schema_context

    from desa_platform.tenancy import template_schema
    from desa_platform.tenancy.models import Desa
    from desa_platform.tenancy.services.provisioning import DesaSpec, create_desa, delete_desa

    def drop_leftovers():
        for desa in Desa.objects.filter(slug__startswith="bench-"):
            delete_desa(desa)
        with connection.cursor() as cursor:
            for i in range(n):
                cursor.execute(f'DROP SCHEMA IF EXISTS "bench_migrated_{i}" CASCADE')

    drop_leftovers()
    template_schema.ensure_all()

    migrated = []
    for i in range(n):
        schema = f"bench_migrated_{i}"
        started = time.perf_counter()
        with connection.cursor() as cursor:
            cursor.execute(f'CREATE SCHEMA "{schema}"')
        template_schema.migrate_schema(schema)
        with schema_context(schema), transaction.atomic():
            import_string(settings.DESA_TEMPLATE_BUILDER)()
        migrated.append(time.perf_counter() - started)
        print(f"  migrated {i + 1}/{n}: {migrated[-1]:.2f} s", flush=True)

    per_kind = {}
    for kind in template_schema.kinds():
        per_kind[kind] = []
        for i in range(n):
            slug = f"bench-{kind}-{i}"
            spec = DesaSpec(slug=slug, name=f"Bench {i}", kind=kind, domains=[f"{slug}.localhost"])
            started = time.perf_counter()
            create_desa(spec)
            per_kind[kind].append(time.perf_counter() - started)
    cloned = per_kind["desa"]
    drop_leftovers()

    m, c = statistics.median(migrated), statistics.median(cloned)
    print(f"tenants per way:        {n}")
    print(f"migrate, median:        {m:.3f} s per desa")
    print(f"clone, median:          {c:.3f} s per desa (max {max(cloned):.3f} s)")
    print(f"clone speed-up:         {m / c:.1f}x   (target: clone <= 0.2 s and >= 25x)")
    for kind, seconds in per_kind.items():
        k = statistics.median(seconds)
        print(f"clone {kind + ',':<11} median: {k:.3f} s (max {max(seconds):.3f} s), {m / k:.1f}x vs migrate")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 5)
