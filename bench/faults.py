"""Faults under load: does every desa keep serving, and is no confirmed write lost?

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/desa_safety REDIS_URL=redis://127.0.0.1:6379/3 \\
        .venv/bin/python bench/faults.py [--desa 100] [--phase-seconds 20] [--clients 12]

Loopback only, bounded in time (~3 min after setup). gunicorn with deploy/gunicorn.conf.py on a unix socket,
the deploy nginx (deploy/nginx/app.conf, our own process) in front, the machine's PostgreSQL and Redis (through
a TCP proxy we can stop). Mixed load over every desa: page views, contact posts (each desa mails a notification
address: the outbox worker runs against a mail server that accepts and never answers), and an editor publishing
in one desa every second. Phases: baseline; mail server stalls; PostgreSQL connections terminated
(pg_terminate_backend); Redis refusing connections for 30 s; a restore of one desa (console path: safety backup,
maintenance); recovery. Prints requests and 5xx per phase, writes confirmed vs stored, duplicates, recovery.
Not a test: figures go to bench/README.md.

One script, over 300 lines on purpose: the phases share the load generator and the write ledger they check.
"""

import argparse
import collections
import http.client
import os
import random
import re
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from bench import local_nginx  # noqa: E402
from bench.fault_servers import StalledSMTPServer, TCPProxy  # noqa: E402

PAGES = ["/", "/berita/", "/profil/", "/kontak/", "/pengumuman/", "/berita/?page=2"]


def setup_django(database_url: str, redis_url: str):
    os.environ["DJANGO_SETTINGS_MODULE"] = "desa_platform.settings.dev"
    os.environ["DATABASE_URL"] = database_url
    os.environ["REDIS_URL"] = redis_url
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate_schemas", shared=True, interactive=False, verbosity=0)


def provision(count: int) -> list:
    from django.db import connection
    from django_tenants.utils import schema_context

    from desa_platform.tenancy import template_schema
    from desa_platform.tenancy.models import Desa
    from desa_platform.tenancy.services.provisioning import DesaSpec, create_desa, delete_desa
    from sites.kontak.models import KontakPage

    template = template_schema.ensure_template()
    for desa in Desa.objects.filter(slug__startswith="faults-", created__lt=template.built_at):
        delete_desa(desa)
    found = []
    for i in range(count):
        slug = f"faults-{i:03d}"
        desa = Desa.objects.filter(slug=slug).first() or create_desa(
            DesaSpec(slug=slug, name=f"Uji Gangguan {i}", domains=[f"{slug}.bench.test"], kabupaten="Tuban")
        )
        if desa.status != "active":
            Desa.objects.filter(pk=desa.pk).update(status="active")
        with schema_context(desa.schema_name):
            KontakPage.objects.filter(email_pemberitahuan="").update(email_pemberitahuan=f"sekdes@{slug}.test")
        found.append(desa)
        connection.close()
    return found


class Load:
    """Threads of residents: page views, and contact posts carrying a unique marker."""

    def __init__(self, port, hosts, clients):
        self.port, self.hosts, self.clients = port, hosts, clients
        self.stop = threading.Event()
        self.phase = "setup"
        self.results = []  # (phase, t, host, kind, status, seconds)
        self.confirmed = []  # (host, marker, t)
        self.lock = threading.Lock()

    def request(self, method, host, path, body=None, headers=None, source=None):
        source_address = (source, 0) if source else None
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30, source_address=source_address)
        conn.request(method, path, body=body, headers={"Host": host, **(headers or {})})
        response = conn.getresponse()
        text = response.read().decode("utf-8", "replace")
        conn.close()
        return response, text

    def post_message(self, host, source):
        response, page = self.request("GET", host, "/kontak/", source=source)
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
        cookie = response.headers.get("Set-Cookie", "")
        csrf = re.search(r"csrftoken=([^;]+)", cookie)
        if response.status != 200 or not token or not csrf:
            return response.status, None
        marker = uuid.uuid4().hex[:16]
        body = urlencode(
            {
                "csrfmiddlewaretoken": token[1],
                "nama": "Warga Uji",
                "email": "warga@contoh.id",
                "telepon": "0812 0000 0000",
                "jenis": "pengaduan",
                "pesan": f"Pesan uji gangguan {marker}: lampu jalan mati.",
            }
        )
        headers = {
            "Content-Type": "application/x-www-form-urlencoded",
            "Cookie": f"csrftoken={csrf[1]}",
            "Referer": f"http://{host}/kontak/",
        }
        response, _ = self.request("POST", host, "/kontak/", body, headers, source=source)
        return response.status, marker if response.status == 302 else None

    def worker(self):
        rng = random.Random()
        while not self.stop.is_set():
            host = rng.choice(self.hosts)
            source = f"127.{rng.randint(1, 250)}.{rng.randint(1, 250)}.{rng.randint(1, 250)}"  # one resident
            started = time.monotonic()
            phase = self.phase
            try:
                if rng.random() < 0.15:
                    kind = "post"
                    status, marker = self.post_message(host, source)
                    if marker:
                        with self.lock:
                            self.confirmed.append((host, marker, time.monotonic()))
                else:
                    kind = "view"
                    status = self.request("GET", host, rng.choice(PAGES), source=source)[0].status
            except (OSError, http.client.HTTPException):
                status = 599  # no answer within 30 s, or the connection broke
            with self.lock:
                self.results.append((phase, time.monotonic(), host, kind, status, time.monotonic() - started))

    def start(self):
        self.threads = [threading.Thread(target=self.worker, daemon=True) for _ in range(self.clients)]
        for thread in self.threads:
            thread.start()

    def finish(self):
        self.stop.set()
        for thread in self.threads:
            thread.join(timeout=40)


