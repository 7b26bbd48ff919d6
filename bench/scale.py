"""Scale benchmark: 2,000 tenants on one PostgreSQL, measured in one run.

    .venv/bin/python bench/scale.py [--tenants 2000] [--duration 8] [--skip-backup] [--skip-upgrade]

(BENCH_DATABASE_URL to use a server, REDIS_URL for the shared cache.) Tenants are kept between runs, so a
second run goes straight to the measurements; the provisioning rows then only cover the ones it added.

Prints, each against a baseline from the same run:
1. provisioning: seconds per tenant for every hundred as the catalog grows (target: flat within ±20 %);
2. catalog: pg_class rows, database size on disk, per tenant;
3. serving (gunicorn, deploy/gunicorn.conf.py, production settings, wrk): cached and uncached pages spread over
   10 tenants vs over all of them, p50/p99 (target: cached p99 at all ≤ 1.2× at 10);
4. memory: one worker's RSS after one tenant vs after all, and the PostgreSQL backends' private memory (PSS);
5. `desa upgrade` with nothing to apply (target ≤ 60 s for 2,000) and with one new migration;
6. `backup-all` over every tenant, seconds per tenant.

One script, over 300 lines on purpose: every figure is measured in the same run against the same tenants.
"""

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _setup import ROOT, setup
from serving import free_port, get, start_gunicorn, worker_rss_mb, wrk

PREFIX = "scale-"
BENCH_MIGRATION = ROOT / "sites" / "core" / "migrations" / "9999_bench_scale.py"
MIGRATION_TEXT = '''"""Written and removed again by bench/scale.py: one migration for every tenant to apply."""
from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("core", "{latest}")]
    operations = [
        migrations.RunSQL(
            "CREATE TABLE core_bench_scale (id serial PRIMARY KEY, note text)",
            "DROP TABLE IF EXISTS core_bench_scale",
        )
    ]
'''


def provision(total: int) -> tuple[list[str], list[float]]:
    """Tenants scale-0000 … up to `total`, a hundred at a time through `desa bulk`'s own runner (its worker
    threads, DESA_BULK_WORKERS); returns their hosts and seconds per tenant for each new hundred."""
    from desa_platform.tenancy import template_schema
    from desa_platform.tenancy.models import Desa
    from desa_platform.tenancy.services import bulk
    from desa_platform.tenancy.services.provisioning import DesaSpec

    template_schema.ensure_template()
    have = set(Desa.objects.filter(slug__startswith=PREFIX).values_list("slug", flat=True))
    missing = [
        DesaSpec(slug=slug, name=f"Skala {i}", domains=[f"{slug}.localhost"], kecamatan="Jenu", kabupaten="Tuban")
        for i in range(total)
        if (slug := f"{PREFIX}{i:04d}") not in have
    ]
    per_hundred = []
    for first in range(0, len(missing), 100):
        batch = missing[first : first + 100]
        started = time.perf_counter()
        outcomes = bulk.run(batch, actor="bench")
        failed = [o for o in outcomes if o.state == bulk.OutcomeState.FAILED]
        if failed:
            raise SystemExit(f"{len(failed)} tenants failed: {failed[0].slug}: {failed[0].message}")
        per_hundred.append((time.perf_counter() - started) / len(batch))
        print(f"  provisioned {len(have) + first + len(batch)}: {per_hundred[-1]:.3f} s per tenant", flush=True)
    return [f"{PREFIX}{i:04d}.localhost" for i in range(total)], per_hundred


def catalog(cursor) -> dict:
    cursor.execute("SELECT count(*) FROM pg_class")
    classes = cursor.fetchone()[0]
    cursor.execute("SELECT pg_database_size(current_database())")
    size = cursor.fetchone()[0]
    cursor.execute("SELECT count(*) FROM pg_namespace")
    schemas = cursor.fetchone()[0]
    return {"pg_class": classes, "bytes": size, "schemas": schemas}


def backend_pss_mb(cursor, database: str) -> list[float]:
    """Private memory (PSS from smaps_rollup) of every PostgreSQL backend connected to `database`."""
    cursor.execute("SELECT pid FROM pg_stat_activity WHERE datname = %s AND pid <> pg_backend_pid()", [database])
    sizes = []
    for (pid,) in cursor.fetchall():
        try:
            text = Path(f"/proc/{pid}/smaps_rollup").read_text()
        except OSError:
            continue
        for line in text.splitlines():
            if line.startswith("Pss:"):
                sizes.append(int(line.split()[1]) / 1024)
    return sizes


