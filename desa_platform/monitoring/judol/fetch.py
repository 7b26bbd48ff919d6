"""Fetching a desa's public page the way a visitor and the way Googlebot would, never over the internet.

In process (the default, what the timer uses): the page goes through the whole Django stack — routing, page
cache, Wagtail, the theme — like a request from outside. Over loopback HTTP (`--alamat http://127.0.0.1:8000`):
through gunicorn (and nginx, if that is the address), to see what the server in front adds. Only loopback
addresses are accepted: the guard never reaches another machine.
"""

import ipaddress
import socket
import urllib.error
import urllib.request
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.db import connection
from django.test import Client

BROWSER_UA = (
    "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Mobile Safari/537.36"
)
GOOGLEBOT_UA = (
    "Mozilla/5.0 (Linux; Android 6.0.1; Nexus 5X Build/MMB29P) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/124.0.0.0 Mobile Safari/537.36 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"
)
MAX_BYTES = 2 * 1024 * 1024
TIMEOUT = 10


@dataclass(frozen=True)
class Fetched:
    status: int
    html: str


class InProcessFetcher:
    def fetch(self, host: str, path: str, user_agent: str) -> Fetched:
        # A fresh client each time: no cookie from one fetch reaches the next (a session would skip the cache).
        client = Client(raise_request_exception=False)
        try:
            response = client.get(path, HTTP_HOST=host, HTTP_USER_AGENT=user_agent, **{"desa.pemindai": "1"})
        finally:
            connection.set_schema_to_public()
        body = b"" if response.streaming else response.content[:MAX_BYTES]
        return Fetched(response.status_code, body.decode(response.charset or "utf-8", "replace"))


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    """A redirect could point anywhere: the guard reports it (the status) instead of following it."""

    def redirect_request(self, *args, **kwargs):
        return None


class LoopbackFetcher:
    def __init__(self, base_url: str):
        parts = urlsplit(base_url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ValueError("Alamat harus seperti http://127.0.0.1:8000")
        addresses = {info[4][0] for info in socket.getaddrinfo(parts.hostname, parts.port or 80)}
        if not all(ipaddress.ip_address(a).is_loopback for a in addresses):
            raise ValueError("Pemindai hanya mengambil halaman lewat alamat loopback (127.0.0.1 / ::1).")
        self.base = f"{parts.scheme}://{parts.netloc}"
        self.opener = urllib.request.build_opener(_NoRedirect)

    def fetch(self, host: str, path: str, user_agent: str) -> Fetched:
        request = urllib.request.Request(self.base + path, headers={"Host": host, "User-Agent": user_agent})
        try:
            with self.opener.open(request, timeout=TIMEOUT) as response:
                return Fetched(response.status, response.read(MAX_BYTES).decode("utf-8", "replace"))
        except urllib.error.HTTPError as error:
            return Fetched(error.code, error.read(MAX_BYTES).decode("utf-8", "replace"))
        except (urllib.error.URLError, TimeoutError, OSError):
            return Fetched(0, "")
