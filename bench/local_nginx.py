"""The deploy nginx (deploy/nginx/app.conf) as our own process on loopback, for tests and benchmarks: a temp
config derived from the deployed one, with its /srv/desa-digital/var/ paths pointed at a local folder."""

import shutil
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

CONF = """
daemon off;
master_process on;
user root;  # ignored unless run as root; then workers can read the temp folders (0700) like the master
worker_processes 2;
pid %(dir)s/nginx.pid;
error_log %(dir)s/error.log warn;
events { worker_connections 1024; }
http {
    include /etc/nginx/mime.types;
    sendfile on;
    access_log off;
    client_body_temp_path %(dir)s/body;
    proxy_temp_path %(dir)s/proxy;
    fastcgi_temp_path %(dir)s/fastcgi;
    uwsgi_temp_path %(dir)s/uwsgi;
    scgi_temp_path %(dir)s/scgi;
    include %(dir)s/media-map.conf;
    upstream desa_digital { server %(upstream)s fail_timeout=0; keepalive 32; }
    proxy_cache_path %(dir)s/cache levels=1:2 keys_zone=desa_pages:50m max_size=1g inactive=30m;
    server {
        listen 127.0.0.1:%(port)d default_server;
        server_name _;
        include %(dir)s/app.conf;
    }
}
"""


def binary() -> str | None:
    return shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start(workdir: Path, var_dir: Path, upstream: str, media_map: str) -> tuple[subprocess.Popen, int]:
    """upstream: 'unix:/path/gunicorn.sock' or '127.0.0.1:8000'. Returns (process, port)."""
    workdir.mkdir(parents=True, exist_ok=True)
    app = (ROOT / "deploy/nginx/app.conf").read_text().replace("/srv/desa-digital/var/", f"{var_dir}/")
    # The visit log's format and condition are declared in desa-digital.conf's http block, which this stand-in
    # does not load; those logs are the monitoring timer's business, not the test's.
    app = "\n".join(line for line in app.splitlines() if "access_log /var/log/nginx/" not in line)
    (workdir / "app.conf").write_text(app)
    (workdir / "media-map.conf").write_text(media_map)
    port = free_port()
    conf = workdir / "nginx.conf"
    conf.write_text(CONF % {"dir": workdir, "upstream": upstream, "port": port})
    process = subprocess.Popen([binary(), "-c", str(conf), "-p", str(workdir)], stderr=subprocess.DEVNULL)
    for _ in range(100):
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return process, port
        except OSError:
            if process.poll() is not None:
                log = workdir / "error.log"
                raise RuntimeError(log.read_text() if log.exists() else "nginx exited") from None
            time.sleep(0.05)
    process.terminate()
    raise RuntimeError("nginx did not start")


def reload(process: subprocess.Popen, workdir: Path, media_map: str) -> None:
    import signal

    (workdir / "media-map.conf").write_text(media_map)
    process.send_signal(signal.SIGHUP)
    time.sleep(0.5)


def get(port: int, host: str, path: str) -> int:
    request = urllib.request.Request(f"http://127.0.0.1:{port}{path}", headers={"Host": host})
    try:
        with urllib.request.urlopen(request, timeout=5) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code