class Editor:
    """An editor in one desa publishing its home page every second (the ORM, as the admin's publish does)."""

    def __init__(self, desa):
        self.desa, self.stop, self.confirmed, self.failed = desa, threading.Event(), [], 0

    def run(self):
        from django.db import close_old_connections
        from django_tenants.utils import schema_context
        from wagtail.models import Page

        n = 0
        while not self.stop.is_set():
            n += 1
            title = f"Beranda terbit {uuid.uuid4().hex[:8]}"
            try:
                close_old_connections()
                with schema_context(self.desa.schema_name):
                    home = Page.objects.get(depth=2).specific
                    home.title = title
                    home.save_revision().publish()
                self.confirmed.append(title)
            except Exception:  # noqa: BLE001 - a killed connection: not confirmed, tried again next second
                self.failed += 1
                from django.db import connection

                connection.close()
            self.stop.wait(1.0)


def manage(env, *args, check=True):
    return subprocess.run([sys.executable, "manage.py", *args], env=env, cwd=ROOT, capture_output=True, text=True)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--desa", type=int, default=100)
    parser.add_argument("--phase-seconds", type=float, default=20)
    parser.add_argument("--redis-seconds", type=float, default=30)
    parser.add_argument("--clients", type=int, default=12)
    parser.add_argument("--workers", type=int, default=3)
    args = parser.parse_args()
    database_url = os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/desa_safety")
    redis_target = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/3")
    db_name = database_url.rsplit("/", 1)[1]
    subprocess.run(["createdb", "-h", "127.0.0.1", "-U", "postgres", db_name], capture_output=True)
    redis_port, redis_db = int(redis_target.split(":")[2].split("/")[0]), redis_target.rsplit("/", 1)[1]
    proxy = TCPProxy(redis_port).start()
    proxied_redis = f"redis://127.0.0.1:{proxy.port}/{redis_db}"
    setup_django(database_url, proxied_redis)
    from django.core.cache import cache
    from django.db import connection

    started = time.monotonic()
    every = provision(args.desa)
    print(f"{len(every)} desa ready in {time.monotonic() - started:.0f} s")
    cache.clear()
    restored, edited = every[1], every[2]
    hosts = [d.domains.get(is_primary=True).domain for d in every]

    workdir = Path(tempfile.mkdtemp(prefix="desa-faults-"))
    var = workdir / "var"
    smtp = StalledSMTPServer()
    smtp_port = smtp.port
    smtp.close()  # nothing listens there until the "mail stalls" phase: refused, retried later
    sock = workdir / "gunicorn.sock"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "desa_platform.settings.production",
        "SECRET_KEY": "faults-" + "x" * 50,
        "DATABASE_URL": database_url,
        "REDIS_URL": proxied_redis,
        "SECURE_SSL_REDIRECT": "false",
        "DESA_VAR_DIR": str(var),
        "DESA_BACKUP_DIR": str(var / "backups"),
        "DESA_BACKUP_KEY": "faults-bench-backup-key-" + "y" * 20,
        "GUNICORN_BIND": f"unix:{sock}",
        "GUNICORN_WORKERS": str(args.workers),
        "GUNICORN_ACCESSLOG": "",
        "GUNICORN_LOGLEVEL": "warning",
        "CONN_MAX_AGE": "300",
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": str(smtp_port),
        "EMAIL_TIMEOUT": "5",
        "LOG_LEVEL": "ERROR",
    }
    manage(env, "collectstatic", "--noinput", "-v0")
    from desa_platform.tenancy.management.commands.nginx_media_map import media_map

    gunicorn = subprocess.Popen(
        [str(Path(sys.executable).with_name("gunicorn")), "-c", "deploy/gunicorn.conf.py"],
        env=env,
        cwd=ROOT,
        stderr=open(workdir / "gunicorn.log", "w"),  # noqa: SIM115
    )
    sender = subprocess.Popen(
        [sys.executable, "manage.py", "desa", "outbox-send", "--loop"],
        env=env,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=open(workdir / "outbox.log", "w"),  # noqa: SIM115
    )
    while not sock.exists():
        time.sleep(0.1)
    nginx, port = local_nginx.start(workdir / "nginx", var, f"unix:{sock}", media_map())
    health = []  # (t, status)

    def watch_health():
        while not load.stop.is_set():
            try:
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
                conn.request("GET", "/healthz", headers={"Host": "localhost"})
                health.append((time.monotonic(), conn.getresponse().status))
                conn.close()
            except OSError:
                health.append((time.monotonic(), 599))
            time.sleep(0.5)

    load = Load(port, hosts, args.clients)
    editor = Editor(edited)
    for host in hosts:  # warm every desa once
        try:
            load.request("GET", host, "/")
        except OSError:
            pass
    load.start()
    threading.Thread(target=editor.run, daemon=True).start()
    threading.Thread(target=watch_health, daemon=True).start()
    marks = {}

    def phase(name, seconds, action=None):
        load.phase = name
        marks[name] = time.monotonic()
        print(f"-- {name}", flush=True)
        if action:
            action()
        time.sleep(seconds)

    def kill_connections():
        from django.db import connection as bench_connection

        with bench_connection.cursor() as cursor:
            cursor.execute(
                "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                "WHERE datname = current_database() AND pid <> pg_backend_pid()"
            )
            marks["killed"] = cursor.fetchone()[0]
        marks["kill_at"] = time.monotonic()

    stalled = []
    phase("1 baseline", args.phase_seconds)
    phase("2 mail server stalls", args.phase_seconds, lambda: stalled.append(StalledSMTPServer.on_port(smtp_port)))
    phase("3 PostgreSQL connections killed", args.phase_seconds, kill_connections)
    proxy.stop()
    phase("4 Redis refusing", args.redis_seconds)
    proxy.start()
    marks["redis_back"] = time.monotonic()
    restore_info = {}

    def restore_one():
        made = manage(env, "desa", "backup", restored.slug)
        name = re.search(r"(faults-\S+\.zip)", made.stdout + made.stderr)
        restore_info["backup_at"] = time.monotonic()
        time.sleep(args.phase_seconds / 4)  # residents keep posting to it after the backup it is restored from
        restore_info["start"] = time.monotonic()
        done = manage(env, "desa", "restore", name[1], "--into", restored.slug, "--confirm", restored.slug)
        restore_info["end"] = time.monotonic()
        restore_info["ok"] = done.returncode == 0
        restore_info["output"] = (done.stdout + done.stderr)[-400:]

    restorer = threading.Thread(target=restore_one)
    phase("5 restore of one desa", 0, restorer.start)
    restorer.join()
    time.sleep(max(0.0, args.phase_seconds - (time.monotonic() - marks["5 restore of one desa"])))
    phase("6 recovery", args.phase_seconds)
    load.finish()
    editor.stop.set()
    time.sleep(1.5)
    try:
        report(load, editor, marks, restore_info, health, restored, every, env, var)
    finally:
        for process in (gunicorn, sender, nginx):  # only what this run started, by its own handle
            process.terminate()
        for process in (gunicorn, sender, nginx):
            try:
                process.wait(timeout=40)
            except subprocess.TimeoutExpired:
                process.kill()
        for server in stalled:
            server.close()
        proxy.stop()
        connection.close()