def serve(hosts: list[str], database: dict, duration: int, dbname: str) -> dict:
    from django.db import connection

    port = free_port()
    master = start_gunicorn(port, 2, database)
    result = {}
    try:
        few = hosts[:10]
        get(port, "localhost", "/healthz")
        for h in hosts:  # warm every tenant's cached home page (and each worker's routing table)
            get(port, h, "/")
        result["bare"] = wrk(port, ["localhost"], "/healthz", duration, 50)
        result["cached, 10 tenants"] = wrk(port, few, "/", duration, 50)
        result[f"cached, {len(hosts)} tenants"] = wrk(port, hosts, "/", duration, 50)
        result["uncached home, 10 tenants"] = wrk(port, few, "/?bench=1", duration, 50)
        result[f"uncached home, {len(hosts)} tenants"] = wrk(port, hosts, "/?bench=1", duration, 50)
        with connection.cursor() as cursor:
            result["backend_pss"] = backend_pss_mb(cursor, dbname)
    finally:
        master.terminate()
        master.wait()

    port = free_port()
    master = start_gunicorn(port, 1, database)
    try:
        for _ in range(30):
            get(port, hosts[0], "/?bench=1")
        result["rss_one"] = worker_rss_mb(master)
        for h in hosts:
            get(port, h, "/?bench=1")
        result["rss_all"] = worker_rss_mb(master)
    finally:
        master.terminate()
        master.wait()
    return result


def upgrades(sample: list[str]) -> dict:
    """A no-op upgrade over every tenant, then one new migration applied to `sample` tenants."""
    from django.db.migrations.loader import MigrationLoader

    from desa_platform.tenancy import template_schema
    from desa_platform.tenancy.models import SchemaTemplate
    from desa_platform.tenancy.services import upgrade

    started = time.perf_counter()
    report = upgrade.upgrade(actor="bench")
    out = {"noop": time.perf_counter() - started, "checked": report.checked, "noop_behind": len(report.behind)}

    leaves = MigrationLoader(None, ignore_no_migrations=True).graph.leaf_nodes("core")
    BENCH_MIGRATION.write_text(MIGRATION_TEXT.format(latest=leaves[0][1]))
    # The template's fingerprint is cached per process (a deploy starts new ones): forget it here.
    template_schema._code_fingerprint.cache_clear()
    try:
        started = time.perf_counter()
        report = upgrade.upgrade(actor="bench", schemas=sample)
        out["one"] = time.perf_counter() - started
        out["one_sample"] = len(sample)
        out["one_migrated"] = sum(r.ok for r in report.results)
        out["one_failed"] = len(report.failed)
    finally:
        BENCH_MIGRATION.unlink()
        unapply_bench_migration()
        template_schema._code_fingerprint.cache_clear()
        SchemaTemplate.objects.update(fingerprint="stale")  # rebuilt without the bench's table on next use
    return out


def unapply_bench_migration() -> None:
    """Take the bench's migration out of every schema again, in one transaction per hundred schemas."""
    from django.db import connection, transaction

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT n.nspname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
            "WHERE c.relname = 'core_bench_scale'"
        )
        schemas = [row[0] for row in cursor.fetchall()]
    for start in range(0, len(schemas), 100):
        with transaction.atomic(), connection.cursor() as cursor:
            for schema in schemas[start : start + 100]:
                cursor.execute(f'DROP TABLE "{schema}".core_bench_scale')
                cursor.execute(
                    f"DELETE FROM \"{schema}\".django_migrations WHERE app = 'core' AND name = '9999_bench_scale'"
                )


def backup_seconds(sample: int) -> tuple[float, int]:
    """`desa backup-all` (the nightly command, in its own process) over the first `sample` tenants' worth:
    run on every tenant when sample covers them all, else timed per tenant on a sample."""
    from desa_platform.tenancy.models import Desa
    from desa_platform.tenancy.services import backup

    with tempfile.TemporaryDirectory() as folder:
        env = {**os.environ, "DESA_BACKUP_DIR": folder}
        if sample >= Desa.objects.count():
            started = time.perf_counter()
            subprocess.run(
                [sys.executable, "manage.py", "desa", "backup-all", "--keep", "1"],
                cwd=ROOT,
                env=env,
                check=True,
                stdout=subprocess.DEVNULL,
            )
            return time.perf_counter() - started, Desa.objects.count()
        from django.test import override_settings

        with override_settings(DESA_BACKUP_DIR=Path(folder)):
            started = time.perf_counter()
            for desa in Desa.objects.filter(slug__startswith=PREFIX).order_by("slug")[:sample]:
                backup.backup_desa(desa, actor="bench")
            return time.perf_counter() - started, sample


