"""Two app nodes behind nginx, sharing PostgreSQL, Redis and S3 media: proven over HTTP (issue 17, item 1).

    BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/desa_nodes REDIS_URL=redis://127.0.0.1:6379/9 \\
        .venv/bin/python bench/nodes.py [--duration 20] [--readers 3] [--writers 3]

Needs Debian's nginx and `pip install -r requirements-s3.txt` (django-storages, boto3, moto[server]).
Starts, on loopback only: `moto_server` (a real S3 HTTP endpoint, locally), two gunicorn nodes (each its own
process group and port, production settings, deploy/gunicorn.conf.py), and nginx with both nodes in
`upstream desa_digital` and the deployed deploy/nginx/app.conf. Then:

(a) a Diskominfo user signs in to the console through node A (password + TOTP) and suspends a desa there;
    node B answers 503 on the very next request; resumed through A, B answers 200 again;
(b) an image is saved through node A's storage (a process with node A's environment) and set on an article;
    node B serves the article with a rendition it makes from that original; both keys start with the desa's
    schema; the rendition's URL answers 200;
(c) page views and contact-form posts through nginx; node A is SIGKILLed (master and workers) half-way;
    confirmed writes (302 to .../terkirim/) vs rows stored in the desa's schema (lost must be 0), 5xx split
    into requests started before the kill (in flight) and after it (must be 0).
Every contact post comes from its own loopback address (127.0.x.y), so the form's rate limit (5 an hour per
visitor address, counted in the shared Redis) counts each as a different resident, as on a real day.

One script, over 300 lines on purpose: the nodes, nginx, S3 and the three proofs are one run read top to bottom.
"""

import argparse
import http.client
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
from pathlib import Path

from _setup import ROOT, setup
from serving import free_port, get, start_gunicorn

SLUG = "bench-nodes"
HOST = f"{SLUG}.localhost"
STAFF = ("bench-nodes-staff", "bench-nodes-Sandi-9f2")
BUCKET = "desa-bench-nodes"

NGINX_CONF = """
daemon off;
master_process on;
worker_processes 1;
# as bench/serving.py: workers as nobody cannot write the 0700 temp dir (cache, proxy buffers) -> 500
user root;
pid %(dir)s/nginx.pid;
error_log %(dir)s/error.log error;
events { worker_connections 1024; }
http {
    access_log off;
    client_body_temp_path %(dir)s/body;
    proxy_temp_path %(dir)s/proxy;
    fastcgi_temp_path %(dir)s/fastcgi;
    uwsgi_temp_path %(dir)s/uwsgi;
    scgi_temp_path %(dir)s/scgi;
    # Two app nodes, as two machines would be; nginx's defaults decide the failover (max_fails=1,
    # fail_timeout=10s, proxy_next_upstream error timeout: idempotent requests retried on the other node).
    upstream desa_digital { server 127.0.0.1:%(a)d; server 127.0.0.1:%(b)d; keepalive 32; }
    proxy_cache_path %(dir)s/cache levels=1:2 keys_zone=desa_pages:10m max_size=100m inactive=30m;
    map $uri $desa_visit_from_cache { default 0; }
    log_format desa_visits '$host';
    server {
        listen 127.0.0.1:%(port)d default_server;
        server_name _;
        include %(root)s/deploy/nginx/app.conf;
    }
}
"""


# ---------------------------------------------------------------- HTTP with cookies, from a chosen address


class Client:
    """A visitor: its own cookies, its own loopback source address."""

    def __init__(self, port: int, host: str, source: str = "127.0.0.1"):
        self.port, self.host, self.source, self.cookies = port, host, source, {}

    def request(self, method: str, path: str, data: dict | None = None, timeout: float = 30):
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout, source_address=(self.source, 0))
        headers = {"Host": self.host}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if data is not None:
            body = urllib.parse.urlencode(data)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        try:
            conn.request(method, path, body=body, headers=headers)
            response = conn.getresponse()
            content = response.read()
        finally:
            conn.close()
        for header, value in response.getheaders():
            if header.lower() == "set-cookie":
                name, _, rest = value.partition("=")
                self.cookies[name.strip()] = rest.split(";")[0]
        return response.status, response.getheader("Location", ""), content

    def csrf(self, path: str) -> str:
        status, _, content = self.request("GET", path)
        match = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', content)
        if status != 200 or not match:
            raise RuntimeError(f"no form at {path}: {status}")
        return match.group(1).decode()

    def post_form(self, path: str, fields: dict):
        return self.request("POST", path, {"csrfmiddlewaretoken": self.csrf(path), **fields})


