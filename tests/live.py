"""What the browser tests share: a real threaded WSGI server on a free port, and Debian's Chromium launched the
way the README asks (headless, no sandbox, no background network), with test hosts mapped to loopback."""

import threading
from contextlib import contextmanager
from pathlib import Path

import pytest
from django.core.handlers.wsgi import WSGIHandler
from django.core.servers.basehttp import ThreadedWSGIServer, WSGIRequestHandler

CHROMIUM = "/usr/bin/chromium"
needs_chromium = pytest.mark.skipif(
    not Path(CHROMIUM).exists(), reason=f"no Chromium at {CHROMIUM} (apt-get install chromium)"
)


class QuietHandler(WSGIRequestHandler):
    def log_message(self, *args):
        pass


@contextmanager
def wsgi_server():
    """The whole Django app on 127.0.0.1:<port> in a thread; yields the port."""
    server = ThreadedWSGIServer(("127.0.0.1", 0), QuietHandler, allow_reuse_address=False)
    server.set_app(WSGIHandler())
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server.server_address[1]
    finally:
        server.shutdown()
        server.server_close()


def launch_chromium(playwright, hosts=()):
    """Headless Chromium through Playwright; each of `hosts` resolves to 127.0.0.1 (desa domains in tests)."""
    args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
    if hosts:
        args.append("--host-resolver-rules=" + ", ".join(f"MAP {host} 127.0.0.1" for host in hosts))
    return playwright.chromium.launch(executable_path=CHROMIUM, args=args)
