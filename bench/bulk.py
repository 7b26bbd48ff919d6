"""Bulk provisioning benchmark: every desa and kelurahan of Kabupaten Tuban (328) from the region data.

    .venv/bin/python bench/bulk.py [--keep]      (BENCH_DATABASE_URL to use a server)

Creates the 328 sites through the same service as `desa bulk` and the console, then a rerun (which must skip
all of them), and prints the figures. Target: 328 desa in <= 90 s on a 2-core machine. Without --keep the
sites are deleted again at the end.
"""

import sys
import time
from collections import Counter

from _setup import setup


def main(keep: bool) -> None:
    setup("desa_bench_bulk")
    from desa_platform.tenancy import template_schema
    from desa_platform.tenancy.models import Desa
    from desa_platform.tenancy.services import bulk
    from desa_platform.tenancy.services.provisioning import delete_desa

    def drop_all():
        for desa in Desa.objects.filter(kabupaten="Tuban", slug__startswith=""):
            delete_desa(desa)

    drop_all()
    template_schema.ensure_template()
    specs = bulk.plan_region("Jawa Timur", "Tuban", domain_patterns=["{slug}.desa.id", "{slug}.localhost"])
    print(f"plan: {len(specs)} desa/kelurahan in {len({s.kecamatan for s in specs})} kecamatan", flush=True)

    done = 0

    def progress(outcome):
        nonlocal done
        done += 1
        if done % 50 == 0:
            print(f"  {done}/{len(specs)}  {time.perf_counter() - started:.1f} s", flush=True)

    started = time.perf_counter()
    outcomes = bulk.run(specs, actor="bench", progress=progress)
    first = time.perf_counter() - started
    counts = Counter(o.state for o in outcomes)

    started = time.perf_counter()
    rerun = Counter(o.state for o in bulk.run(specs, actor="bench"))
    second = time.perf_counter() - started

    print(f"created:                {counts['dibuat']} (failed {counts['gagal']}, skipped {counts['dilewati']})")
    print(f"bulk provisioning:      {first:.1f} s total, {first / max(len(specs), 1):.3f} s per desa (target <= 90 s)")
    print(f"rerun (all skipped):    {second:.1f} s, skipped {rerun['dilewati']}, created {rerun['dibuat']}")
    if not keep:
        drop_all()


if __name__ == "__main__":
    main("--keep" in sys.argv)
