"""gunicorn for Desa Digital: `gunicorn -c deploy/gunicorn.conf.py` (systemd passes the socket when activated)."""

import multiprocessing
import os

wsgi_app = "desa_platform.wsgi:application"
bind = os.environ.get("GUNICORN_BIND", "unix:/run/desa-digital/gunicorn.sock")
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() * 2 + 1))
threads = int(os.environ.get("GUNICORN_THREADS", 1))
# Every PostgreSQL backend caches catalog entries for each schema it touches (~0.16 MB a desa), and so does
# each worker: recycle workers (and, through CONN_MAX_AGE, connections) so memory stays flat.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", 2000))
max_requests_jitter = max_requests // 10
timeout = int(os.environ.get("GUNICORN_TIMEOUT", 30))
graceful_timeout = 30
keepalive = 5
# Load the app before forking: workers share its memory and a broken deploy fails at start, not per worker.
preload_app = True
accesslog = os.environ.get("GUNICORN_ACCESSLOG", "-") or None
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOGLEVEL", "info")
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1")
proc_name = "desa-digital"
# gunicorn's control socket (gunicornc) sits at one path per user ($HOME/.gunicorn/gunicorn.ctl): a second
# instance on the same machine (two nodes, a test server beside the service) would fight over it. systemd
# manages our processes, so it stays off unless a path is given.
control_socket = os.environ.get("GUNICORN_CONTROL_SOCKET", "")
control_socket_disable = not control_socket


def post_fork(server, worker):
    # A connection opened while preloading must not be shared by the forked workers.
    from django.db import connections

    for connection in connections.all():
        connection.close()


def worker_exit(server, worker):
    # A worker recycled after max_requests (or stopped) writes the page views it counted but has not written yet
    # (desa_platform/monitoring/visits.py writes at most once a second).
    from desa_platform.monitoring import visits

    visits.write_counted()
