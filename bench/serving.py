"""HTTP benchmark over many desa: gunicorn (deploy/gunicorn.conf.py, production settings) driven by wrk.

    .venv/bin/python bench/serving.py [--tenants 120] [--duration 10] [--connections 50] [--memory-tenants 400]

Everything is measured in one run against a bare Django view (`/livez` on the platform domain) served by
the same gunicorn: cached desa page, uncached home page, uncached news article (a real one: body, photo, tags,
related articles; bench/real_article.py), with requests spread over every desa; p50/p99 latency; a single
worker's memory after touching every desa vs after touching one.
Needs `wrk` (Debian package); with Debian's `nginx` installed it also runs the cached page through nginx with
the deployed `location /` (deploy/nginx/app.conf). Uses its own database (embedded by default, or
BENCH_DATABASE_URL) and REDIS_URL when set.

One script, over 300 lines on purpose: every row is measured in the same run against the same bare view.
"""

import argparse
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from _setup import ROOT, setup

# One wrk thread: the load generator shares the 2 cores with the server, and every thread of its own takes
# CPU time (and adds scheduling delay to the latencies it measures) from the server it is measuring.
WRK_THREADS = int(os.environ.get("WRK_THREADS", 1))
BENCH_VAR = ROOT / "var" / "bench"
WARM_SECONDS = 2
WARM_VIEWS = 8

LUA = """
local hosts = {%(hosts)s}
local i = 0
request = function()
  i = i + 1
  local host = hosts[(i %% #hosts) + 1]
  return wrk.format("GET", "%(path)s", {["Host"] = host})
end
"""

# Added to LUA to count a response header's values (X-Cache: HIT/MISS); costs wrk a little CPU per response.
COUNT_LUA = """
local threads = {}
function setup(thread) table.insert(threads, thread) end
seen = {}
response = function(status, headers, body)
  local value = headers["%(header)s"] or "-"
  seen[value] = (seen[value] or 0) + 1
end
function done(summary, latency, requests)
  for _, thread in ipairs(threads) do
    for value, n in pairs(thread:get("seen")) do io.write(string.format("header %%s %%d\\n", value, n)) end
  end
end
"""


NGINX_CONF = """
daemon off;
master_process on;
worker_processes auto;
user root;
pid %(dir)s/nginx.pid;
error_log %(dir)s/error.log warn;
events { worker_connections 1024; }
http {
    # as in Debian's /etc/nginx/nginx.conf, which deploy/nginx/desa-digital.conf is included from
    sendfile on;
    tcp_nopush on;
    types_hash_max_size 2048;
    access_log off;
    # as deploy/nginx/desa-digital.conf declares them for app.conf's visit log
    map $upstream_cache_status $desa_visit_from_cache { default 0; }
    log_format desa_visits '$time_iso8601 $host $status "$sent_http_content_type"';
    client_body_temp_path %(dir)s/body;
    proxy_temp_path %(dir)s/proxy;
    fastcgi_temp_path %(dir)s/fastcgi;
    uwsgi_temp_path %(dir)s/uwsgi;
    scgi_temp_path %(dir)s/scgi;
    upstream desa_digital { server 127.0.0.1:%(upstream)d; keepalive 32; }
    map $host $desa_media { default ""; }  # deploy/nginx/media-map.conf: no media in this bench
    proxy_cache_path %(dir)s/cache levels=1:2 keys_zone=desa_pages:50m max_size=1g inactive=30m;
    server {
        listen 127.0.0.1:%(port)d default_server;
        server_name _;
        include %(root)s/deploy/nginx/app.conf;
    }
}
"""


def start_nginx(upstream: int, workdir: str) -> tuple[subprocess.Popen, int] | None:
    """nginx in front of gunicorn with the deployed `location /` (deploy/nginx/app.conf); None without nginx."""
    binary = shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None)
    if binary is None:
        return None
    port = free_port()
    conf = Path(workdir) / "nginx.conf"
    conf.write_text(NGINX_CONF % {"dir": workdir, "upstream": upstream, "port": port, "root": ROOT})
    process = subprocess.Popen([binary, "-c", str(conf), "-p", workdir])
    for _ in range(50):
        try:
            get(port, "localhost", "/livez")
            return process, port
        except OSError:
            time.sleep(0.1)
    process.terminate()
    return None


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def provision(count: int) -> tuple[list[str], str]:
    """`count` bench desa, each with a real news article (bench/real_article.py); their hosts and its path."""
    import real_article
    from django.db import connection
    from django.test import override_settings
    from django_tenants.utils import schema_context

    from desa_platform.tenancy import template_schema
    from desa_platform.tenancy.models import Desa
    from desa_platform.tenancy.services.provisioning import DesaSpec, create_desa, delete_desa

    template = template_schema.ensure_template()
    # Desa cloned from an older template are stale: make them again.
    for desa in Desa.objects.filter(slug__startswith="bench-http-", created__lt=template.built_at):
        delete_desa(desa)
    hosts = []
    for i in range(count):
        slug = f"bench-http-{i:03d}"
        desa = Desa.objects.filter(slug=slug).first() or create_desa(
            DesaSpec(slug=slug, name=f"Bench {i}", domains=[f"{slug}.localhost"], kecamatan="Jenu", kabupaten="Tuban")
        )
        # Media where gunicorn (DESA_VAR_DIR below) reads the photo from to make its renditions.
        with schema_context(desa.schema_name), override_settings(MEDIA_ROOT=BENCH_VAR / "media"):
            article_path = real_article.ensure("kabar-bench")
        hosts.append(f"{slug}.localhost")
        # A PostgreSQL backend that has created many schemas slows down with its catalog caches (13 s a desa
        # after 380 on one connection, 0.4 s on a fresh one): one connection a desa, as `desa bulk` does.
        connection.close()
    return hosts, article_path