def stored_markers(every) -> collections.Counter:
    from django.db import connection
    from django_tenants.utils import schema_context

    from sites.kontak.models import Pesan

    found = collections.Counter()
    connection.close()
    for desa in every:
        with schema_context(desa.schema_name):
            for text in Pesan.objects.filter(pesan__startswith="Pesan uji gangguan").values_list("pesan", flat=True):
                found[(desa.domains.get(is_primary=True).domain, text.split()[3].rstrip(":"))] += 1
    return found


def safety_backup_markers(restored, env, var) -> set:
    """Markers of the restored desa found in the safety backup the restore wrote first."""
    import zipfile

    from django.test import override_settings

    from desa_platform.tenancy.services import backup
    from desa_platform.tenancy.services.backup import sealing

    with override_settings(DESA_BACKUP_DIR=var / "backups", DESA_BACKUP_KEY=env["DESA_BACKUP_KEY"]):
        files = backup.list_backups(restored.slug)
        if len(files) < 2:
            return set()
        plain = var / "safety.zip"
        sealing.unseal(files[0].path, plain)  # the newest: the safety backup
        with zipfile.ZipFile(plain) as archive:
            rows = archive.read("data/kontak_pesan.copy").decode()
        plain.unlink()
    return set(re.findall(r"Pesan uji gangguan ([0-9a-f]{16})", rows))


