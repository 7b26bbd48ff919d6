"""Provisioning benchmark: a few desa by migrating a schema (the baseline), then N tenants of every kind (desa,
kelurahan, kecamatan, OPD, puskesmas) cloned from its kind's template, and N more taken from a spare schema (the
same clone made ahead by `desa isi-cadangan`, renamed on create: desa_platform/tenancy/spares.py), in one run.

    .venv/bin/python bench/provision.py [N] [--migrate M] [--settle S]   (N=10, M=2, S=90; BENCH_DATABASE_URL)

The kinds take turns (desa, kelurahan, …, desa, …) so a busy machine weighs on each alike. Per kind it prints the
median seconds per tenant of `create_desa` from a spare (what an operator waits for), of making that spare (the
timer's work, off the request path), of `create_desa` with no spare (the clone made then) and of the first admin's
one-time link, the median of the first and of the second half of the run (flat means the n-th tenant costs what the
first did), and the CPU seconds the PostgreSQL backend spent on each clone, read from /proc when the server runs on
this machine (on a shared machine the fairer figure: other processes' load lengthens wall time, not it). Target: any
kind ≤ 0.2 s, ≥ 25× faster than migrating.
"""

import argparse
import os
import statistics
import time
from pathlib import Path

from _setup import settle, setup


def backend_cpu(pid: int) -> float | None:
    """User + system CPU seconds of a local PostgreSQL backend, or None when it is not on this machine."""
    stat = Path(f"/proc/{pid}/stat")
    if not stat.exists():
        return None
    fields = stat.read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def main(n: int, migrations: int, settle_seconds: float) -> None:
    setup()
    from django.conf import settings
    from django.db import connection, transaction
    from django.utils.module_loading import import_string
    from django_tenants.utils import schema_context

    from desa_platform.tenancy import spares, template_schema
    from desa_platform.tenancy.models import Desa
    from desa_platform.tenancy.services.provisioning import DesaSpec, create_desa, delete_desa, ensure_first_admin

    def drop_leftovers():
        for desa in Desa.objects.filter(slug__startswith="bench-"):
            delete_desa(desa)
        with connection.cursor() as cursor:
            for i in range(migrations):
                cursor.execute(f'DROP SCHEMA IF EXISTS "bench_migrated_{i}" CASCADE')

    drop_leftovers()
    spares.drop_all()
    template_schema.ensure_all()  # a rebuild drops the old templates
    if settle_seconds:
        settle(settle_seconds)

    migrated = []
    for i in range(migrations):
        schema = f"bench_migrated_{i}"
        started = time.perf_counter()
        with connection.cursor() as cursor:
            cursor.execute(f'CREATE SCHEMA "{schema}"')
        template_schema.migrate_schema(schema)
        with schema_context(schema), transaction.atomic():
            import_string(settings.DESA_TEMPLATE_BUILDER)()
        migrated.append(time.perf_counter() - started)
        print(f"  migrated {i + 1}/{migrations}: {migrated[-1]:.2f} s", flush=True)

    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        pid = cursor.fetchone()[0]
    kinds = template_schema.kinds()
    clone = {kind: [] for kind in kinds}
    spare = {kind: [] for kind in kinds}
    refill = {kind: [] for kind in kinds}
    link = {kind: [] for kind in kinds}
    cpu = {kind: [] for kind in kinds}
    loads = [os.getloadavg()[0]]
    for i in range(n):
        for kind in kinds:
            slug = f"bench-{kind}-{i}"
            spec = DesaSpec(slug=slug, name=f"Bench {i}", kind=kind, domains=[f"{slug}.localhost"])
            cpu_before, started = backend_cpu(pid), time.perf_counter()
            desa = create_desa(spec)
            clone[kind].append(time.perf_counter() - started)
            if cpu_before is not None:
                cpu[kind].append(backend_cpu(pid) - cpu_before)
            started = time.perf_counter()
            ensure_first_admin(desa)
            link[kind].append(time.perf_counter() - started)
            started = time.perf_counter()
            spares.fill(1, kinds=[kind])
            refill[kind].append(time.perf_counter() - started)
            spec = DesaSpec(slug=f"{slug}-s", name=f"Bench {i} s", kind=kind, domains=[f"{slug}-s.localhost"])
            started = time.perf_counter()
            create_desa(spec)
            spare[kind].append(time.perf_counter() - started)
        loads.append(os.getloadavg()[0])
    drop_leftovers()
    spares.drop_all()

    m = statistics.median(migrated) if migrated else None
    half = max(n // 2, 1)
    print(f"tenants per kind:       {n} (kinds in turn), migrated for the baseline: {migrations}")
    print(f"load average (1 min):   {min(loads):.2f}–{max(loads):.2f} during the clones, {os.cpu_count()} cores")
    if m:
        print(f"migrate, median:        {m:.3f} s per desa")
    for kind in kinds:
        seconds = clone[kind]
        k = statistics.median(seconds)
        first, second = statistics.median(seconds[:half]), statistics.median(seconds[half:] or seconds)
        backend = f", PostgreSQL CPU {statistics.median(cpu[kind]):.3f} s" if cpu[kind] else ""
        speed_up = f", {m / k:.1f}x vs migrate" if m else ""
        print(
            f"clone {kind + ',':<11} median: {k:.3f} s (max {max(seconds):.3f} s; first half {first:.3f}, "
            f"second half {second:.3f}){backend}{speed_up}; + admin link {statistics.median(link[kind]):.3f} s"
        )
        taken = statistics.median(spare[kind])
        print(
            f"spare {kind + ',':<11} median: {taken:.3f} s (max {max(spare[kind]):.3f} s)"
            + (f", {m / taken:.0f}x vs migrate" if m else "")
            + f"; making the spare ahead: {statistics.median(refill[kind]):.3f} s"
        )
    every = [s for seconds in clone.values() for s in seconds]
    print(f"clone, every kind:      median {statistics.median(every):.3f} s")
    every = [s for seconds in spare.values() for s in seconds]
    print(
        f"create from a spare:    median {statistics.median(every):.3f} s, max {max(every):.3f} s"
        "   (target: <= 0.2 s and >= 25x)"
    )


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("n", nargs="?", type=int, default=10, help="tenants of each kind (default 10)")
    parser.add_argument("--migrate", type=int, default=2, help="desa made by migrating, the baseline (default 2)")
    parser.add_argument(
        "--settle", type=float, default=90, help="seconds to wait after the cleanup before timing (default 90)"
    )
    arguments = parser.parse_args()
    main(arguments.n, arguments.migrate, arguments.settle)