def console_list_seconds() -> tuple[float, float]:
    """The console's tenant list, as a staff member signed in with password and TOTP code sees it."""
    from django.contrib.auth import get_user_model
    from django.test import Client
    from django_otp.oath import TOTP
    from django_otp.plugins.otp_totp.models import TOTPDevice

    password = "bench-staf-sandi-panjang"
    user = get_user_model().objects.filter(username="bench-console").first()
    if user is None:
        user = get_user_model().objects.create_user("bench-console", "", password, is_staff=True)
    TOTPDevice.objects.filter(user=user).delete()
    device = TOTPDevice.objects.create(user=user, name="bench", confirmed=True)
    client = Client(HTTP_HOST="localhost")
    client.post("/console/login/", {"username": user.username, "password": password})
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    client.post("/console/otp/", {"token": f"{totp.token():06d}"})
    times = []
    for _ in range(3):
        started = time.perf_counter()
        response = client.get("/console/")
        times.append(time.perf_counter() - started)
        if response.status_code != 200:
            raise SystemExit(f"console list answered {response.status_code}")
    return times[0], statistics.median(times[1:])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--tenants", type=int, default=2000)
    parser.add_argument("--duration", type=int, default=8)
    parser.add_argument("--skip-backup", action="store_true")
    parser.add_argument("--skip-upgrade", action="store_true")
    parser.add_argument(
        "--sample", type=int, default=200, help="tenants for the one-migration upgrade and the backups (0 = all)"
    )
    args = parser.parse_args()
    sample = args.sample or args.tenants

    dbname = "desa_bench_scale"
    setup(dbname)
    from django.db import connection

    if os.environ.get("BENCH_DATABASE_URL"):
        database = {"DATABASE_URL": os.environ["BENCH_DATABASE_URL"]}
        dbname = connection.settings_dict["NAME"]
    else:
        database = {"EMBEDDED_PG_DATA": connection.settings_dict["HOST"], "EMBEDDED_PG_DB": dbname}

    with connection.cursor() as cursor:
        empty = catalog(cursor)
    started = time.perf_counter()
    hosts, per_hundred = provision(args.tenants)
    provision_seconds = time.perf_counter() - started
    with connection.cursor() as cursor:
        full = catalog(cursor)
    console_first, console_warm = console_list_seconds()
    connection.close()

    served = serve(hosts, database, args.duration, dbname)
    from desa_platform.tenancy.models import Desa

    sampled = list(
        Desa.objects.filter(slug__startswith=PREFIX).order_by("slug").values_list("schema_name", flat=True)[:sample]
    )
    ups = None if args.skip_upgrade else upgrades(sampled)
    backup = None if args.skip_backup else backup_seconds(sample)

    print(f"\n== {args.tenants} tenants ==")
    if per_hundred:
        first, last = per_hundred[0], per_hundred[-1]
        print(
            f"provisioning: {provision_seconds:.0f} s for {len(per_hundred) * 100} new; s per tenant by hundred: "
            + " ".join(f"{s:.3f}" for s in per_hundred)
        )
        print(f"  last hundred / first: {last / first:.2f}x (target 0.8-1.2x)")
    grown = full["pg_class"] - empty["pg_class"]
    print(
        f"catalog: pg_class {empty['pg_class']} -> {full['pg_class']} rows ({grown / args.tenants:.0f} per tenant), "
        f"database {full['bytes'] / 1e9:.2f} GB ({(full['bytes'] - empty['bytes']) / args.tenants / 1e6:.2f} MB "
        f"per tenant), {full['schemas']} schemas"
    )
    bare = served["bare"]["rps"]
    print(f"{'':30} {'req/s':>8} {'x bare':>7} {'p50 ms':>8} {'p99 ms':>8} {'non-2xx':>8}")
    for name, run in served.items():
        if isinstance(run, dict):
            print(
                f"{name:30} {run['rps']:8.0f} {run['rps'] / bare:7.2f} {run['p50']:8.2f} {run['p99']:8.2f} "
                f"{run['non2xx']:8}"
            )
    cached_few, cached_all = served["cached, 10 tenants"], served[f"cached, {args.tenants} tenants"]
    print(f"cached p99, all / 10 tenants: {cached_all['p99'] / cached_few['p99']:.2f}x (target <= 1.2x)")
    pss = served["backend_pss"]
    print(
        f"worker RSS: {served['rss_one']:.1f} MB after one tenant, {served['rss_all']:.1f} MB after all "
        f"({served['rss_all'] / served['rss_one']:.2f}x); PostgreSQL backends: "
        + (f"{len(pss)}, private {statistics.median(pss):.1f} MB median, {max(pss):.1f} MB max" if pss else "n/a")
    )
    print(f"console list: {console_first:.2f} s first (facts computed), {console_warm:.2f} s warm")
    if ups:
        print(
            f"desa upgrade, nothing to apply: {ups['noop']:.1f} s for {ups['checked']} tenants (target <= 60 s); "
            f"one new migration on {ups['one_sample']}: {ups['one']:.1f} s, {ups['one_migrated']} migrated, "
            f"{ups['one_failed']} failed ({ups['one'] / max(ups['one_sample'], 1):.2f} s per tenant)"
        )
    if backup is not None:
        seconds, count = backup
        print(
            f"backup: {seconds:.0f} s for {count} tenants, {seconds / count:.3f} s per tenant "
            f"(x {args.tenants} = {seconds / count * args.tenants / 60:.0f} min for backup-all)"
        )


if __name__ == "__main__":
    main()