def article_page(title: str, slug: str):
    """A news article when the berita app has one, else a plain page."""
    from django.apps import apps
    from wagtail.models import Page

    for model in apps.get_app_config("berita").get_models() if apps.is_installed("sites.berita") else []:
        if model.__name__ in ("ArticlePage", "BeritaPage", "NewsPage"):
            return model(title=title, slug=slug)
    return Page(title=title, slug=slug)


def start_gunicorn(port: int, workers: int, database: dict) -> subprocess.Popen:
    env = {
        **os.environ,
        **database,
        "DJANGO_SETTINGS_MODULE": "desa_platform.settings.production",
        "SECRET_KEY": "bench-" + "x" * 50,
        "SIGNING_KEY_ENCRYPTION_KEY": "bench-signing-" + "x" * 40,
        "SECURE_SSL_REDIRECT": "false",
        "DESA_VAR_DIR": str(BENCH_VAR),
        "GUNICORN_BIND": f"127.0.0.1:{port}",
        "GUNICORN_WORKERS": str(workers),
        "GUNICORN_ACCESSLOG": os.environ.get("BENCH_ACCESSLOG", ""),
        "GUNICORN_LOGLEVEL": "warning",
        "GUNICORN_MAX_REQUESTS": "0",
        "CONN_MAX_AGE": "600",
        "PLATFORM_DOMAINS": "localhost,127.0.0.1",
    }
    subprocess.run([sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"], env=env, cwd=ROOT, check=True)
    process = subprocess.Popen(
        [str(Path(sys.executable).with_name("gunicorn")), "-c", "deploy/gunicorn.conf.py"], env=env, cwd=ROOT
    )
    # A loaded machine may take longer than 30 s to preload the app (BENCH_START_SECONDS).
    for _ in range(int(os.environ.get("BENCH_START_SECONDS", 120)) * 5):
        try:
            get(port, "localhost", "/livez")
            return process
        except OSError:
            time.sleep(0.2)
    process.terminate()
    raise SystemExit("gunicorn did not start")


def get(port: int, host: str, path: str) -> bytes:
    request = urllib.request.Request(f"http://127.0.0.1:{port}{path}", headers={"Host": host})
    with urllib.request.urlopen(request, timeout=30) as response:
        return response.read()


def wrk(port: int, hosts: list[str], path: str, duration: int, connections: int, count_header: str = "") -> dict:
    """wrk's figures; with `count_header`, also how many responses carried each value of that header."""
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(LUA % {"hosts": ", ".join(f'"{h}"' for h in hosts), "path": path})
        if count_header:
            script.write(COUNT_LUA % {"header": count_header})
    out = subprocess.run(
        [
            "wrk",
            f"-t{WRK_THREADS}",
            f"-c{connections}",
            f"-d{duration}s",
            "--latency",
            "-s",
            script.name,
            f"http://127.0.0.1:{port}",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    os.unlink(script.name)
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    p50 = re.search(r"50%\s+([\d.]+)(us|ms|s)", out)
    p99 = re.search(r"99%\s+([\d.]+)(us|ms|s)", out)
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    result = {"rps": rps, "p50": to_ms(p50), "p99": to_ms(p99), "non2xx": int(errors.group(1)) if errors else 0}
    if count_header:
        result["header"] = {value: int(n) for value, n in re.findall(r"^header (\S+) (\d+)$", out, re.MULTILINE)}
    return result


def to_ms(match) -> float:
    value, unit = float(match.group(1)), match.group(2)
    return value / 1000 if unit == "us" else value * 1000 if unit == "s" else value


def workers_cpu_seconds(master: subprocess.Popen) -> float:
    import psutil

    return sum(sum(child.cpu_times()[:2]) for child in psutil.Process(master.pid).children())


def wrk_with_cpu(
    master: subprocess.Popen, port: int, hosts: list[str], path: str, duration: int, connections: int, **options
):
    """wrk, plus the gunicorn workers' own CPU time per request: other processes on a shared machine change
    req/s from one row to the next, much less the CPU a request costs."""
    before = workers_cpu_seconds(master)
    run = wrk(port, hosts, path, duration, connections, **options)
    run["cpu_ms"] = (workers_cpu_seconds(master) - before) * 1000 / max(run["rps"] * duration, 1)
    return run


def worker_rss_mb(master: subprocess.Popen) -> float:
    import psutil

    children = psutil.Process(master.pid).children()
    return max(child.memory_info().rss for child in children) / 1e6


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--tenants", type=int, default=120)
    parser.add_argument("--memory-tenants", type=int, default=0, help="default: same as --tenants")
    parser.add_argument("--duration", type=int, default=10)
    parser.add_argument("--connections", type=int, default=50)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    memory_tenants = args.memory_tenants or args.tenants

    setup("desa_bench_http")
    from django.db import connection

    if os.environ.get("BENCH_DATABASE_URL"):
        database = {"DATABASE_URL": os.environ["BENCH_DATABASE_URL"]}
    else:  # gunicorn joins the same embedded server
        database = {"EMBEDDED_PG_DATA": connection.settings_dict["HOST"], "EMBEDDED_PG_DB": "desa_bench_http"}
    print(f"provisioning {max(args.tenants, memory_tenants)} desa ...", flush=True)
    all_hosts, article_path = provision(max(args.tenants, memory_tenants))
    hosts = all_hosts[: args.tenants]
    connection.close()

    port = free_port()
    master = start_gunicorn(port, args.workers, database)
    try:
        for h in hosts:  # warm the page cache of every desa
            get(port, h, "/")
        # Uncached rows measure warm workers: each has seen every desa at this content generation (its memo is
        # filled, the article's renditions made), as on a server that has been up for a while.
        # A 2 s warm-up is not that on a busy machine (60 articles a second: some desa never reached one of the
        # workers, and their first views, queries and all, fell in the measured run): warm until each worker has
        # had, on average, WARM_VIEWS views of each desa (wrk's connections land on the workers at random).
        for path in ("/?bench=0", f"{article_path}?bench=0"):
            warmed = 0.0
            while warmed < WARM_VIEWS * len(hosts) * args.workers:
                warmed += wrk(port, hosts, path, WARM_SECONDS, args.connections)["rps"] * WARM_SECONDS
        runs = {
            name: wrk_with_cpu(master, port, row_hosts, path, args.duration, args.connections)
            for name, row_hosts, path in (
                ("bare Django view (/livez)", ["localhost"], "/livez"),
                ("cached desa page", hosts, "/"),
                ("uncached home", hosts, "/?bench=1"),
                ("uncached news article", hosts, f"{article_path}?bench=1"),
            )
        }
        with tempfile.TemporaryDirectory() as workdir:
            nginx = start_nginx(port, workdir)
            if nginx:
                front, front_port = nginx
                try:
                    for h in hosts:  # warm nginx's cache too, as the page cache was warmed above
                        get(front_port, h, "/")
                    runs["cached page, nginx in front"] = wrk(front_port, hosts, "/", args.duration, args.connections)
                finally:
                    front.terminate()
                    front.wait()
    finally:
        master.terminate()
        master.wait()

    port = free_port()
    master = start_gunicorn(port, 1, database)
    try:
        for _ in range(50):
            get(port, all_hosts[0], "/?bench=1")
        after_one = worker_rss_mb(master)
        for h in all_hosts[:memory_tenants]:
            get(port, h, "/?bench=1")
        after_all = worker_rss_mb(master)
    finally:
        master.terminate()
        master.wait()

    bare = runs["bare Django view (/livez)"]["rps"]
    print(f"\n{args.tenants} desa, {args.workers} workers, {args.connections} connections, {args.duration} s each")
    bare_cpu = runs["bare Django view (/livez)"]["cpu_ms"]
    print(f"{'':32} {'req/s':>9} {'x bare':>8} {'p50 ms':>8} {'p99 ms':>8} {'non-2xx':>8} {'CPU ms':>7} {'x bare':>7}")
    for name, run in runs.items():
        row = f"{name:32} {run['rps']:9.0f} {run['rps'] / bare:8.2f} {run['p50']:8.2f} {run['p99']:8.2f}"
        cpu = f" {run['cpu_ms']:7.2f} {bare_cpu / run['cpu_ms']:7.2f}" if "cpu_ms" in run else ""
        print(row + f" {run['non2xx']:8}" + cpu)
    print("(CPU ms: the gunicorn workers' own CPU time per request; its x bare is the bare view's over the row's)")
    print(
        f"worker memory: {after_one:.1f} MB after one desa, {after_all:.1f} MB after {memory_tenants} desa "
        f"= {after_all / after_one:.2f}x"
    )
    if "cached page, nginx in front" not in runs:
        print("(no nginx found: install Debian's nginx for the row with deploy/nginx/app.conf in front)")
    print("targets: cached >= 0.5x bare; uncached home >= 0.08x; cached p99 < 20 ms at 50 connections; memory <= 1.3x")


if __name__ == "__main__":
    main()
