"""PgBouncer in front of PostgreSQL: which pool mode keeps every tenant on its own schema.

    BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/desa_bench_pool .venv/bin/python bench/pgbouncer.py

Needs Debian's `pgbouncer` and a PostgreSQL server reachable over TCP (the machine's). django-tenants runs a
plain `SET search_path` before a tenant's queries (with autocommit, a transaction of its own); a pooler that hands
the next transaction to another server connection runs it with whatever search_path that connection was left with.

For each way in — straight to PostgreSQL, PgBouncer `pool_mode = session`, PgBouncer `pool_mode = transaction` —
it starts gunicorn (production settings, 4 workers, persistent connections as deployed) and sends concurrent
uncached article views spread over 20 tenants. PgBouncer keeps one server connection per worker in session mode
and 2 in transaction mode, so that transactions of different workers share them. It counts answers that show
ANOTHER tenant's article, and 5xx answers (a query that ran in a schema without its tables).
Target: 0 wrong answers with session pooling (the mode to deploy); transaction pooling is shown for contrast.
"""

import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
from concurrent.futures import ThreadPoolExecutor

from _setup import setup
from serving import free_port, get, start_gunicorn

TENANTS = 20
REQUESTS = 1200
WORKERS = 4
INI = """
[databases]
* = host=%(host)s port=%(port)s
[pgbouncer]
listen_addr = 127.0.0.1
listen_port = %(listen)d
auth_type = trust
auth_file = %(dir)s/users.txt
pool_mode = %(mode)s
default_pool_size = %(pool)d
max_client_conn = 200
ignore_startup_parameters = extra_float_digits,options
logfile = %(dir)s/pgbouncer.log
pidfile = %(dir)s/pgbouncer.pid
unix_socket_dir =
"""


def provision() -> list[tuple[str, str]]:
    """20 tenants, each with an article whose title names it: the title comes from the tenant's own schema
    (the site name would come from the worker's routing table and prove nothing)."""
    from django.db import connection
    from django_tenants.utils import schema_context
    from serving import article_page
    from wagtail.models import Page

    from desa_platform.tenancy import template_schema
    from desa_platform.tenancy.models import Desa
    from desa_platform.tenancy.services.provisioning import DesaSpec, create_desa

    template_schema.ensure_template()
    hosts = []
    for i in range(TENANTS):
        slug = f"pool-{i:02d}"
        desa = Desa.objects.filter(slug=slug).first() or create_desa(
            DesaSpec(slug=slug, name=f"Kolam {i:02d}", domains=[f"{slug}.localhost"])
        )
        with schema_context(desa.schema_name):
            if not Page.objects.filter(slug="kabar-kolam").exists():
                Page.objects.get(depth=2).specific.add_child(
                    instance=article_page(f"Berita nomor {i:02d}", "kabar-kolam")
                )
        connection.close()
        hosts.append((f"{slug}.localhost", f"{i:02d}"))
    return hosts


def start_pgbouncer(mode: str, url: urllib.parse.ParseResult, workdir: str, pool: int) -> tuple[subprocess.Popen, int]:
    binary = shutil.which("pgbouncer") or "/usr/sbin/pgbouncer"
    listen = free_port()
    with open(f"{workdir}/users.txt", "w") as users:
        users.write(f'"{url.username or "postgres"}" ""\n')
    ini = f"{workdir}/pgbouncer-{mode}.ini"
    with open(ini, "w") as f:
        f.write(
            INI
            % {
                "host": url.hostname,
                "port": url.port or 5432,
                "listen": listen,
                "dir": workdir,
                "mode": mode,
                "pool": pool,
            }
        )
    command = [binary, ini]
    if os.geteuid() == 0:  # PgBouncer refuses to run as root
        shutil.chown(workdir, "postgres")
        for name in os.listdir(workdir):
            shutil.chown(os.path.join(workdir, name), "postgres")
        command = [binary, "-u", "postgres", ini]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(0.5)
    return process, listen


def hammer(port: int, hosts: list[tuple[str, str]]) -> dict:
    names = re.compile(r"Berita nomor (\d\d)")

    def one(i: int) -> str:
        host, name = hosts[i % len(hosts)]
        try:
            body = get(port, host, f"/kabar-kolam/?bench={i}").decode()
        except urllib.error.HTTPError as error:  # a 500: a query ran where its tables are not
            return "error" if error.code >= 500 else "wrong"
        except (urllib.error.URLError, OSError):
            return "error"
        seen = set(names.findall(body))
        return "right" if seen == {name} else "wrong"

    started = time.perf_counter()
    with ThreadPoolExecutor(16) as pool:
        outcomes = list(pool.map(one, range(REQUESTS)))
    seconds = time.perf_counter() - started
    return {k: outcomes.count(k) for k in ("right", "wrong", "error")} | {"rps": REQUESTS / seconds}


def main() -> None:
    if not os.environ.get("BENCH_DATABASE_URL"):
        raise SystemExit("Set BENCH_DATABASE_URL to a PostgreSQL server reachable over TCP (PgBouncer sits in front).")
    if not (shutil.which("pgbouncer") or os.path.exists("/usr/sbin/pgbouncer")):
        raise SystemExit("Install Debian's pgbouncer first (apt-get install pgbouncer).")
    setup("desa_bench_pool")
    hosts = provision()
    url = urllib.parse.urlparse(os.environ["BENCH_DATABASE_URL"])
    results = {}
    with tempfile.TemporaryDirectory() as workdir:
        ways = [("direct", None), ("session", "session"), ("transaction", "transaction")]
        for label, mode in ways:
            bouncer = None
            database_url = os.environ["BENCH_DATABASE_URL"]
            if mode:
                # Session pooling gives each client a server connection for as long as it stays connected
                # (CONN_MAX_AGE): the pool must hold one per gunicorn worker of every node, or workers wait.
                pool = WORKERS if mode == "session" else 2
                bouncer, listen = start_pgbouncer(mode, url, workdir, pool)
                database_url = url._replace(netloc=f"{url.username or 'postgres'}@127.0.0.1:{listen}").geturl()
            port = free_port()
            master = start_gunicorn(port, WORKERS, {"DATABASE_URL": database_url})
            try:
                results[label] = hammer(port, hosts)
            finally:
                master.terminate()
                master.wait()
                if bouncer:
                    bouncer.terminate()
                    bouncer.wait()
    print(f"\n{REQUESTS} uncached page views over {TENANTS} tenants, 16 at a time, 4 gunicorn workers")
    print(f"{'way in':14} {'req/s':>7} {'right':>6} {'WRONG tenant':>13} {'5xx/errors':>10}")
    for label, r in results.items():
        print(f"{label:14} {r['rps']:7.0f} {r['right']:6} {r['wrong']:13} {r['error']:10}")
    print("deploy: pool_mode = session (0 wrong); transaction pooling needs search_path set inside every transaction")


if __name__ == "__main__":
    sys.exit(main())