# ---------------------------------------------------------------- setup


def provision():
    from django.contrib.auth import get_user_model
    from django_otp.plugins.otp_totp.models import TOTPDevice
    from django_tenants.utils import schema_context
    from wagtail.models import Page

    from desa_platform.tenancy import template_schema
    from desa_platform.tenancy.models import Desa
    from desa_platform.tenancy.services.provisioning import DesaSpec, create_desa, delete_desa
    from sites.berita.models import BeritaPage

    template = template_schema.ensure_template()
    for stale in Desa.objects.filter(slug=SLUG, created__lt=template.built_at):
        delete_desa(stale)
    desa = Desa.objects.filter(slug=SLUG).first() or create_desa(
        DesaSpec(slug=SLUG, name="Bench Nodes", domains=[HOST], kecamatan="Jenu", kabupaten="Tuban")
    )
    if desa.is_suspended:
        desa.status = Desa.Status.ACTIVE
        desa.save(update_fields=["status"])
    with schema_context(desa.schema_name):
        if not BeritaPage.objects.filter(slug="kabar-nodes").exists():
            parent = Page.objects.get(depth=2).specific
            parent.add_child(instance=BeritaPage(title="Kabar dari dua node", slug="kabar-nodes"))
    user, _ = get_user_model().objects.get_or_create(username=STAFF[0], defaults={"is_staff": True})
    user.is_staff = True
    user.set_password(STAFF[1])
    user.save()
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    device = device or TOTPDevice.objects.create(user=user, name="Bench", confirmed=True)
    return desa, device


def totp_now(device) -> str:
    from django_otp.oath import TOTP

    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    return f"{totp.token():0{device.digits}d}"


