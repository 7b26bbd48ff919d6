"""Upgrade benchmark: `desa upgrade` with N up-to-date desa (nothing to apply), then with a few behind.

    .venv/bin/python bench/upgrade.py [N]      (default N=400; BENCH_DATABASE_URL to use a server)

Provisions N desa by cloning (kept between runs, so the second run starts at once), then times:
1. the upgrade service with every desa current (target: <= 30 s for 400),
2. the one query that finds the desa that are behind,
3. an upgrade after rolling back one migration in 4 desa (they are migrated in parallel worker processes),
4. one tenant one migration behind, in this process: Django's `migrate` in its schema vs the upgrade's own
   (desa_platform/tenancy/tenant_migrate.py), taking turns over up to 8 desa, 4 rounds; medians and ratio.
"""

import statistics
import sys
import time

from _setup import setup


def main(n: int) -> None:
    setup("desa_bench_upgrade")
    from django.core.management import call_command
    from django.core.management.commands.migrate import Command as MigrateCommand
    from django.db import connection

    from desa_platform.tenancy import template_schema, tenant_migrate
    from desa_platform.tenancy.models import Desa
    from desa_platform.tenancy.services import upgrade
    from desa_platform.tenancy.services.provisioning import DesaSpec, create_desa

    template_schema.ensure_template()
    have = set(Desa.objects.filter(slug__startswith="bench-up-").values_list("slug", flat=True))
    started = time.perf_counter()
    for i in range(n):
        slug = f"bench-up-{i:04d}"
        if slug not in have:
            create_desa(DesaSpec(slug=slug, name=f"Bench {i}", domains=[f"{slug}.localhost"]))
        if (i + 1) % 100 == 0:
            print(f"  provisioned {i + 1}/{n}  {time.perf_counter() - started:.0f} s", flush=True)
    total = Desa.objects.count()
    print(f"desa in the database:    {total}")

    started = time.perf_counter()
    report = upgrade.upgrade(actor="bench")
    current = time.perf_counter() - started
    print(
        f"upgrade, all current:    {current:.1f} s for {report.checked} desa, {len(report.behind)} behind "
        f"(target <= 30 s for 400)"
    )

    started = time.perf_counter()
    upgrade.behind_schemas()
    print(f"behind-query alone:      {time.perf_counter() - started:.2f} s (one UNION ALL over {total} schemas)")

    behind = [d.schema_name for d in Desa.objects.filter(slug__startswith="bench-up-").order_by("slug")[:4]]
    for schema in behind:
        connection.set_schema(schema)
        call_command(MigrateCommand(), "otp_totp", "0002", verbosity=0, interactive=False, skip_checks=True)
        connection.set_schema_to_public()
    started = time.perf_counter()
    report = upgrade.upgrade(actor="bench")
    print(
        f"upgrade, {len(report.behind)} behind:       {time.perf_counter() - started:.1f} s, "
        f"{sum(r.ok for r in report.results)} migrated, {len(report.failed)} failed (parallel workers)"
    )

    sample = [d.schema_name for d in Desa.objects.filter(slug__startswith="bench-up-").order_by("slug")[:8]]
    seconds = {"django": [], "upgrade": []}
    for round_ in range(4):
        for schema in sample:
            connection.set_schema(schema)
            call_command(MigrateCommand(), "otp_totp", "0002", verbosity=0, interactive=False, skip_checks=True)
            connection.set_schema_to_public()
        for i, schema in enumerate(sample):
            way = "upgrade" if (i + round_) % 2 else "django"
            started = time.perf_counter()
            (tenant_migrate.migrate if way == "upgrade" else template_schema.migrate_schema)(schema)
            seconds[way].append(time.perf_counter() - started)
    django_s, ours = statistics.median(seconds["django"]), statistics.median(seconds["upgrade"])
    print(
        f"one migration, a tenant: Django's migrate {django_s:.3f} s, the upgrade's {ours:.3f} s "
        f"({django_s / ours:.1f}x; medians of {len(seconds['django'])} each, in turns)"
    )


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 400)