def report(load, editor, marks, restore_info, health, restored, every, env, var):
    names = [name for name in marks if name[0].isdigit()]
    restored_host = restored.domains.get(is_primary=True).domain
    print(f"\n{'phase':34} {'requests':>8} {'req/s':>6} {'5xx':>5} {'5xx other desa':>14} {'p95 ms':>7}")
    for i, name in enumerate(names):
        rows = [r for r in load.results if r[0] == name]
        start = marks[name]
        end = marks[names[i + 1]] if i + 1 < len(names) else max((r[1] for r in rows), default=start)
        errors = [r for r in rows if r[4] >= 500]
        others = [r for r in errors if r[2] != restored_host]
        latencies = sorted(r[5] for r in rows) or [0]
        p95 = latencies[int(len(latencies) * 0.95) - 1 if len(latencies) > 1 else 0] * 1000
        rate = len(rows) / max(end - start, 0.001)
        print(f"{name:34} {len(rows):8d} {rate:6.1f} {len(errors):5d} {len(others):14d} {p95:7.0f}")
        codes = collections.Counter(r[4] for r in errors)
        if codes:
            print(f"{'':34} 5xx by status: {dict(codes)}")

    def last_error_after(t0, t1):
        late = [r[1] for r in load.results if r[4] >= 500 and t0 <= r[1] <= t1 and r[2] != restored_host]
        return max(late) - t0 if late else 0.0

    kill = marks.get("kill_at", 0)
    print(
        f"\nPostgreSQL: {marks.get('killed', 0)} connections terminated; "
        f"5xx of other desa stop {last_error_after(kill, kill + 20):.1f} s after"
    )
    back = [t for t, status in health if t >= marks["redis_back"] and status == 200]
    down = [t for t, status in health if marks["4 Redis refusing"] <= t < marks["redis_back"] and status == 503]
    print(
        f"Redis: /healthz said 503 during the outage {len(down)} times; back to 200 "
        f"{(back[0] - marks['redis_back']) if back else float('nan'):.1f} s after Redis returned"
    )
    if restore_info:
        during = [r for r in load.results if restore_info["start"] <= r[1] <= restore_info["end"] + 2]
        maintenance = sum(1 for r in during if r[2] == restored_host and r[4] == 503)
        others = sum(1 for r in during if r[2] != restored_host and r[4] >= 500)
        print(
            f"Restore of {restored.slug}: {'ok' if restore_info['ok'] else 'FAILED ' + restore_info['output']}, "
            f"{restore_info['end'] - restore_info['start']:.1f} s; its visitors got 503 (maintenance) {maintenance}x, "
            f"other desa 5xx meanwhile: {others}"
        )

    stored = stored_markers(every)
    confirmed = {(host, marker) for host, marker, _ in load.confirmed}
    in_safety = safety_backup_markers(restored, env, var)
    missing = [c for c in confirmed if c not in stored]
    announced = [c for c in missing if c[0] == restored_host and c[1] in in_safety]
    lost = [c for c in missing if c not in announced]
    duplicates = sum(count - 1 for count in stored.values() if count > 1)
    print(
        f"\ncontact posts confirmed to residents (302): {len(confirmed)}; stored: {len(confirmed) - len(missing)}; "
        f"replaced by the restore but kept in its safety backup (announced): {len(announced)}; "
        f"LOST: {len(lost)}; duplicates: {duplicates}"
    )
    from django_tenants.utils import schema_context
    from wagtail.models import PageLogEntry

    with schema_context(editor.desa.schema_name):
        titles = set(PageLogEntry.objects.filter(action="wagtail.publish").values_list("label", flat=True))
    editor_lost = [t for t in editor.confirmed if t not in titles]
    print(
        f"editor publishes confirmed: {len(editor.confirmed)}, failed (told to retry): {editor.failed}, "
        f"LOST: {len(editor_lost)}"
    )
    from desa_platform.outbox.models import OutboxMessage

    kontak = OutboxMessage.objects.filter(kind="kontak", created__gte=load_start_time(load))
    print(
        f"outbox: {kontak.count()} notifications queued for {len(stored)} stored posts; "
        f"{kontak.filter(status='sent').count()} sent, {kontak.filter(status='pending').count()} waiting "
        "(the mail server never answers), none sent inside a request"
    )


def load_start_time(load):
    import datetime

    from django.utils import timezone

    first = min((r[1] for r in load.results), default=time.monotonic())
    return timezone.now() - datetime.timedelta(seconds=time.monotonic() - first + 30)


if __name__ == "__main__":
    main()