def start_moto(port: int) -> subprocess.Popen:
    binary = Path(sys.executable).with_name("moto_server")
    process = subprocess.Popen(
        [str(binary), "-H", "127.0.0.1", "-p", str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    import boto3

    s3 = boto3.client("s3", endpoint_url=f"http://127.0.0.1:{port}", region_name="us-east-1")
    for _ in range(100):
        try:
            s3.create_bucket(Bucket=BUCKET)
            break
        except Exception:  # not listening yet
            time.sleep(0.2)
    else:
        process.kill()
        raise SystemExit("moto_server did not start")
    # Media URLs are plain (AWS_QUERYSTRING_AUTH = False): visitors read objects anonymously, so the bucket
    # needs a public-read policy, as a deployed one would (without it the rendition answers 403).
    policy = {
        "Version": "2012-10-17",
        "Statement": [
            {"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": f"arn:aws:s3:::{BUCKET}/*"}
        ],
    }
    s3.put_bucket_policy(Bucket=BUCKET, Policy=json.dumps(policy))
    return process


def bucket_keys(endpoint: str) -> list[str]:
    import boto3

    s3 = boto3.client("s3", endpoint_url=endpoint, region_name="us-east-1")
    return [item["Key"] for item in s3.list_objects_v2(Bucket=BUCKET).get("Contents", [])]


def kill_node(process: subprocess.Popen) -> None:
    """A node's machine dying: SIGKILL its master and every worker at once (no graceful shutdown)."""
    import psutil

    members = [process.pid] + [child.pid for child in psutil.Process(process.pid).children(recursive=True)]
    for pid in members:
        os.kill(pid, signal.SIGKILL)
    process.wait()


def start_nginx(a: int, b: int, workdir: str) -> tuple[subprocess.Popen, int]:
    binary = shutil.which("nginx") or "/usr/sbin/nginx"
    port = free_port()
    conf = Path(workdir) / "nginx.conf"
    conf.write_text(NGINX_CONF % {"dir": workdir, "a": a, "b": b, "port": port, "root": ROOT})
    # app.conf logs to /var/log/nginx; our own process may not write there: point it at the work dir.
    text = (ROOT / "deploy/nginx/app.conf").read_text().replace("/var/log/nginx/", f"{workdir}/")
    (Path(workdir) / "app.conf").write_text(text)
    conf.write_text(conf.read_text().replace(f"{ROOT}/deploy/nginx/app.conf", f"{workdir}/app.conf"))
    process = subprocess.Popen([binary, "-c", str(conf), "-p", workdir])
    for _ in range(300):
        try:
            get(port, "localhost", "/livez")
            return process, port
        except urllib.error.HTTPError:  # nginx is up; the nodes answer for themselves later
            return process, port
        except OSError:
            time.sleep(0.1)
    process.kill()
    raise SystemExit("nginx did not start")


# ---------------------------------------------------------------- (a) an edit through A, seen through B


def prove_edit(port_a: int, port_b: int, device) -> dict:
    staff = Client(port_a, "localhost")
    status, location, _ = staff.post_form("/console/login/", {"username": STAFF[0], "password": STAFF[1]})
    assert status == 302 and "otp" in location, (status, location)
    status, location, _ = staff.post_form("/console/otp/", {"token": totp_now(device)})
    assert status == 302, ("otp", status)
    visitor_b = Client(port_b, HOST)
    before = visitor_b.request("GET", "/")[0]
    token = staff.csrf("/console/")
    suspend = staff.request(
        "POST", f"/console/desa/{SLUG}/tangguhkan/", {"csrfmiddlewaretoken": token, "reason": "bench"}
    )[0]
    suspended, suspend_delay = until(visitor_b, 503)
    resume = staff.request("POST", f"/console/desa/{SLUG}/aktifkan/", {"csrfmiddlewaretoken": token})[0]
    resumed, resume_delay = until(visitor_b, 200)
    return {
        "B before": before,
        "suspend on A": suspend,
        "B next": suspended,
        "B 503 after s": suspend_delay,
        "resume on A": resume,
        "B after": resumed,
        "B 200 after s": resume_delay,
    }


def until(visitor, wanted: int, limit: float = 5.0):
    """The first status B answers, and how long until it answers `wanted`: other nodes learn of a routing
    change through the shared version key within ROUTING_CHECK_SECONDS (1 s), not on their very next request."""
    started = time.monotonic()
    first = visitor.request("GET", "/")[0]
    status = first
    while status != wanted and time.monotonic() - started < limit:
        time.sleep(0.05)
        status = visitor.request("GET", "/")[0]
    return first, round(time.monotonic() - started, 2) if status == wanted else None


# ---------------------------------------------------------------- (b) an image saved through A, served by B

NODE_A_SAVE = """
import io
from PIL import Image as Pil
from django.core.files.images import ImageFile
from django_tenants.utils import schema_context
from wagtail.images import get_image_model
from desa_platform.tenancy.models import Desa
from sites.berita.models import BeritaPage
desa = Desa.objects.get(slug=%(slug)r)
with schema_context(desa.schema_name):
    buf = io.BytesIO()
    Pil.new("RGB", (640, 400), (30, 120, 60)).save(buf, "JPEG")
    image = get_image_model()(title="Balai desa (bench nodes)")
    image.file = ImageFile(buf, name="balai-desa-nodes.jpg")
    image.save()
    page = BeritaPage.objects.get(slug="kabar-nodes")
    page.gambar = image
    page.save_revision().publish()
    print("saved", image.file.name)
"""


def prove_image(env_a: dict, port_b: int, endpoint: str) -> dict:
    out = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", NODE_A_SAVE % {"slug": SLUG}],
        env=env_a,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    if out.returncode:
        raise SystemExit(f"saving through node A failed:\n{out.stderr[-2000:]}")
    status, _, html = Client(port_b, HOST).request("GET", "/kabar-nodes/?nodes=1")
    urls = re.findall(rb'(?:src|srcset)="([^" ]*%s[^" ]*)' % re.escape(endpoint.encode()), html)
    rendition = urls[0].decode() if urls else ""
    image_status = 0
    if rendition:
        parsed = urllib.parse.urlsplit(rendition)
        conn = http.client.HTTPConnection(parsed.hostname, parsed.port, timeout=30)
        conn.request("GET", parsed.path)
        response = conn.getresponse()
        body = response.read()
        image_status = response.status if body[:2] == b"\xff\xd8" or body[:4] == b"RIFF" else -response.status
    return {"saved": out.stdout.strip(), "page on B": status, "rendition": rendition, "rendition GET": image_status}


# ---------------------------------------------------------------- (c) kill A under load


def load(front: int, master_a, duration: float, readers: int, writers: int, marker: str) -> dict:
    results, lock = [], threading.Lock()
    stop = time.monotonic() + duration
    kill_at = [None]
    counter = iter(range(1, 60000))

    def record(kind, started, status, extra=None):
        with lock:
            results.append((kind, started, status, extra))

    def reader(n):
        visitor = Client(front, HOST)
        paths = ["/", "/kabar-nodes/", "/kontak/"]
        i = 0
        while time.monotonic() < stop:
            started = time.monotonic()
            try:
                status = visitor.request("GET", paths[i % 3])[0]
            except OSError:
                status = 0
            record("view", started, status)
            i += 1

    def writer(n):
        while time.monotonic() < stop:
            with lock:
                k = next(counter)
            visitor = Client(front, HOST, source=f"127.0.{k // 250 + 1}.{k % 250 + 2}")
            nama = f"{marker}-{k}"
            started = time.monotonic()
            try:
                fields = {"nama": nama, "email": "warga@contoh.id", "telepon": "", "jenis": "pertanyaan"}
                status, location, _ = visitor.post_form("/kontak/", {**fields, "pesan": "Lampu jalan mati."})
                confirmed = status == 302 and location.rstrip("/").endswith("terkirim")
            except (OSError, RuntimeError, http.client.HTTPException):
                status, confirmed = 0, False
            record("post", started, status, (nama, confirmed))

    threads = [threading.Thread(target=reader, args=(n,)) for n in range(readers)]
    threads += [threading.Thread(target=writer, args=(n,)) for n in range(writers)]
    for t in threads:
        t.start()
    time.sleep(duration / 2)
    kill_at[0] = time.monotonic()
    kill_node(master_a)
    for t in threads:
        t.join()
    return {"results": results, "kill_at": kill_at[0]}


def stored_names(desa, marker: str) -> set[str]:
    from django.db import connection
    from django_tenants.utils import schema_context

    from sites.kontak.models import Pesan

    connection.close()
    with schema_context(desa.schema_name):
        return set(Pesan.objects.filter(nama__startswith=marker + "-").values_list("nama", flat=True))


# ---------------------------------------------------------------- main


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--duration", type=float, default=20)
    parser.add_argument("--readers", type=int, default=3)
    parser.add_argument("--writers", type=int, default=3)
    args = parser.parse_args()
    if not os.environ.get("BENCH_DATABASE_URL") or not os.environ.get("REDIS_URL"):
        raise SystemExit("set BENCH_DATABASE_URL and REDIS_URL: the nodes share the machine's PostgreSQL and Redis")

    setup("desa_nodes")
    print("provisioning ...", flush=True)
    desa, device = provision()
    from django.db import connection

    connection.close()

    import redis

    redis.Redis.from_url(os.environ["REDIS_URL"]).flushdb()  # our own db: a fresh rate-limit allowance
    s3_port = free_port()
    endpoint = f"http://127.0.0.1:{s3_port}"
    os.environ.update(
        {
            "AWS_STORAGE_BUCKET_NAME": BUCKET,
            "AWS_S3_ENDPOINT_URL": endpoint,
            "AWS_ACCESS_KEY_ID": "bench",
            "AWS_SECRET_ACCESS_KEY": "bench",
            "AWS_DEFAULT_REGION": "us-east-1",
        }
    )
    database = {"DATABASE_URL": os.environ["BENCH_DATABASE_URL"]}
    processes = []
    try:
        processes.append(start_moto(s3_port))
        port_a, port_b = free_port(), free_port()
        node_a = start_gunicorn(port_a, 1, database)
        processes.append(node_a)
        node_b = start_gunicorn(port_b, 1, database)
        processes.append(node_b)
        env_a = {
            **os.environ,
            **database,
            "DJANGO_SETTINGS_MODULE": "desa_platform.settings.production",
            "SECRET_KEY": "bench-" + "x" * 50,
            "SIGNING_KEY_ENCRYPTION_KEY": "bench-signing-" + "x" * 40,
            "SECURE_SSL_REDIRECT": "false",
            "DESA_VAR_DIR": str(ROOT / "var" / "bench"),
            "PLATFORM_DOMAINS": "localhost,127.0.0.1",
        }
        edit = prove_edit(port_a, port_b, device)
        print("(a) edit through A, seen through B:", edit, flush=True)
        image = prove_image(env_a, port_b, endpoint)
        keys = bucket_keys(endpoint)
        print("(b) image through A, served by B:", image, flush=True)
        print("    bucket keys:", keys, flush=True)
        with tempfile.TemporaryDirectory() as workdir:
            nginx, front = start_nginx(port_a, port_b, workdir)
            processes.append(nginx)
            marker = f"nodes{int(time.time())}"
            run = load(front, node_a, args.duration, args.readers, args.writers, marker)
            time.sleep(1)
            stored = stored_names(desa, marker)
    finally:
        for process in reversed(processes):
            if process.poll() is None:
                process.terminate()
                try:
                    process.wait(10)
                except subprocess.TimeoutExpired:
                    process.kill()

    results, kill_at = run["results"], run["kill_at"]
    posts = [r for r in results if r[0] == "post"]
    views = [r for r in results if r[0] == "view"]
    confirmed = {r[3][0] for r in posts if r[3][1]}
    lost = confirmed - stored

    def fivexx(rows, before):
        return sum(1 for r in rows if r[2] >= 500 and ((r[1] < kill_at) == before))

    prefix_ok = bool(keys) and all(key.startswith(desa.schema_name + "/") for key in keys)
    print(f"\n{'check':44} {'result':>12}")
    print(f"{'(a) B next request after suspend on A':44} {edit['B next']:>12}")
    print(f"{'(a) B answers 503 within, s':44} {str(edit['B 503 after s']):>12}")
    print(f"{'(a) B next request after resume on A':44} {edit['B after']:>12}")
    print(f"{'(a) B answers 200 within, s':44} {str(edit['B 200 after s']):>12}")
    print(f"{'(b) rendition of A upload served via B':44} {image['rendition GET']:>12}")
    print(f"{'(b) all S3 keys under desa prefix':44} {str(prefix_ok) + f' ({len(keys)})':>12}")
    print(f"{'(c) page views (after kill)':44} {f'{len(views)} ({sum(r[1] >= kill_at for r in views)})':>12}")
    print(f"{'(c) posts confirmed / stored / lost':44} {f'{len(confirmed)}/{len(stored)}/{len(lost)}':>12}")
    print(f"{'(c) posts sent / not confirmed':44} {f'{len(posts)}/{len(posts) - len(confirmed)}':>12}")
    print(f"{'(c) 5xx started before kill (in flight)':44} {fivexx(results, True):>12}")
    print(f"{'(c) 5xx started after kill':44} {fivexx(results, False):>12}")
    other = sorted({r[2] for r in results} - {200, 302})
    print(f"{'(c) other statuses seen':44} {str(other):>12}")
    print(f"duration {args.duration:.0f} s, {args.readers} readers + {args.writers} writers, A killed at half-time")


if __name__ == "__main__":
    main()
