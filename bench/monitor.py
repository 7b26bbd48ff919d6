"""Monitoring benchmark: the console's desa list and the judol guard over N desa (400 by default).

    .venv/bin/python bench/monitor.py [--tenants 400] [--drop] [--list-only]
    (BENCH_DATABASE_URL=postgres://… and REDIS_URL=redis://… for the production path)

Creates the desa once (kept for the next run; --drop removes them at the end), then prints, all from one run:
- the console list (page 1 of N, sorted, through the whole middleware stack as a signed-in staff member),
  its CSV and XLSX exports, against the old list's cold path (one UNION ALL over every desa's schema for the
  content facts and the schema versions) as the baseline;
- the summary-row refresh the timer runs (every desa's schema, once);
- the judol guard over every desa (stored content + home page as browser and as Googlebot), against fetching
  each home page once as the baseline.
Target: the list of 400 under 1 s.
"""

import os
import statistics
import sys
import time

from _setup import setup

KECAMATAN = [f"Kecamatan Uji {n:02d}" for n in range(1, 21)]


def timed(fn, runs: int = 1):
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - started)
    return statistics.median(times), result


def main(count: int, drop: bool) -> None:
    os.environ.setdefault("DEBUG", "false")  # no query log growing through thousands of queries
    setup("desa_bench_monitor")
    from django.contrib.auth import get_user_model
    from django.test import Client
    from django_otp.oath import TOTP
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from desa_platform.monitoring import liveness, tenant_list
    from desa_platform.monitoring.judol import scanner
    from desa_platform.monitoring.judol.fetch import BROWSER_UA, InProcessFetcher
    from desa_platform.tenancy import template_schema
    from desa_platform.tenancy.models import Desa
    from desa_platform.tenancy.services import bulk, overview, upgrade
    from desa_platform.tenancy.services.provisioning import DesaSpec, delete_desa

    template_schema.ensure_template()
    specs = [
        DesaSpec(
            slug=f"bm-{n:03d}",
            name=f"Bangkit {n:03d}",
            domains=[f"bm-{n:03d}.localhost"],
            kecamatan=KECAMATAN[n % len(KECAMATAN)],
            kabupaten="Tuban",
            provinsi="Jawa Timur",
            kode_pos="62352",
        )
        for n in range(count)
    ]
    missing = [s for s in specs if not Desa.objects.filter(slug=s.slug).exists()]
    if missing:
        started = time.perf_counter()
        bulk.run(missing, actor="bench")
        print(f"created {len(missing)} desa in {time.perf_counter() - started:.1f} s", flush=True)
    desas = list(Desa.objects.filter(slug__startswith="bm-").order_by("pk"))
    print(f"desa in the bench database: {Desa.objects.count()} ({len(desas)} bench desa)", flush=True)

    refresh, _ = (0.0, None) if "--list-only" in sys.argv else timed(liveness.refresh_all)

    User = get_user_model()
    staff = User.objects.filter(username="bench-staf").first() or User.objects.create_user(
        "bench-staf", "", "bench-sandi-panjang-1", is_staff=True
    )
    device = TOTPDevice.objects.filter(user=staff).first() or TOTPDevice.objects.create(
        user=staff, name="Konsol", confirmed=True
    )
    browser = Client(HTTP_HOST="localhost")
    browser.post("/console/login/", {"username": "bench-staf", "password": "bench-sandi-panjang-1"})
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    assert browser.post("/console/otp/", {"token": f"{totp.token():06d}"}).status_code == 302

    def get(url):
        response = browser.get(url)
        assert response.status_code == 200, (url, response.status_code)
        return response

    get("/console/")  # warm: templates compiled, routing table built
    list_page, _ = timed(lambda: get("/console/"), runs=5)
    sorted_page, _ = timed(lambda: get("/console/?urut=-terbit&halaman=4"), runs=5)
    rows_only, _ = timed(lambda: tenant_list.rows({}), runs=5)
    csv_time, _ = timed(lambda: get("/console/ekspor.csv"), runs=3)
    xlsx_time, _ = timed(lambda: get("/console/ekspor.xlsx"), runs=3)

    def old_cold_list():
        every = list(Desa.objects.prefetch_related("domains"))
        overview.facts(every)
        upgrade.schema_versions([d.schema_name for d in every])

    baseline, _ = timed(old_cold_list)  # one run: it takes a minute or more at 400

    fetcher = InProcessFetcher()

    def fetch_every_home():
        for desa in desas:
            fetcher.fetch(f"{desa.slug}.localhost", "/", BROWSER_UA)

    fetch_homes, _ = (0, None) if "--list-only" in sys.argv else timed(fetch_every_home)
    if "--list-only" in sys.argv:
        scan_time = fetch_homes = 1.0
        run = type("NoRun", (), {"pages_fetched": 0, "new_findings": 0})()
    else:
        scan_time, run = timed(lambda: scanner.scan(Desa.objects.filter(pk__in=[d.pk for d in desas]), trigger="bench"))

    n = len(desas)
    print(f"console list, page 1 (50 rows) of {n} (GET /console/):   {list_page * 1000:7.1f} ms (target < 1000 ms)")
    print(f"console list, sorted by last publish, page 4:  {sorted_page * 1000:7.1f} ms")
    print(f"  rows only (filter + sort of {n}, no HTML):   {rows_only * 1000:7.1f} ms")
    print(f"  export CSV / XLSX of {n}:                    {csv_time * 1000:7.1f} / {xlsx_time * 1000:.1f} ms")
    print(
        f"baseline: old list's cold path (UNION ALL over {n} schemas): {baseline * 1000:.1f} ms  "
        f"-> list page is {baseline / list_page:.1f}x faster"
    )
    print(f"summary-row refresh of every desa (timer):      {refresh:7.1f} s ({refresh / n * 1000:.1f} ms per desa)")
    print(
        f"judol guard over {n} desa: {scan_time:.1f} s ({scan_time / n * 1000:.0f} ms per desa, "
        f"{run.pages_fetched} fetches, {run.new_findings} findings)"
    )
    print(
        f"baseline: one browser fetch of each home page: {fetch_homes:.1f} s -> scan costs "
        f"{scan_time / fetch_homes:.1f}x that"
    )
    if drop:
        for desa in desas:
            delete_desa(desa)


if __name__ == "__main__":
    tenants = int(sys.argv[sys.argv.index("--tenants") + 1]) if "--tenants" in sys.argv else 400
    main(tenants, "--drop" in sys.argv)
